/**
 * Bases named without an org in prose ("a fine-tuned version of Meta's LLaMA-3.1-8B model", "GPT-2 model
 * fine-tuned on …", "T5-base reranker fine-tuned on …"). The name is resolved through ftl's table of well-known
 * models and recorded as `inferred`, with the table's confidence and source; a name the table does not know, or
 * knows as several models, is left alone. Only a sentence that says the model was fine-tuned counts.
 */

import {
  KNOWN_MODEL_CONFIDENCE,
  knownModelSource,
  resolveKnownModel,
  squashName,
} from "../../model/known-models.js";
import { namedRef, refKind } from "../../model/refs.js";
import { trimEnd } from "../../model/trim.js";
import type { CardState } from "../card-body.js";
import { extracted, fact, inferred } from "../facts.js";
import { type Block, replaceLinks, sentences } from "../markdown.js";
import { insideSpans, outOfScopeSpans } from "../prose-scope.js";
import { OTHER_MODEL_POINTER, RELATIVE_HISTORY } from "../read-prose.js";
import { FROM_SCRATCH, foreignText, saysTraining } from "./ml-text.js";
import { modelNameAt } from "./model-name.js";
import {
  HYPOTHETICAL,
  isDescribed,
  NO_FINE_TUNING,
  otherRole,
  partOfLongerName,
} from "./named-base-checks.js";
import { linkText, plainHubIds, withHeadings } from "./named-base-text.js";
import { OWN_LABEL } from "./self-link.js";

/**
 * Words that start a model family's name, also when a version number follows without a space (`Qwen2-0.5B`,
 * `Llama3`: dev g-ne-zh-qwen2-05b-instruct-sft-dpo). Meta's own spelling, "Meta-Llama 3 8B", starts with its org's
 * name (blind dev g5-ld-llama3-koblla-chatvector).
 */
const FAMILY =
  /\b(meta[- ]llama|llama|code|codellama|vicuna|mistral|mixtral|ministral|gpt-?2|distilgpt2|gpt-neo|gpt-j|t5|flan|mt5|bert|distilbert|roberta|distilroberta|xlm-roberta|deberta|mdeberta|electra|albert|qwen|qwq|gemma|codegemma|phi|falcon|tinyllama|smollm[23]?|yi|baichuan2?|chatglm[23]?|glm|internlm2?|deepseek|olmo|zephyr|bart|opt|bloomz?|pythia|starcoder2?|starcoderbase|mpt|stablelm|openchat|whisper|wav2vec2|vit|clip|bertimbau|camembert|flaubert|beto|gbert|rugpt|rut5|rubert|klue|kcbert|kcelectra|koelectra|macbert|elyza|swallow|llm-jp|calm2|chinese-llama|chinese-alpaca|koalpaca|bllossom|exaone)(?:\b|(?=\d))/gi;

const HAS_FAMILY = new RegExp(FAMILY.source, "i");

/**
 * Words that say the model was fine-tuned from the name beside them; "uses X as a base and trains it further" (blind
 * dev g5-ld-llama3-koblla-chatvector) and "trained using X base LLM" (audit dev sll-u3-perception-lm-8b) too.
 */
const FINE_TUNED =
  /\bfine-?tun(?:ed|ing)\b|\bfinetun(?:ed|ing)\b|\bbased on\b|\bbuilt (?:on|upon)\b|\btrained on top of\b|\bas (?:a|the|its|our) base (?:and|,) (?:then )?(?:trains?|fine-?tunes?)\b|\btrained (?:using|with|from) [^;]{1,60}? (?:as (?:the |its )?)?(?:base|backbone) (?:LLM|language model)\b/i;

/**
 * A name given as an example of something else, not as this model's base: "such as the famous zephyr-7b-beta
 * recipe", "like Llama 2", "the Mistral 7B paper" (dev r-rcp-ah-gpt2-nl-cpt-sft-dpo README: "As other recipes,
 * such as the famous zephyr-7b-beta recipe, have shown, we can then teach our model … by finetuning it").
 */
const EXAMPLE_BEFORE =
  /\b(?:such as|like|e\.g\.,?|for example,?)(?: the)?(?: famous| well-known| popular)?$/i;
const EXAMPLE_AFTER = /^\s*(?:recipes?|examples?|papers?|reports?|scripts?|tutorials?|blog)\b/i;

function isMention(sentence: string, start: number, name: string): boolean {
  const end = start + name.length;
  return (
    EXAMPLE_BEFORE.test(sentence.slice(Math.max(0, start - 40), start).trimEnd()) ||
    EXAMPLE_AFTER.test(sentence.slice(end, end + 20)) ||
    partOfLongerName(sentence, start)
  );
}

/**
 * A word that goes on naming a model: a size (`7B`, `(8B)`, `1.5b`), a version (`v0.2`) or a variant (`Instruct`,
 * `Chat`, `it`, `Coder`, `Math`). A name the table resolves that such a word follows is the start of
 * another model's name, not that model: "Mistral Nemo 7B Instruct" is not `Mistral Nemo` (dev
 * g-noorg-dota2-mistral-nemo-7b-qlora), "Mistral 7B Instruct" is not `Mistral 7B`. `base` is not among them:
 * "the mistral 7B base model" restates that the name is the base model the table gives (audit dev
 * ncp-mistral-7b-qlora-stanford-alpaca-data).
 */
const NAME_GOES_ON =
  /^\(?(?:\d+(?:\.\d+)?[bmk]|\d+x\d+b|v\d[\w.]*|instruct|chat|it|coder|math|vision|sft|dpo|xl|xxl|mini|tiny|small|medium|nano|uncensored|abliterated|distill|turbo|preview|lite|moe|gguf|gptq|awq|exl2|mlx|bnb|[48]-?bit|fp8)\)?[,.;:]?$/i;

/** The longest run of up to six words from `start` that the table resolves. */
function resolveAt(text: string, start: number): { id: string; name: string } | undefined {
  // A name is Latin letters, digits and a few marks: it ends at the first other character (`Qwen2-0.5B-Instruct`
  // in "`Qwen2-0.5B-Instruct`的SFT", with no space before the Chinese text).
  const head = /^[\w.()' -]+/.exec(text.slice(start, start + 80))?.[0] ?? "";
  const words = head.split(/\s+/).slice(0, 6);
  for (let n = words.length; n >= 1; n--) {
    const name = trimEnd(words.slice(0, n).join(" "), "),.;:!?'\"`*").replace(/'s$/, "");
    // A legacy root-level Hub id (`bert-base-uncased`) is a Hub id as written.
    if (n === 1 && refKind(name) === "hub") return { id: name, name };
    const id = resolveKnownModel(name);
    if (id) return NAME_GOES_ON.test(words[n] ?? "") ? undefined : { id, name };
  }
  return undefined;
}

/** Folder names that start a path, not an org (`models/chatglm-lora`, dev j-other-zh-chatglm-cpu-trainer-tool-readme). */
export const PATH_HEAD =
  /^(?:models?|outputs?|data|checkpoints?|ckpts?|saves?|runs|results|tmp|exp|experiments)$/i;

/**
 * A family name that is the name part of a Hub id written in full (`unsloth/Llama-3.2-1B-Instruct`): the id as
 * written, never the table's canonical id. dev k-ne-pt-fiap-llama32-1b-qlora-gguf: "o processo de fine-tuning
 * propriamente dito, carregando o modelo unsloth/Llama-3.2-1B-Instruct".
 */
/** What `/[A-Za-z0-9][\w.-]*$/` finds: the run of id characters ending the text, from its first letter or digit. */
function idTail(text: string): string | undefined {
  let from = text.length;
  while (from > 0 && /[\w.-]/.test(text[from - 1] ?? "")) from--;
  while (from < text.length && !/[A-Za-z0-9]/.test(text[from] ?? "")) from++;
  return from < text.length ? text.slice(from) : undefined;
}

function writtenId(sentence: string, start: number): string | undefined {
  if (sentence[start - 1] !== "/") return undefined;
  const head = sentence.slice(Math.max(0, start - 41), start - 1);
  const before = idTail(head);
  const after = /^[\w.-]+/.exec(sentence.slice(start))?.[0];
  // `soulteary/llama2:converter` is a container image with its tag, not a model (dev c-ne-zh-linksoul-*).
  if (after && /^:\w/.test(sentence.slice(start + after.length))) return undefined;
  // Not a path segment (`./models/chatglm-lora`) nor a web address (`github.com/InternLM`).
  const lead = head[head.length - (before?.length ?? 0) - 1];
  if (!before || !after || (lead !== undefined && !/[\s([`'"]/.test(lead))) return undefined;
  if (/\.[a-z]{2,}$/i.test(before) || PATH_HEAD.test(before)) return undefined;
  const id = `${before}/${trimEnd(after, ".-")}`;
  return refKind(id) === "hub" ? id : undefined;
}

/**
 * Does the sentence say a model was trained? English verbs, or the training words of the other languages read
 * (`ml-phrases.ts`) in a sentence that is not English. dev k-noorg-fr-alexisdaf-gpt2-lora: "fine-tuner un
 * algorithme de traitement de langage sur un modèle déjà pré-entrainé GPT2".
 */
function saysFineTuned(sentence: string, otherLanguages: boolean): boolean {
  if (FROM_SCRATCH.test(sentence)) return false;
  if (!otherLanguages) return FINE_TUNED.test(sentence);
  // A method's acronym is a training word in any language ("`Qwen2-0.5B-Instruct`的SFT": dev
  // g-ne-zh-qwen2-05b-instruct-sft-dpo).
  const trained = saysTraining(sentence.toLowerCase()) || /\b(?:SFT|DPO|LoRA|QLoRA)\b/.test(sentence);
  return (foreignText(sentence) || /\bfine-?tun/i.test(sentence)) && trained;
}

/** Hub ids written anywhere in the card (`org/name`, not inside a web address or a path). */
function idsWritten(blocks: Block[]): string[] {
  const out = new Set<string>();
  for (const b of blocks)
    for (const m of b.text.matchAll(/(?<![\w./-])([A-Za-z0-9][\w.-]{0,60}\/[A-Za-z0-9][\w.-]{0,100})/g)) {
      const id = trimEnd(m[1] ?? "", ".-");
      const org = id.split("/")[0] ?? "";
      if (refKind(id) === "hub" && !PATH_HEAD.test(org) && !/\.[a-z]{2,}$/i.test(org)) out.add(id);
    }
  return [...out];
}

/**
 * The card's own spelling of a name the table resolved: one Hub id written elsewhere in the card whose name
 * is that name, or that name and a format (`Gemma-3-270m-it` with "**ベースモデル**:
 * `lmstudio-community/gemma-3-270m-it-MLX-8bit`", dev e-ne-ja-technavi-gemma3-270m-mlx-lora), is the model meant.
 */
/**
 * What a copy of the same weights adds to the name: its format and bits (`-MLX-8bit`, `-bnb-4bit`, `-GGUF`),
 * nothing else. A longer name (`Llama-3.1-8B-Computer-Networks-LLM`) is another model, often the card's own.
 */
const COPY_SUFFIX = /^(?:unsloth|bnb|mlx|gguf|gptq|awq|exl2|fp8|fp16|bf16|int[48]|[248]bit|hf){0,4}$/;

function spelledOut(blocks: Block[], name: string, resolved: string): string | undefined {
  const key = squashName(name);
  const ids = idsWritten(blocks).filter((id) => {
    const own = squashName(id.split("/")[1] ?? "");
    return (
      id.toLowerCase() !== resolved.toLowerCase() &&
      own.startsWith(key) &&
      COPY_SUFFIX.test(own.slice(key.length))
    );
  });
  return ids.length === 1 ? ids[0] : undefined;
}

function pushWritten(state: CardState, id: string, line: number): void {
  state.proseBases.push(
    fact(
      id,
      extracted(state.file, { line, confidence: 0.7, note: "a Hub id in a sentence about fine-tuning" }),
    ),
  );
}

/**
 * The first well-known model a text names without its org, resolved by the table, under the same checks as a
 * base in a sentence about fine-tuning (not an example, not part of a longer name, not a name that goes on).
 * Used by other readers ("GPTQ version of Llama 2 7B Chat").
 */
export function firstKnownName(text: string): { id: string; name: string } | undefined {
  const sentence = replaceLinks(text, (label) => label).replace(/\*\*|__/g, "");
  for (const m of sentence.matchAll(FAMILY)) {
    const at = m.index ?? 0;
    if (/[\w./-]/.test(sentence[at - 1] ?? "")) continue;
    const found = resolveAt(sentence, at);
    if (found && !isMention(sentence, at, found.name)) return found;
  }
  return undefined;
}

/** "X can be fine-tuned …", "X could be trained …": the name at `at` is what a reader may train, not a base. */
function modalAfter(sentence: string, at: number): boolean {
  let i = at;
  while (i < at + 120 && /[\w./-]/.test(sentence[i] ?? "")) i++;
  return /^[`*_\s]{0,6}(?:can|could|may|might|should|will) be\b/i.test(sentence.slice(i, i + 20));
}

/** A size in a model's name: `3B`, `1.7B`, `8x7B`, `350M` (as a word of its own or after a dash). */
const SIZE = /(?:^|[\s-])\d+(?:\.\d+)?(?:x\d+)?[BM](?:$|[\s-])/i;

/**
 * A dated news line ("[2023/05/06] We are releasing X, based on MPT-7B-Chat!", "**2024.07.03**: …") announces
 * releases, often of other models (audit dev gen-w2-llama3-llava-next-8b-gpt4-data-openai-terms).
 */
const DATED_NEWS = /^\W{0,4}\d{4}[./-]\d{1,2}\b/;

/** Sections about other people's work or the project's history: credits, citations, news, related work. */
const ASIDE_SECTION =
  /acknowledg|thank|credit|citation|cite|reference|related|news|update|changelog|release/i;

/** A name that labels what follows it ("- InternLM2.5-chat-7B: further aligned on top of InternLM2.5 …"). */
const LABEL_COLON = /^[*_`\s]{0,4}[:：]/;

/** "The fine-tuned LLaMA 8B (q4) model is compiled …": the name is the fine-tuned model, not its base. */
const FINE_TUNED_ADJECTIVE = /\b(?:the|a|an|our|my|this|their|your)\s+fine-?tuned\s+[*_`]{0,2}$/i;

/**
 * A family's model the table does not know, named with its size in a sentence that says the model was fine-tuned
 * from it ("fine-tuned Llama 3B with QLoRA", "SFT of llm-jp-4-8b"): kept as the name written (`name:…`), the last
 * resort when no reader finds a base (`readNamedBaseFallback`). Not a name the sentence describes ("X is a …"), an
 * example, or the start of a longer name.
 */
function noteUnknownName(sentence: string, at: number, state: CardState, block: Block): void {
  if (state.namedBase !== undefined || DATED_NEWS.test(sentence)) return;
  if (block.headings.some((h) => ASIDE_SECTION.test(h))) return;
  const { line } = block;
  const name = modelNameAt(sentence.slice(at));
  if (!name || !SIZE.test(name) || isMention(sentence, at, name)) return;
  const after = sentence.slice(at + name.length, at + name.length + 80);
  if (isDescribed(after) || LABEL_COLON.test(after)) return;
  if (FINE_TUNED_ADJECTIVE.test(sentence.slice(Math.max(0, at - 40), at))) return;
  const note = `"${name}" named as the base in a sentence about fine-tuning, without an id; ftl's table of well-known models does not know it, so the name is kept as written`;
  state.namedBase = {
    base: fact(namedRef(name), extracted(state.file, { line, confidence: 0.6, note })),
    line,
  };
}

/** The base named only by its name (`noteUnknownName`), when no reader found one. */
export function readNamedBaseFallback(_blocks: Block[], state: CardState): void {
  const named = state.namedBase;
  if (named === undefined || state.proseBases.length > 0 || state.out.bases.length > 0) return;
  state.proseBases.push(named.base);
  state.genericFineTune ??= named.line;
}

/** Reads names of well-known bases from English sentences that say the model was fine-tuned from them. */
export function readNamedBases(blocks: Block[], state: CardState): void {
  readNames(blocks, state, false);
}

/**
 * The same in sentences with another language's training word, when the phrase readers of those languages found
 * no base (they run first: a sentence may name a model it compares with before the base, dev
 * j-ne-ko-adstyles-kogpt2-nsmc-finetune "영문 생성에 치중된 **GPT-2** 모델의 한계를 넘어, **KoGPT2**를 기반으로 …").
 */
export function readNamedBasesOtherLanguages(blocks: Block[], state: CardState): void {
  readNames(blocks, state, true);
}

/** The sentence with its `org/name` ids (also inside addresses) blanked. */
function withoutIds(sentence: string): string {
  return sentence
    .replace(/https?:\/\/[^\s)\]]{1,300}/g, " ")
    .replace(/(?<![\w./-])[A-Za-z0-9][\w.-]{0,95}\/[\w.-]{1,96}/g, " ");
}

function readNames(blocks: Block[], state: CardState, otherLanguages: boolean): void {
  if (state.proseBases.length > 0) return;
  // The front matter names the base: a sentence saying the model was fine-tuned from a model it names ("a full
  // parameter fine-tune of the Llama-3.2 3B foundation model", dev y3-card-hermes3-llama32-3b-full-ft-card-copy)
  // still says a training happened, which the front matter alone does not.
  const metaBase = state.out.bases.length > 0;
  if (metaBase && state.genericFineTune !== undefined) return;
  const described = new Set<string>();
  for (const block of withHeadings(blocks)) {
    if (block.type === "code" || block.type === "table") continue;
    // Cheap test first: a block with no family name says nothing here.
    if (!HAS_FAMILY.test(block.text)) continue;
    for (const raw of sentences(block.text)) {
      if (!HAS_FAMILY.test(raw)) continue;
      const sentence = plainHubIds(replaceLinks(raw, linkText)).replace(/\*\*|__/g, "");
      // The words that say so must be the sentence's, not a repository's name ("[Starxx/LLaMa3-Fine-Tuning-Law](…)":
      // blind dev w4-ne-zh-llama3-8b-bnb4-law-lora-merged).
      if (sentence.length > 600 || !saysFineTuned(withoutIds(sentence), otherLanguages)) continue;
      if (OTHER_MODEL_POINTER.test(sentence) || NO_FINE_TUNING.test(sentence) || HYPOTHETICAL.test(sentence))
        continue;
      // "You can fine-tune X", "X can be fine-tuned with QLoRA": what the reader may do, not what was done.
      const scope = outOfScopeSpans(sentence);
      for (const m of sentence.matchAll(FAMILY)) {
        const at = m.index ?? 0;
        if (insideSpans(scope, at) || modalAfter(sentence, at)) continue;
        if (RELATIVE_HISTORY.test(sentence.slice(Math.max(0, at - 80), at))) continue;
        const written = writtenId(sentence, m.index ?? 0);
        const from = written ? sentence.lastIndexOf(written, at) : at;
        if (
          otherRole(sentence.slice(Math.max(0, from - 60), from), sentence.slice(at).replace(/^[\w.-]+/, ""))
        )
          continue;
        // "Fine-Tuned model: org/x" names the card's own model (dev m-card-qwen15-05b-openassist-readme).
        if (
          written &&
          !OWN_LABEL.test(sentence.slice(Math.max(0, at - written.length - 40), from).replace(/-/g, " "))
        ) {
          if (metaBase) state.genericFineTune ??= block.line;
          else pushWritten(state, written, block.line);
          return;
        }
        if (/[\w./-]/.test(sentence[(m.index ?? 0) - 1] ?? "")) continue;
        const found = resolveAt(sentence, m.index ?? 0);
        if (!found) {
          if (!metaBase) noteUnknownName(sentence, at, state, block);
          continue;
        }
        if (described.has(found.id)) continue;
        // The model the card describes is not its base, here or further on (a paragraph in Chinese is one
        // sentence: "ChatGLM-6B 是… ChatGLM-6B 使用了…").
        const end = (m.index ?? 0) + found.name.length;
        if (isDescribed(sentence.slice(end, end + 80))) described.add(found.id);
        if (described.has(found.id) || isMention(sentence, m.index ?? 0, found.name)) continue;
        if (metaBase) {
          state.genericFineTune ??= block.line;
          return;
        }
        const spelled = spelledOut(blocks, found.name, found.id);
        if (spelled) {
          pushWritten(state, spelled, block.line);
          return;
        }
        state.proseBases.push(
          fact(
            found.id,
            inferred(
              state.file,
              `"${found.name}" named in prose without its org; resolved by ftl's table of well-known models (${knownModelSource(found.id)})`,
              KNOWN_MODEL_CONFIDENCE,
              `line ${block.line}`,
            ),
          ),
        );
        state.genericFineTune ??= block.line;
        return;
      }
    }
  }
}
