/**
 * Training settings written as a two-column table under a "parameter | value" header in any language (`| 項目 |
 * 設定 |`, `| Param | Valor |`, `| Параметр | Значение |`, `| Parameter | Value |`), and inline lists of English
 * setting labels inside other-language text (`正式設定：…、learning rate 5e-5、effective batch 16、…`).
 *
 * A table row gives a hyperparameter (its first number; `2,048` and `1 024` are 2048 and 1024), the adapter rank,
 * the base model, a dataset, the method (`QLoRA + ORPO`) or the quantisation of the frozen base (`4-bit NF4`).
 * A value cell may hold more settings (`16（per-device 4、gradient accumulation 4）`, `5e-5，cosine，warmup ratio
 * 0.03`) and a row may pair labels with values (`| Epoch / seed | 1 / 3407 |`). Labels come from
 * `ml-setting-labels.ts`; a row whose label is not listed is skipped.
 */
import type { Objective } from "../../model/vocabulary.js";
import type { CardState } from "../card-body.js";
import { extracted, fact } from "../facts.js";
import { type Block, tableCells } from "../markdown.js";
import { type Methods, notePara } from "./ml-methods.js";
import { type Ref, refAfter } from "./ml-refs.js";
import {
  INLINE_LABELS,
  SCHEDULERS,
  SETTING_HEADERS,
  SETTING_ROWS,
  VALUE_HEADERS,
} from "./ml-setting-labels.js";
import { foreignText, matches, phraseRegex, wholeWord } from "./ml-text.js";
import { addDataset, addHp, valueAfter } from "./ml-values.js";

const ROW_KEY = new Map(SETTING_ROWS.map(([label, key]) => [label, key]));
const INLINE = phraseRegex(INLINE_LABELS.map(([label]) => label));
const INLINE_KEY = new Map(INLINE_LABELS.map(([label, key]) => [label, key]));
const SEPARATOR = /^\|[\s:|-]+$/;
/** Objectives a method cell may name, as written in lower case. */
const OBJECTIVES: readonly (readonly [string, Objective])[] = [
  ["orpo", "orpo"],
  ["dpo", "dpo"],
  ["kto", "kto"],
  ["simpo", "simpo"],
  ["grpo", "grpo"],
  ["sft", "sft"],
];

const cells = (row: string): string[] => tableCells(row).map((c) => c.replace(/[*`]/g, "").trim());

/** Does `word` occur in `lower` as a whole word? */
function hasWord(lower: string, word: string): boolean {
  for (let at = lower.indexOf(word); at !== -1; at = lower.indexOf(word, at + 1))
    if (wholeWord(lower, at, at + word.length)) return true;
  return false;
}

/** `1 024` (a thin or plain space between digit groups) → `1024`. */
function joinGroups(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? "";
    const spaced = c === " " || c === "\u2009" || c === "\u202f" || c === "\u00a0";
    const groupAfter = /^\d{3}(?!\d)/.test(text.slice(i + 1, i + 5));
    if (spaced && /\d/.test(text[i - 1] ?? "") && groupAfter) continue;
    out += c;
  }
  return out;
}

/** Is the table at `b` headed "parameter | value" (in a language read here)? */
function settingsHeader(blocks: Block[], b: number): boolean {
  const head = blocks[b];
  const sep = blocks[b + 1];
  if (head?.type !== "table" || sep?.type !== "table" || sep.line !== head.line + 1) return false;
  if (!SEPARATOR.test(sep.text.trim())) return false;
  const [first, second, ...rest] = cells(head.text).map((c) => c.toLowerCase());
  if (rest.length > 1 || (rest.length === 1 && !NOTE_HEADER.test(rest[0] ?? ""))) return false;
  return SETTING_HEADERS.includes(first ?? "") && VALUE_HEADERS.includes(second ?? "");
}

/**
 * A third column that explains the value (`| Setting | Value | Description |`: dev
 * s2-card-gennx-qwen25-15b-tool-calling-qlora): its cell is read for inline settings only (`Effective batch size 8`,
 * `5% warmup + cosine decay`).
 */
const NOTE_HEADER =
  /^(?:description|descriptions|notes?|comments?|remarks?|why|reason|rationale|purpose|explanation|justification|justificativa|说明|備考|备注|説明|설명|비고|описание|примечание|beschreibung|bemerkung|commentaire|descripción|descrição)$/;

/** `5% warmup`, `3 % warmup`: a warmup share written as a percentage. */
const WARMUP_PERCENT = /(?:^|[^\d.])(\d{1,2}(?:\.\d+)?) ?% ?(?:linear )?warm-?up\b/;

/** Settings an explanation or value cell adds in words: inline labels and a warmup percentage. */
function readExtraSettings(text: string, state: CardState, line: number, confidence: number): void {
  readInlineSettings(text, state, line, confidence);
  const warmup = WARMUP_PERCENT.exec(text.toLowerCase())?.[1];
  if (warmup !== undefined) addHp(state, "warmup_ratio", String(Number(warmup) / 100), line, confidence);
}

/** The whole number written right before `at` with one or two spaces between (`8 gradient accumulation`). */
function numberBefore(text: string, at: number): string | undefined {
  let end = at;
  while (end > 0 && end > at - 2 && text[end - 1] === " ") end--;
  if (end === at) return undefined;
  let start = end;
  while (start > 0 && start > end - 6 && /\d/.test(text[start - 1] ?? "")) start--;
  if (start === end || /[\w.,]/.test(text[start - 1] ?? "")) return undefined;
  return text.slice(start, end);
}

/** Settings named inside a text (`per-device 4`, `warmup ratio 0.03`): how many were read. */
export function readInlineSettings(text: string, state: CardState, line: number, confidence: number): number {
  const lower = text.toLowerCase();
  if (lower.length !== text.length) return 0;
  let found = 0;
  for (const m of matches(INLINE, lower)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const key = INLINE_KEY.get(m[0]);
    if (!key || !wholeWord(lower, start, end)) continue;
    // "2 × 8 gradient accumulation = 16 efectivo" (dev y7-ne-es-okla-llama3-8b-qlora-gguf-colab): a number right
    // before the label is its value; the one after "=" is the product.
    const value = numberBefore(lower, start) ?? valueAfter(lower, end);
    if (value === undefined) continue;
    addHp(state, key, value, line, confidence);
    found++;
  }
  return found;
}

function readMethodCell(value: string, state: CardState, found: Methods, line: number): void {
  const lower = value.toLowerCase();
  const para = /\bqlora\b/.test(lower)
    ? "qlora"
    : /\bdora\b/.test(lower)
      ? "dora"
      : /\blora\b/.test(lower)
        ? "lora"
        : /\bfull\b|全参数|全量/.test(lower)
          ? "full"
          : undefined;
  if (para) notePara(found, para, line);
  for (const [word, objective] of OBJECTIVES)
    if (hasWord(lower, word) && !found.objectives.some((o) => o.value === objective))
      found.objectives.push({ value: objective, line });
  readQuantization(lower, state, line);
}

function readQuantization(lower: string, state: CardState, line: number): void {
  const bits = /\b([48])-?bit\b/.exec(lower)?.[1];
  if (bits && !state.quantizationBits)
    state.quantizationBits = fact(
      Number(bits),
      extracted(state.file, { line, confidence: 0.8, note: "quantisation of the base in a settings table" }),
    );
}

/** Words a data row gives for data it does not name. */
const UNNAMED_DATA =
  /^(?:in-house|self-made|home-made|hand-made|custom|private|proprietary|internal|synthetic|own|n\/a|none|tbd)$/i;

/**
 * A name in a table's dataset row that is a dataset's name, not a word about the data: `FinQA`, `GSM8K`, `alpaca_en`,
 * `OpenHermes-2.5` (two capitals, a digit, `_` or `-`), never "Custom" or "in-house" (audit dev
 * cln-y2-sec-assistant-phi3-mini-finqa-qlora-mit: "| Dataset | FinQA (SEC filing Q&A) |").
 */
function datasetName(v: string): boolean {
  if (v.length < 3 || v.length > 60 || !/^[A-Za-z][\w.-]*$/.test(v)) return false;
  return !UNNAMED_DATA.test(v) && (/[A-Z].*[A-Z]/.test(v) || /\d/.test(v) || /[_-]/.test(v));
}

/** A reference in a dataset row: a name that is a dataset's name counts as the dataset. */
function namedData(ref: Ref): Ref {
  return ref.kind === "name" && datasetName(ref.value) ? { ...ref, kind: "dataset" } : ref;
}

/** The cell's first word, when it is a dataset's name (`FinQA` in "FinQA (SEC filing Q&A)"). */
function firstName(cell: string): Ref | undefined {
  const word = cell.trim().split(/[\s,;(（]/)[0] ?? "";
  return datasetName(word) ? { value: word, kind: "dataset", start: 0, end: word.length } : undefined;
}

function readRow(label: string, value: string, state: CardState, found: Methods, line: number): boolean {
  const key = ROW_KEY.get(label);
  if (!key) return false;
  if (key === "method") {
    readMethodCell(value, state, found, line);
    readInlineSettings(value, state, line, 0.8);
  } else if (key === "quantization") readQuantization(value.toLowerCase(), state, line);
  else if (key === "base" || key === "dataset") {
    const ref = refAfter(value, 0);
    if (key === "dataset") addDataset(state, ref ? namedData(ref) : firstName(value), line, 0.8);
    else if (
      ref &&
      (ref.kind === "hub" || ref.kind === "name") &&
      !state.proseBases.some((p) => p.value === ref.value)
    )
      state.proseBases.push(
        fact(
          ref.value,
          extracted(state.file, { line, confidence: 0.8, note: "the base row of a settings table" }),
        ),
      );
  } else {
    const lower = joinGroups(value).toLowerCase();
    const first = valueAfter(lower, 0);
    if (first !== undefined) addHp(state, key, first, line, 0.8);
    if (key === "learning_rate") {
      const scheduler = SCHEDULERS.find((s) => hasWord(lower, s));
      if (scheduler) addHp(state, "lr_scheduler_type", scheduler, line, 0.8);
    }
    readExtraSettings(value, state, line, 0.8);
  }
  return true;
}

/** A label with its trainer alias after it (`LoRA rank r`, from "LoRA rank `r`") is read as the label. */
function knownLabel(label: string): string {
  if (ROW_KEY.has(label)) return label;
  const space = label.lastIndexOf(" ");
  const shorter = space > 0 && label.length - space <= 3 ? label.slice(0, space) : label;
  return ROW_KEY.has(shorter) ? shorter : label;
}

/** A row pairing labels with values (`Epoch / seed | 1 / 3407`), or one label with its value. */
function readPairs(label: string, value: string, state: CardState, found: Methods, line: number): boolean {
  const labels = label.split("/").map((l) => knownLabel(l.trim()));
  const values = value.split("/").map((v) => v.trim());
  if (labels.length > 1 && labels.length === values.length && labels.some((l) => ROW_KEY.has(l))) {
    let read = false;
    labels.forEach((l, i) => {
      read = readRow(l, values[i] ?? "", state, found, line) || read;
    });
    return read;
  }
  return readRow(knownLabel(label), value, state, found, line);
}

/** The settings table whose header is at `b`, if it is one: true when a row was read. */
export function readSettingsTable(blocks: Block[], b: number, state: CardState, found: Methods): boolean {
  if (!settingsHeader(blocks, b)) return false;
  let read = 0;
  let line = (blocks[b + 1] as Block).line;
  for (let r = b + 2; r < blocks.length; r++) {
    const row = blocks[r] as Block;
    if (row.type !== "table" || row.line !== line + 1) break;
    line = row.line;
    const [label, value, ...rest] = cells(row.text);
    if (label === undefined || value === undefined || rest.length > 1) continue;
    if (!readPairs(label.toLowerCase(), value, state, found, row.line)) continue;
    read++;
    if (rest[0]) readExtraSettings(rest[0], state, row.line, 0.7);
  }
  if (read > 0) state.genericFineTune ??= (blocks[b] as Block).line;
  return read > 0;
}

/** English setting labels inside other-language text: read only there (English prose has its own readers). */
export function readForeignInline(block: Block, state: CardState): number {
  if (block.type === "table" || !foreignText(block.text)) return 0;
  return readInlineSettings(block.text, state, block.line, 0.7);
}
