/**
 * Statements of the base model, datasets, method and hyperparameters in Chinese, Japanese, Korean, Russian,
 * German, French, Spanish and Portuguese (issue category 6). Phrases come from `ml-phrases.ts`; every one must have the model or
 * value right beside it, so a card that merely mentions a model adds nothing.
 *
 * Adds to the `CardState`: `proseBases` (0.8 for a clear statement, 0.7 for a weaker one), `genericFineTune`,
 * `proseDatasets`, `hp` under the trainer's key names, and the parameterisation and objective of prose steps.
 */

import { spaceOr, trimEnd, trimStart } from "../../model/trim.js";
import type { CardState } from "../card-body.js";
import { extracted, fact } from "../facts.js";
import type { Block } from "../markdown.js";
import { knownDataset } from "../mentions.js";
import { insideSpans, outOfScopeSpans, reportsPaperResult } from "../prose-scope.js";
import { parameterizationIn } from "../read-prose.js";
import { BASE_PHRASES, type BasePhrase } from "./ml-base-phrases.js";
import { readDerivation } from "./ml-derivation.js";
import { METHOD_LABELS } from "./ml-labels.js";
import { adapterMergeLine } from "./ml-merge.js";
import { applyMethods, type Methods, notePara } from "./ml-methods.js";
import { BASE_LABEL_ITEMS, DATASET_WORDS, METHOD_WORDS } from "./ml-phrases.js";
import { preferHubIds } from "./ml-prefer-ids.js";
import { type Ref, refAfter, refBefore } from "./ml-refs.js";
import { readForeignInline, readSettingsTable } from "./ml-settings.js";
import {
  clause,
  foldTraditional,
  foreignText,
  maskRefs,
  matches,
  phraseRegex,
  saysTraining,
  skipBlock,
  wholeWord,
} from "./ml-text.js";
import { readColumnTable, readDatasets, readHyperparameters } from "./ml-values.js";
import { PROSE_BITS } from "./quantized-base.js";

const BASES = phraseRegex(BASE_PHRASES.map((p) => p.text));
/** Phrases by text: a word may be a weak label (`Modelo: X`) and open a statement (`Modelo X ajustado …`). */
const PHRASE = new Map<string, BasePhrase[]>();
for (const p of BASE_PHRASES)
  PHRASE.set(p.text.toLowerCase(), [...(PHRASE.get(p.text.toLowerCase()) ?? []), p]);
const METHODS = phraseRegex(METHOD_WORDS.map(([w]) => w));

const LORA = /\b(?:q|do)?lora\b/g;
const METHOD = new Map(METHOD_WORDS.map(([w, m]) => [w, m]));

/** The first reference in the few words after a phrase (`基于QLoRA开源的[33B guanaco](…)`), up to the clause end. */
function scanAfter(text: string, from: number): Ref | undefined {
  const limit = Math.min(text.length, from + 30);
  for (let i = from; i < limit; i++) {
    const c = text[i] ?? "";
    if ("。，,；;！？\n".includes(c)) return undefined;
    const k = c.charCodeAt(0);
    if (c !== "[" && !((k >= 48 && k <= 57) || (k >= 65 && k <= 90) || (k >= 97 && k <= 122))) continue;
    // Not from inside a word, a path or a web address (`arxiv.org/abs/2305.14314` holds no model `abs/2305.14314`).
    if (i > from && /[A-Za-z0-9._\-/:]/.test(text[i - 1] ?? "")) continue;
    const ref = refAfter(text, i);
    if (ref && ref.kind !== "dataset" && ref.kind !== "path") return ref;
  }
  return undefined;
}

/** A local path right after a label (`模型路径 : /root/…/Qwen2___5-0___5B-Instruct`): two segments or more. */
function pathAfter(text: string, from: number): Ref | undefined {
  const m = /^[\s`*]*((?:~|\.{1,2})?\/?[\w.-]+(?:\/[\w.-]+)+)/.exec(text.slice(from, from + 300));
  if (!m?.[1]) return undefined;
  const start = from + m[0].length - m[1].length;
  return { value: m[1], kind: "path", start, end: start + m[1].length };
}

/**
 * The model before a word for "model" that stands between it and the phrase (`对 **Qwen-0.5B-Chat** 模型进行参数高效微调`,
 * dev k-ne-zh-hiahia-qwen-05b-chat-lora; `对qwen2-0.5B模型进行QLoRA微调`, a public README, find_string id 30283933274).
 */
function beforeModelWord(text: string, start: number): Ref | undefined {
  // A particle may follow the word (`X 모델을 베이스 모델로`: the phrasing battery, round 8).
  const word = /(?:大模型|模型|モデル|모델)(?:을|를|은|는|の|を|は)?\s*$/.exec(
    text.slice(Math.max(0, start - 10), start),
  );
  return word ? refBefore(text, start - word[0].length) : undefined;
}

/**
 * A label with a Hub id right after it and no separator (`训练脚本将从基座模型 \`Qwen/Qwen3-4B-Instruct-2507\` 开始微调`,
 * find_string 5398968636): an id in `org/name` form says what the label names.
 */
function hubAfterLabel(text: string, end: number): Ref | undefined {
  const ref = refAfter(text, end);
  return ref?.kind === "hub" && /^[\s*_`]*$/.test(text.slice(end, ref.start)) ? ref : undefined;
}

function baseRef(text: string, start: number, end: number, phrase: BasePhrase): Ref | undefined {
  // A label's value starts after its separator (`は，`, ` : `).
  const sep = phrase.label ? /^\s*(?:\*+\s*)?[:：是为為は][\s，、*]*/.exec(text.slice(end, end + 8)) : null;
  if (phrase.label && !sep) return phrase.weak || phrase.colon ? undefined : hubAfterLabel(text, end);
  if (phrase.next && !phrase.next.test(text.slice(end, end + 200).toLowerCase())) return undefined;
  const from = end + (sep?.[0].length ?? 0);
  const ref =
    phrase.side === "before"
      ? (refBefore(text, start) ?? beforeModelWord(text, start))
      : (refAfter(text, from) ?? (phrase.path ? pathAfter(text, from) : undefined));
  const found = ref ?? (phrase.scan ? scanAfter(text, end) : undefined);
  if (!found || found.kind === "dataset" || (found.kind === "path" && !phrase.path)) return undefined;
  // A Hub id ftl's table of training datasets holds is data (`在 tatsu-lab/alpaca 上…微调`).
  if (found.kind === "hub" && knownDataset(found.value)) return undefined;
  if (PLANNED.test(text.slice(found.end, found.end + 16))) return undefined;
  if (namedAsData(text, found)) return undefined;
  if (phrase.followedBy && !text.slice(found.end, found.end + 4).includes(phrase.followedBy))
    return undefined;
  if (phrase.direct && !/^[\s*_`]*$/.test(text.slice(end, found.start))) return undefined;
  if (phrase.trail && !phrase.trail.test(text.slice(found.end, found.end + 40).toLowerCase()))
    return undefined;
  return found;
}

/**
 * A dataset word right before or after a value (spaces and markup between) makes it data (`使用数据集
 * \`tatsu-lab/alpaca\` 进行指令微调`, `X 数据集`).
 */
const DATA_WORDS = [...DATASET_WORDS, "dataset", "datasets"];

function namedAsData(text: string, ref: Ref): boolean {
  const before = trimEnd(
    text.slice(Math.max(0, ref.start - 16), ref.start).toLowerCase(),
    spaceOr("*_`:：「『“\"'(（"),
  );
  const after = trimStart(text.slice(ref.end, ref.end + 16).toLowerCase(), spaceOr("*_`」』”\"')）"));
  return DATA_WORDS.some((w) => before.endsWith(w) || after.startsWith(w));
}

/**
 * A model marked as planned is not the base of anything yet: dev k-vague-ko-junreud-stock-chatbot-planned
 * ("**Base Model**: beomi/llama-2-ko-7b (예정)").
 */
const PLANNED = /^[\s*_`]*[(（]\s*(?:예정|予定|计划|計劃|planned|tbd|todo)\s*[)）]/i;

const FINE_TUNING_HEADING =
  /fine-?tun|finetun|微调|训练|ファインチューニング|学習|파인튜닝|학습|дообуч|обучен|training/i;

/** `* LLM` followed by `* **deepseek-coder-1.3b-instruct**`: the base is the whole next item. */
function labelItemBase(blocks: Block[], b: number): Ref | undefined {
  const block = blocks[b] as Block;
  const next = blocks[b + 1];
  if (next?.type !== "item" || next.line - block.line > 2 || block.type !== "item") return undefined;
  const label = block.text
    .replace(/[*_`:：]/g, "")
    .trim()
    .toLowerCase();
  if (!BASE_LABEL_ITEMS.includes(label)) return undefined;
  if (!FINE_TUNING_HEADING.test(block.headings.filter(Boolean).pop() ?? "")) return undefined;
  const ref = refAfter(next.text, 0);
  const rest = ref ? next.text.slice(ref.end).replace(/[*_`\s]/g, "") : "x";
  return ref && rest === "" && (ref.kind === "hub" || ref.kind === "name") ? ref : undefined;
}

function pushBase(state: CardState, value: string, line: number, confidence: number, note: string): void {
  if (state.proseBases.some((p) => p.value === value)) return;
  state.proseBases.push(fact(value, extracted(state.file, { line, confidence, note })));
}

function readBases(blocks: Block[], b: number, state: CardState, lower: string): void {
  const block = blocks[b] as Block;
  const text = block.text;
  const item = labelItemBase(blocks, b);
  if (item)
    pushBase(state, item.value, blocks[b + 1]?.line ?? block.line, 0.7, "the item after a base-model label");
  for (const m of matches(BASES, lower)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (!wholeWord(text, start, end)) continue;
    for (const phrase of PHRASE.get(m[0]) ?? []) readBase(blocks, state, { b, lower, start, end }, phrase);
  }
}

type At = { b: number; lower: string; start: number; end: number };

function readBase(blocks: Block[], state: CardState, { b, lower, start, end }: At, phrase: BasePhrase): void {
  const block = blocks[b] as Block;
  const text = block.text;
  if (phrase.verbAfter && !saysTraining(lower.slice(end, end + phrase.verbAfter))) return;
  if (phrase.weak && !weakLabelHolds(blocks, b, text, start)) return;
  const ref = baseRef(text, start, end, phrase);
  if (!ref) return;
  // A link's address is not words: a clause with links is read further (still to its sentence's end).
  const around = clause(
    lower,
    Math.min(start, ref.start),
    Math.max(end, ref.end),
    text.includes("](") ? 200 : 100,
  );
  const trained = saysTraining(around);
  if ((phrase.needsVerb && !trained) || reportsPaperResult(around)) return;
  const said = lower.slice(start, end);
  pushBase(state, ref.value, block.line, phrase.confidence, `stated in the card's prose ("${said}")`);
  if (phrase.fineTune || trained || phrase.label) state.genericFineTune ??= block.line;
}

/** Training named in the block, its heading or the blocks around it (a list of settings). */
function trainingAround(blocks: Block[], b: number): boolean {
  const heading = (blocks[b] as Block).headings.filter(Boolean).pop() ?? "";
  if (saysTraining(heading.toLowerCase()) || FINE_TUNING_HEADING.test(heading)) return true;
  for (let i = Math.max(0, b - 4); i < Math.min(blocks.length, b + 5); i++) {
    const block = blocks[i] as Block;
    if (block.type !== "code" && saysTraining(block.text.slice(0, 400).toLowerCase())) return true;
  }
  return false;
}

/** A weak label (`模型：`) opens its item, line or row, in a card that speaks of training around it. */
function weakLabelHolds(blocks: Block[], b: number, text: string, start: number): boolean {
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  if (start - lineStart > 12 || !/^[\s*_#>|\-\d.)]*$/.test(text.slice(lineStart, start))) return false;
  return trainingAround(blocks, b);
}

/**
 * A base-model label in a heading, with the model in it (`### BASE_Model : google/gemma-2-2b-it`, dev
 * k-ne-ko-gemma2-2b-kullm-lora): read once, at the first block under it.
 */
function readHeadingBase(blocks: Block[], b: number, state: CardState): void {
  const headings = (blocks[b] as Block).headings;
  if (headings.length === 0 || headings === blocks[b - 1]?.headings) return;
  const heading = headings.filter(Boolean).pop() ?? "";
  const before = blocks[b - 1]?.headings.filter(Boolean).pop() ?? "";
  if (!heading || heading === before || heading.length > 120) return;
  const lower = heading.toLowerCase().replaceAll("_", " ");
  if (lower.length !== heading.length) return;
  for (const m of matches(BASES, lower)) {
    const phrase = PHRASE.get(m[0])?.find((p) => p.label);
    const start = m.index ?? 0;
    if (!phrase?.label || !wholeWord(heading, start, start + m[0].length)) continue;
    const ref = baseRef(heading, start, start + m[0].length, phrase);
    if (!ref) continue;
    pushBase(state, ref.value, (blocks[b] as Block).line, 0.7, `a base-model label in a heading ("${m[0]}")`);
    state.genericFineTune ??= (blocks[b] as Block).line;
    return;
  }
}

/** A bold label and the text after it up to the next bold label: `**Метод:** QLoRA — …` (the label in any language). */
const BOLD_LABEL =
  /(?:\*\*|__)([^*_:：\n]{2,30}?)\s{0,2}[:：]?\s{0,2}(?:\*\*|__)\s{0,2}[:：]?\s{0,3}([^*\n]{1,200})/g;

/**
 * A method label and its value in another language ("**Метод:** QLoRA — 4-bit квантизация (NF4) + LoRA-адаптеры":
 * dev s10-ne-ru-mistral-7b-v03-qlora-alpaca-style): the value's first LoRA word is the parameterisation, as the
 * English "**Method:** QLoRA" line is read.
 */
function methodLabelLine(block: Block, found: Methods): boolean {
  let read = false;
  for (const m of block.text.matchAll(BOLD_LABEL)) {
    if (!m[1] || !m[2] || !METHOD_LABELS.includes(m[1].trim().toLowerCase())) continue;
    const word = /\b(?:q|do)?lora\b/i.exec(m[2])?.[0];
    const p = word ? parameterizationIn(word.toLowerCase()) : undefined;
    if (!p) continue;
    notePara(found, p, block.line);
    read = true;
  }
  return read;
}

/** Method words (`指令微调`, `全参数微调`, `지도학습`) and LoRA/QLoRA named beside a training word. */
function readMethods(block: Block, found: Methods, lower: string): void {
  let outside: [number, number][] | undefined;
  for (const m of matches(METHODS, lower)) {
    const at = (m.index ?? 0) + m[0].length;
    const method = METHOD.get(m[0]);
    // `指令微调模型` describes a kind of model, not what was done to this one.
    if (!method || /^\s*(?:模型|モデル|모델)/.test(lower.slice(at, at + 4))) continue;
    // "所有指令微调的基础" (all instruction tuning), "支持…": not this model's procedure (prose-scope.ts).
    outside ??= outOfScopeSpans(maskRefs(block.text));
    if (insideSpans(outside, m.index ?? 0)) continue;
    if (method === "full") notePara(found, "full", block.line);
    else if (!found.objectives.some((o) => o.value === method))
      found.objectives.push({ value: method, line: block.line });
  }
  // `LoRA en 4-bit` (in any language, dev k-ne-es-newtubes-deepseek-r1-lora-4bit) is QLoRA.
  if (block.type !== "code" && PROSE_BITS.test(block.text)) notePara(found, "qlora", block.line);
  if (!foreignText(block.text) || !/lora/.test(lower)) return;
  if (methodLabelLine(block, found)) return;
  for (const m of matches(LORA, lower)) {
    const start = m.index ?? 0;
    const around = clause(lower, start, start + m[0].length, 120);
    const p = parameterizationIn(m[0]);
    outside ??= outOfScopeSpans(maskRefs(block.text));
    if (insideSpans(outside, start)) continue;
    if (p && saysTraining(around.replace(/lora/g, ""))) notePara(found, p, block.line);
  }
}

/** The reader: bases, datasets, hyperparameters and methods stated in the card's other-language prose. */
export function readMultilingual(blocks: Block[], state: CardState): void {
  const found: Methods = { objectives: [] };
  const skipped = new Map<string, boolean>();
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b] as Block;
    if (skipBlock(block, skipped)) continue;
    const lower = foldTraditional(block.text.toLowerCase());
    // A lower-case form of another length (a rare letter such as `İ`) would shift every position.
    if (lower.length !== block.text.length) continue;
    readHeadingBase(blocks, b, state);
    readBases(blocks, b, state, lower);
    readDatasets(blocks, b, state, lower);
    // Two or more English setting labels in other-language text make it a settings list (`正式設定：…`).
    readHyperparameters(block, state, lower, readForeignInline(block, state) >= 2);
    if (!readSettingsTable(blocks, b, state, found)) readColumnTable(blocks, b, state);
    readMethods(block, found, lower);
    if (found.merge === undefined && foreignText(block.text)) found.merge = adapterMergeLine(block, lower);
  }
  applyMethods(found, state);
  preferHubIds(state);
  readDerivation(blocks, state);
}
