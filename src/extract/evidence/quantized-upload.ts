/**
 * Quantised re-uploads described in prose: "This repo contains GPTQ model files for [X](…)", "Llamacpp imatrix
 * Quantizations of X", "ExLlamaV2 quantizations of X … 4.0 bits per weight", "X converted to MLX", "Original
 * model: https://huggingface.co/X". Gives the source model, the method and the bits; `readCard` makes the
 * quantisation step over the named source.
 *
 * The recurring forms, as published on the Hub and mirrored in public repositories (each seen on many cards; the
 * text index that found most of them does not name their repositories, so the count of hits is given):
 *
 * | form | publisher (template) | seen at |
 * | --- | --- | --- |
 * | "This repo contains GPTQ/AWQ/GGUF format model files for [X's Y](…)", "- Original model: [Y](…)", then "# Original model card: X's Y" | TheBloke | 10 index hits (GPTQ), LABELING.md's example |
 * | "## Llamacpp imatrix Quantizations of Y", "Original model: https://huggingface.co/X" | bartowski | 10 index hits |
 * | "## Exllama v2 Quantizations of Y", "Each branch contains an individual bits per weight" | bartowski (exl2) | 1 index hit |
 * | "static quants of https://huggingface.co/X", "weighted/imatrix quants of https://huggingface.co/X" | mradermacher | 10 index hits |
 * | "This is quantized version of [X](…) created using llama.cpp", then "# Original Model Card" | QuantFactory | 6 index hits |
 * | "This model was converted to GGUF format from [`X`](…) using llama.cpp via … GGUF-my-repo" | ggml-org gguf-my-repo space | 8 index hits |
 * | "The Model [self](…) was converted to MLX format from [X](…) using mlx-lm version …" | mlx-community, lmstudio-community | 10 index hits; animaslabs/mlx-models MODEL_CARD.md (template) |
 * | "Quantized version of [X](…)", "obtained by quantizing the weights and activations of [X](…) to FP8/INT8 data type" | Neural Magic / RedHatAI | 10 index hits |
 * | "# unsloth/Y-bnb-4bit", "please go to Meta's original [model card](…/X)", "Directly quantized 4bit model with `bitsandbytes`" | unsloth | 10 index hits |
 * | "This is a GGUF IQ3_XS quantized version of Y", "**Original Model:** `Y`" | roleplaiapp | yahyamed84/Mauritania-legal-RAG models/README.md |
 * | "converted to ggml format from https://huggingface.co/X" | community GGML | DNYoussef/AgentXAgent anon8231489123_gpt4-x-alpaca-13b-native-4bit-128g/ggml_README.txt |
 */

import { hubRepo } from "../../model/hub-url.js";
import { refKind } from "../../model/refs.js";
import { hasLineTerminator, isSpace, trimStart } from "../../model/trim.js";
import type { QuantizationMethod } from "../../model/vocabulary.js";
import type { CardState } from "../card-body.js";
import { extracted, type Fact, fact } from "../facts.js";
import { type Block, innerHeading, links, withoutModelIds } from "../markdown.js";
import { mentions } from "../read-prose.js";
import { knownAfter, knownOriginal, namedOnly, textAfter } from "./model-name.js";
import { saysQuantisedInOtherWords } from "./quantized-other-languages.js";

export interface QuantEvidence {
  source?: Fact<string>;
  method?: Fact<QuantizationMethod>;
  bits?: Fact<number>;
  /** Where a quoted command wrote the converted model, and its type (`Q4_K_M`, `f16`). */
  output?: Fact<string>;
  format?: Fact<string>;
  /** Said by a command the card quotes (`quantized-export.ts`), which may follow the card's training. */
  exported?: boolean;
  /** The export was said in words, not quoted as a command: its step keeps the words' provenance. */
  fromProse?: boolean;
  /** The line of a sentence saying that the card's model is a quantised copy (its source may be unnamed). */
  stated?: number;
  /** That sentence speaks of the card's own repository or model ("This repository is for the … quantized model"). */
  selfStated?: boolean;
  /**
   * The source as a name without an id (`name:MythoMax L2 13B`): the last resort, used only where no id, no
   * labelled base and no downloaded copy names it (card-steps.ts).
   */
  named?: Fact<string>;
}

const METHODS: readonly (readonly [RegExp, QuantizationMethod])[] = [
  [/\b(?:GGUF|GGML|llama\.?cpp)\b/i, "gguf"],
  [/\b(?:Auto)?GPTQ(?:Model)?\b/i, "gptq"],
  [/\b(?:Auto)?AWQ\b/i, "awq"],
  [/\b(?:EXL2|ExLlamaV2|Exllama v2)\b/i, "exl2"],
  [/\bHQQ\b/i, "hqq"],
  [/\b(?:bitsandbytes|bnb|NF4)\b/i, "bitsandbytes"],
  // Formats outside the vocabulary: MLX, and llm-compressor's FP8 / INT8 / INT4 / NVFP4 schemes.
  [/\b(?:MLX|FP8|NVFP4|MXFP4|W[48]A(?:8|16)|INT[48])\b/i, "other"],
];

/**
 * Words that say the card is a quantised copy whatever else the sentence says: "quants of", "quantizations of",
 * "quantized version of", "converted to MLX format from", "quantizing the weights (and activations) of", "quantized
 * from" (dev v2-qnt-amalia-9b-dpo-fp8-report), "prepared using the AMD Quark Quantization tool" (AMD's Ryzen AI uploads:
 * blind dev y8-qnt-amd-smollm2-135m-quark-awq-onnx-ryzenai).
 */
const SAYS_QUANTISED_ALONE =
  /\b(?:quants|quantizations|quantisations|quanti[sz]ed (?:version|copy|variant)|quanti[sz]ing the weights(?: and activations)?)\s+(?:for|of)\b|\b\d{1,2}-?bit (?:copy|version|build) of\b|\bconverted to (?:MLX|GGUF|GGML)\b|\bquanti[sz]ed from\b|\b(?:prepared|created|produced|made) (?:using|with|by) (?:the )?(?:[\w.-]+ ){0,3}quanti[sz]ation (?:tool|toolkit|library|framework)\b/i;
/**
 * Words that say so only beside a method's name: "GPTQ model files for", "GGUF version of", "AWQ conversion of",
 * "We quantized X with AutoAWQ", "This model was quantized to 4 bits with GPTQ", "GGUF files converted from X".
 */
const SAYS_QUANTISED_WITH_METHOD =
  /\b(?:model files|quantization|quantisation|quant|conversion|version|copy|quanti[sz]ed model)\s+(?:for|of)\b|\b(?:we|i|was|were|been|is)\s+quanti[sz]ed\b|^\W{0,3}quanti[sz]ed (?:with|using|via|by|to)\b|\bquanti[sz]ed to [*_]{0,2}(?:FP8|INT[48]|NVFP4|MXFP4|\d{1,2}-?bits?)\b|\bconverted from\b/i;
/**
 * The sentence's subject is the card's own repository or model ("This repository is for the Int4 quantized model of
 * X"); "GGUF quants of this model: [copy]" points at copies elsewhere.
 */
const SELF =
  /\b(?:this|our)\s+(?:repo(?:sitory)?|model|checkpoint|upload)\s+(?:is|contains|provides|hosts|holds|has)\b|本仓库|本倉庫|本模型|该模型|このモデル|このリポジトリ|이 모델|이 저장소/i;
/** Quantisation at load time is how a model is run, not a copy published: "quantized on the fly when loading". */
const AT_LOAD =
  /\b(?:at (?:load|run) ?time|on the fly|when loading|while loading|load_in_[48]bit|for inference)\b/i;
const ORIGINAL = /^\**original model\**/i;

/**
 * `**Original model:** X` → `X`: what `/^\**original model\**\s*:?\**\s*(.*)$/i` captured (the markup, colon and
 * spaces after the label skipped, the rest kept when it is one line), without its ambiguous quantifiers.
 */
function originalModel(text: string): string | undefined {
  const label = ORIGINAL.exec(text);
  if (!label) return undefined;
  let rest = trimStart(text.slice(label[0].length), isSpace);
  if (rest.startsWith(":")) rest = rest.slice(1);
  rest = trimStart(trimStart(rest, "*"), isSpace);
  return hasLineTerminator(rest) ? undefined : rest;
}

function firstModel(text: string): string | undefined {
  const url = /https?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co)\/(?!datasets\/)([\w.-]+\/[\w.-]+)/i.exec(
    text,
  )?.[1];
  return mentions(text).find((m) => m.kind === "model")?.id ?? url;
}

/**
 * The model a sentence says was quantised: the first one named after the words that say so. "GGUF quants of this
 * model: [user/X-GGUF](…)" points at copies of the card's own model, not at its source.
 */
function sourceAfter(text: string, words: RegExpExecArray): string | undefined {
  if (textAfter(text, words) === undefined) return undefined;
  return firstModel(text.slice(words.index)) ?? firstModel(text);
}

/**
 * "Model: [org/X-FP8](…), quantized from [org/X](…)", "org/X-GGUF was converted from org/X": the model named in the
 * same sentence before "quantized / converted from" is the copy the sentence speaks of (dev
 * v2-qnt-amalia-9b-dpo-fp8-report).
 */
function copyBefore(text: string, words: RegExpExecArray): string | undefined {
  if (!/(?:quanti[sz]ed|converted) from$/i.test(words[0])) return undefined;
  const before = text.slice(0, words.index);
  const sentence = before.slice(Math.max(before.lastIndexOf(". "), before.lastIndexOf("\n\n")) + 1);
  const named = mentions(sentence).filter((m) => m.kind === "model");
  return named.length === 1 ? named[0]?.id : undefined;
}

/**
 * "For more details on the model, please go to Meta's original [model card](https://huggingface.co/X)" (unsloth's
 * bnb-4bit uploads), "Refer to the [original model card](…)" (gguf-my-repo): the card of the model this one copies.
 */
function originalCardLink(text: string): string | undefined {
  if (!/\b(?:original|source|upstream)\b/i.test(text)) return undefined;
  for (const link of links(text)) {
    const label = link.text.replace(/[`*]/g, "").trim();
    const said =
      /^original model card$/i.test(label) ||
      // "[Meta Source Model](https://huggingface.co/facebook/xglm-2.9B)" beside the copy's own release link.
      /^(?:[\w’'-]+ )?(?:source|upstream|original) model$/i.test(label) ||
      (/^model card$/i.test(label) &&
        /\boriginal\s*\[$/i.test(text.slice(Math.max(0, link.index - 12), link.index + 1)));
    const hub = said ? hubRepo(link.url) : undefined;
    if (hub?.kind === "model" && hub.id.includes("/")) return hub.id;
  }
  return undefined;
}

/** The first method a block or heading names, in the card's own part. */
function methodIn(text: string): QuantizationMethod | undefined {
  return METHODS.find(([re]) => re.test(text))?.[1];
}

function readBlock(block: Block, state: CardState, ev: QuantEvidence): void {
  const at = (confidence: number) => extracted(state.file, { line: block.line, confidence });
  const original = originalModel(block.text.trim());
  if (original && !ev.source) {
    const id = firstModel(original);
    ev.source = id ? fact(id, at(0.9)) : knownOriginal(original, state, block.line);
    if (!ev.source) ev.named ??= namedOnly(original, state, block.line, "given as the original model");
  }
  // A heading can say it too ("Llamacpp imatrix Quantizations of X").
  const heading = innerHeading(block);
  if (!ev.method && (SAYS_QUANTISED_ALONE.test(heading) || SAYS_QUANTISED_WITH_METHOD.test(heading))) {
    const m = methodIn(heading);
    if (m) ev.method = fact(m, at(0.85));
  }
  if (block.type !== "prose" && block.type !== "item") return;
  const alone = SAYS_QUANTISED_ALONE.exec(block.text);
  const withMethod = alone ? undefined : SAYS_QUANTISED_WITH_METHOD.exec(block.text);
  const method = methodIn(block.text);
  // "version of" with a method the sentence names itself, not one in the name of the model it links to: "a
  // fine-tuned version of [unsloth/…-bnb-4bit](…)" is no bnb copy (blind dev g6-fld-qwen25-05b-unsloth-ckpt60).
  const words = alone ?? (method && methodIn(withoutModelIds(block.text)) ? withMethod : undefined);
  if (!words && method) readOtherLanguage(block, state, ev, method);
  if (!words || AT_LOAD.test(block.text)) return;
  ev.stated ??= block.line;
  if (SELF.test(block.text)) ev.selfStated = true;
  if (method) ev.method ??= fact(method, at(0.85));
  // A link to a person's or an organisation's page ("made by [The Bloke](https://huggingface.co/TheBloke)") is no model.
  const linked = sourceAfter(block.text, words);
  const id = linked !== undefined && refKind(linked) !== "not-a-model" ? linked : undefined;
  if (id && !ev.source) ev.source = fact(id, at(0.85));
  const copy = copyBefore(block.text, words);
  if (copy && copy !== id && !ev.output) ev.output = fact(copy, at(0.85));
  else if (!ev.source && !/quanti[sz]ed$/i.test(words[0])) {
    ev.source = knownAfter(block.text, words, state, block.line);
    const after = ev.source ? undefined : textAfter(block.text, words);
    if (after !== undefined) ev.named ??= namedOnly(after, state, block.line, "named as the quantised model");
  }
  const bpw = /\b(\d(?:\.\d+)?)\s*(?:bpw|bits per weight)\b/i.exec(block.text)?.[1];
  if (bpw && !ev.bits) ev.bits = fact(Number(bpw), at(0.85));
}

/** A statement of the other languages (`SAYS_QUANTISED_OTHER`) beside `method`: the method, and the model it names. */
function readOtherLanguage(
  block: Block,
  state: CardState,
  ev: QuantEvidence,
  method: QuantizationMethod,
): void {
  if (!saysQuantisedInOtherWords(block.text, block.headings)) return;
  const id = firstModel(block.text);
  // "官方4bit量化模型，即`THUDM/chatglm-6b-int4`" names a quantised model, not the source of this one.
  if (id && (methodIn(id) || /\b(?:int[48]|[48]-?bits?)\b/i.test(id))) return;
  const at = extracted(state.file, { line: block.line, confidence: 0.8 });
  ev.stated ??= block.line;
  if (SELF.test(block.text)) ev.selfStated = true;
  ev.method ??= fact(method, at);
  if (id && !ev.source) ev.source = fact(id, at);
}

/**
 * "static quants of https://huggingface.co/X" names no method; the card names it elsewhere: in its headings
 * (`# unsloth/Llama-3.2-3B-bnb-4bit`), else once in its text ("how to use GGUF files").
 */
function methodElsewhere(blocks: Block[], file: string): Fact<QuantizationMethod> | undefined {
  const one = (texts: string[]) => {
    const named = new Set(texts.map(methodIn));
    named.delete(undefined);
    return named.size === 1 ? [...named][0] : undefined;
  };
  const prose = blocks.filter((b) => b.type !== "code");
  const method = one([...new Set(prose.flatMap((b) => b.headings))]) ?? one(prose.map((b) => b.text));
  return method
    ? fact(method, extracted(file, { confidence: 0.7, note: "format named elsewhere in the card" }))
    : undefined;
}

/**
 * "*GGUF version by Unsloth*" right under the title: the card is a quantised copy of the model its title names
 * (docker/model-cards' cards of GGUF builds, dev n-qnt-docker-mistral-small-32-24b-unsloth-gguf).
 */
const VERSION_BY =
  /^\W{0,3}(?:GGUF|GGML|GPTQ|AWQ|EXL2|MLX|HQQ|FP8|NVFP4|bnb)\s+(?:version|quants?|quantizations?|quantisations?|build|conversion)\s+(?:by|from)\s+\S/i;

function titledSource(blocks: Block[], state: CardState, ev: QuantEvidence): void {
  const first = blocks.find((b) => b.type !== "code");
  const title = first?.headings[0];
  if (!first || !title || first.headings.length !== 1 || !VERSION_BY.test(first.text)) return;
  const method = methodIn(first.text);
  if (method) ev.method ??= fact(method, extracted(state.file, { line: first.line, confidence: 0.85 }));
  const id = firstModel(title) ?? idOfName(blocks, title);
  ev.source ??= id
    ? fact(
        id,
        extracted(state.file, { line: first.line, confidence: 0.8, note: "the title names the model" }),
      )
    : knownOriginal(title, state, first.line);
}

/** The Hub id the card writes for a model it names without an org (`Mistral-Small-3.2-24B-Instruct-2506`). */
function idOfName(blocks: Block[], name: string): string | undefined {
  if (!/^[\w.-]{4,96}$/.test(name)) return undefined;
  const lower = name.toLowerCase();
  for (const b of blocks)
    for (const m of mentions(b.text))
      if (m.kind === "model" && m.id.toLowerCase().endsWith(`/${lower}`)) return m.id;
  return undefined;
}

export function readQuantizedUpload(blocks: Block[], state: CardState): void {
  const ev: QuantEvidence = {};
  let said = false;
  let pointer: Fact<string> | undefined;
  titledSource(blocks, state, ev);
  if (ev.source && ev.method) said = true;
  for (const block of blocks) {
    if (block.type === "code" || block.text.length > 3000) continue;
    readBlock(block, state, ev);
    said ||= SAYS_QUANTISED_ALONE.test(block.text);
    const linked = pointer ? undefined : originalCardLink(block.text);
    if (linked) pointer = fact(linked, extracted(state.file, { line: block.line, confidence: 0.8 }));
  }
  // A card that names its format in a heading (`# unsloth/Llama-3.2-3B-bnb-4bit`) and points to the original
  // model's card copies that model.
  if (!ev.source && pointer && (said || ev.method || blocks.some((b) => methodIn(innerHeading(b))))) {
    ev.source = pointer;
    said = true;
  }
  // A card that says it is a quantised copy and names its source elsewhere (the front matter's base_model) may name
  // its method only in another section ("## Quantization Strategy" … "AWQ / Group 128 / UINT4 Weights").
  if (!ev.method && said && (ev.source || ev.stated !== undefined))
    ev.method = methodElsewhere(blocks, state.file);
  if (ev.method || (ev.source && said)) state.quant = ev;
}
