/**
 * Datasets and hyperparameters stated in other languages: labels (`数据集：X`, `学習率: 2e-4`, `| 学习率 | 2e-5 |`),
 * a label item followed by its value item (`* 학습 데이터셋` / `* [x.csv](…)`), a data file named in a sentence
 * about training data (`학습 데이터 예시는 /data/denji.jsonl에 …`), and counts of epochs (`- 2epoch`).
 */

import { hubRepo } from "../../model/hub-url.js";
import { hyperparameterKeyFor } from "../../model/hyperparameters.js";
import { trimEnd } from "../../model/trim.js";
import type { CardState } from "../card-body.js";
import { extracted, fact } from "../facts.js";
import type { Block } from "../markdown.js";
import { knownDataset } from "../mentions.js";
import { idAfter, idBefore, NOT_TRAINING, namedLine } from "./ml-dataset-refs.js";
import { CONTEXT_UNITS, DATASET_WORDS, EPOCH_UNITS, HYPERPARAMETER_LABELS } from "./ml-phrases.js";
import { type Ref, refAfter, refBefore } from "./ml-refs.js";
import { clause, clauseStart, matches, phraseRegex, saysTraining, wholeWord } from "./ml-text.js";

const DATASET = phraseRegex(DATASET_WORDS);
const LABELS = phraseRegex(HYPERPARAMETER_LABELS.map(([label]) => label));
const LABEL_KEY = new Map(HYPERPARAMETER_LABELS.map(([label, key]) => [label, key]));
const EPOCHS = phraseRegex(EPOCH_UNITS);
const CONTEXT = phraseRegex(CONTEXT_UNITS);
const SENTENCE_FILE = /\.(jsonl|json|csv|tsv|parquet)$/i;
/** Words allowed between a label and its value (`学习率为`, `学習率は`, `learning rate of`). */
const JOINERS = [
  "设置为",
  "设为",
  "为",
  "是",
  "约",
  "は",
  "を",
  "은",
  "는",
  "을",
  "를",
  "이",
  "가",
  "of",
  "de",
  "von",
];
const NUMBER = /^[+-]?\d[\d.,_]*(?:[eE][-+]?\d+)?/;
/**
 * The end of a dataset label: its colon, after the hub it comes from at most (dev
 * k-ne-ru-vkvlm-llava-gemma-lora-report: "Использован датасет HuggingFace: `deepvk/GQA-ru`").
 */
const LABEL_END = /^\s*(?:\*+\s*)?(?:(?:hugging ?face|hf)\s*)?[:：]/i;

export function addDataset(state: CardState, ref: Ref | undefined, line: number, confidence: number): void {
  if (!ref || ref.kind === "name") return;
  const value = ref.value.replace(/^\.\//, "");
  if (state.proseDatasets.some((d) => d.value.toLowerCase() === value.toLowerCase())) return;
  state.proseDatasets.push(
    fact(
      value,
      extracted(state.file, { line, confidence, note: "dataset named in the card's prose (not English)" }),
    ),
  );
}

/** A block that is only a label (`* 학습 데이터셋`, `**2. 데이터셋**`): its value is the next item. */
function onlyLabel(text: string, label: string): boolean {
  const rest = text.replace(/[*_`:：#.\d\s]/g, "").toLowerCase();
  return rest.length <= label.length + 3;
}

/**
 * Headings of a card's training-data section: a dataset word, English `training data`, or a data word of another
 * language (`## 数据介绍`, dev l3-ne-zh-zeronlp-internlm-7b-sft-lora) — only Hub dataset links and Hub ids are taken
 * under it.
 */
const OTHER_DATA_HEADING = /数据|データ|데이터|данные|datos|dados|données|daten/i;
const DATA_HEADING = new RegExp(`training data|train data|datasets?\\b|${OTHER_DATA_HEADING.source}`, "i");
/** A short label before an item's value (`* **名称**: krisfu/delicate_medical_r1_data`, dev l3-ne-zh-qwen3-06b-medical-modelscope). */
const ITEM_LABEL = /^[*_\s]*[^\s:：*_]{1,12}[*_\s]*[:：]\s*/;

/**
 * An item under a training-data heading that starts with a Hub id (`` - `deepvk/LLaVA-Instruct-ru` — instruction
 * tuning ``, dev k-ne-ru-vkvlm-model-card-template), unless it says it is for evaluation.
 */
function headingItem(block: Block, state: CardState, lower: string): void {
  const heading = block.headings.filter(Boolean).pop() ?? "";
  const headingLower = heading.toLowerCase();
  if (!DATA_HEADING.test(heading) && !DATASET_WORDS.some((w) => headingLower.includes(w))) return;
  // Words of evaluation outside the ids (`Name: ChuGyouk/PubMedQA-test-Ko` names its data, find_string 26633229794).
  if (NOT_TRAINING.test(headingLower) || NOT_TRAINING.test(withoutIds(lower))) return;
  if (block.type !== "item") {
    // The one dataset link of a paragraph under another language's data heading (`## 数据介绍` / `这里分享一下我的
    // 数据[https://huggingface.co/datasets/x/y](…)`); an English `## Datasets` section often lists resources instead.
    const links = OTHER_DATA_HEADING.test(heading) ? datasetLinks(block.text) : [];
    if (links.length === 1) addDataset(state, links[0], block.line, 0.7);
    else if (OTHER_DATA_HEADING.test(heading)) addDataset(state, namedLine(block.text), block.line, 0.7);
    return;
  }
  const ref = refAfter(block.text, ITEM_LABEL.exec(block.text)?.[0].length ?? 0);
  if (ref?.kind === "hub" || ref?.kind === "dataset") addDataset(state, ref, block.line, 0.7);
}

/** The text without its `org/name` tokens. */
const withoutIds = (text: string): string =>
  text
    .split(" ")
    .filter((t) => !t.includes("/"))
    .join(" ");

/**
 * `在 [org/data](…/datasets/…) 上对模型进行了微调`: data between 在 and 上 (a dataset link, or an id ftl's table of
 * training datasets holds) in a clause about training (the phrasing battery).
 */
function dataBetween(text: string, lower: string, state: CardState, line: number): void {
  let seen = 0;
  for (let at = text.indexOf("在"); at !== -1 && seen < 50; at = text.indexOf("在", at + 1)) {
    seen++;
    const ref = refAfter(text, at + 1);
    if (!ref || !/^[\s*_`]{0,3}上/.test(text.slice(ref.end, ref.end + 4))) continue;
    if (ref.kind !== "dataset" && !(ref.kind === "hub" && knownDataset(ref.value))) continue;
    const around = clause(lower, at, ref.end + 4);
    if (saysTraining(around) && !NOT_TRAINING.test(around)) addDataset(state, ref, line, 0.7);
  }
}

export function readDatasets(blocks: Block[], b: number, state: CardState, lower: string): void {
  const block = blocks[b] as Block;
  const text = block.text;
  if (block.type !== "table" && text.includes("在")) dataBetween(text, lower, state, block.line);
  if (block.type === "item" || block.type === "prose") headingItem(block, state, lower);
  for (const m of matches(DATASET, lower)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (!wholeWord(text, start, end)) continue;
    const next = blocks[b + 1];
    if (m[0] === "用データ") addDataset(state, parenthesised(text, start), block.line, 0.7);
    else if (LABEL_END.test(text.slice(end, end + 20)))
      addDataset(
        state,
        refAfter(text, end + (LABEL_END.exec(text.slice(end, end + 20))?.[0].length ?? 0)),
        block.line,
        0.8,
      );
    else if (onlyLabel(text, m[0]) && next?.type === "item" && next.line - block.line <= 3)
      addDataset(state, refAfter(next.text, 0), next.line, 0.8);
    else if (block.type !== "table")
      addDataset(
        state,
        idBefore(text, lower, start) ?? idAfter(text, lower, end) ?? fileNear(text, start, end),
        block.line,
        0.7,
      );
  }
}

/** `dataset.jsonl (Fine-tuning用データ)`: the file before the parenthesis, when the parenthesis names training. */
function parenthesised(text: string, at: number): Ref | undefined {
  const from = Math.max(0, at - 24);
  const window = text.slice(from, at);
  const inside = Math.max(window.lastIndexOf("("), window.lastIndexOf("（"));
  const open = inside === -1 ? -1 : from + inside;
  if (open === -1 || !saysTraining(text.slice(open, at).toLowerCase())) return undefined;
  return refBefore(text, open);
}

/** A data file named after a dataset word in the same clause (`학습 데이터 예시는 /data/denji.jsonl에 …`). */
function fileNear(text: string, start: number, end: number): Ref | undefined {
  const window = clause(text, start, end, 80);
  const lower = window.toLowerCase();
  if (!saysTraining(lower) || NOT_TRAINING.test(lower)) return undefined;
  const offset = clauseStart(text, start, 80);
  for (const dot of [".jsonl", ".json", ".csv", ".parquet", ".tsv"]) {
    const at = window.indexOf(dot);
    if (at === -1 || offset + at < end) continue;
    const ref = refBefore(text, offset + at + dot.length);
    if (ref && ref.kind === "path" && SENTENCE_FILE.test(ref.value)) return ref;
  }
  return undefined;
}

export function valueAfter(text: string, from: number): string | undefined {
  let i = from;
  const limit = Math.min(text.length, from + 40);
  while (i < limit) {
    const c = text[i] ?? "";
    if (/\d/.test(c) || (c === "." && /\d/.test(text[i + 1] ?? ""))) break;
    const joiner = JOINERS.find((j) => text.startsWith(j, i));
    if (joiner) i += joiner.length;
    else if (c === "(" || c === "（") {
      const close = text.indexOf(c === "(" ? ")" : "）", i);
      if (close === -1 || close - i > 30) return undefined;
      i = close + 1;
    } else if (/[\s*`|:：=_]/.test(c)) i++;
    else return undefined;
  }
  const m = NUMBER.exec(text.slice(i, i + 30));
  if (!m) return undefined;
  const raw = trimEnd(m[0], ".,");
  // A decimal comma (`0,0002`) is a decimal point; a thousands comma (`10,000`) is dropped.
  return /^\d+,\d{1,2}$|^0,\d+$/.test(raw) ? raw.replace(",", ".") : raw.replace(/[,_]/g, "");
}

export function addHp(state: CardState, key: string, value: string, line: number, confidence: number): void {
  const typed = hyperparameterKeyFor(key) ?? key;
  const have = state.hp.find((h) => (hyperparameterKeyFor(h.key) ?? h.key.toLowerCase()) === typed);
  // A raw cell read as the value (`1e-4 (cosine)`) gives way to the number read from it.
  if (
    have &&
    typeof have.value === "string" &&
    Number.isNaN(Number(have.value)) &&
    have.value.startsWith(value)
  )
    have.value = value;
  if (have) return;
  state.hp.push({ key, value, line, confidence });
}

const SEPARATOR = /^\|[\s:|-]+$/;
const cells = (row: string) =>
  row
    .replace(/^\||\|$/g, "")
    .split("|")
    .map((c) => c.replace(/[*`]/g, "").trim().toLowerCase());

/**
 * Hub dataset links in a table cell or a block, Markdown or HTML (`<a href="https://huggingface.co/datasets/org/name">`),
 * and ModelScope's (`https://modelscope.cn/datasets/krisfu/delicate_medical_r1_data`, the same `org/name` form).
 */
function datasetLinks(cell: string): Ref[] {
  const out: Ref[] = [];
  for (const host of ["huggingface.co/datasets/", "modelscope.cn/datasets/"])
    for (let at = cell.indexOf(host); at !== -1; at = cell.indexOf(host, at + 1)) {
      let end = at;
      while (end < cell.length && end - at < 300 && !/[\s"'<>)\]]/.test(cell[end] ?? "")) end++;
      const hub = hubRepo(`https://huggingface.co/datasets/${cell.slice(at + host.length, end)}`);
      if (hub?.kind === "dataset" && !out.some((r) => r.value === hub.id))
        out.push({ value: hub.id, kind: "dataset", start: at, end });
    }
  return out;
}

/**
 * A table with the settings as columns (`| 学习率 | 批大小 | epoch数 |` over `| 2e-5 | 16 | 3 |`): its one data row.
 * A table of several rows lists alternatives or results (a memory profile per RAM size, dev
 * j-other-zh-chatglm-cpu-trainer-tool-readme), not one run's settings; tables of logged values (a loss column)
 * are not settings. A column headed by a dataset word gives the Hub datasets linked in it (`| 학습 데이터셋 1,2 |`,
 * dev j-ne-ko-kwon-news-mistral-lora-table).
 */
export function readColumnTable(blocks: Block[], b: number, state: CardState): void {
  const [head, sep, row, after] = [blocks[b], blocks[b + 1], blocks[b + 2], blocks[b + 3]];
  if (head?.type !== "table" || sep?.type !== "table" || row?.type !== "table") return;
  if (sep.line !== head.line + 1 || row.line !== head.line + 2 || !SEPARATOR.test(sep.text.trim())) return;
  if (after?.type === "table" && after.line === row.line + 1) return;
  const names = cells(head.text);
  const values = cells(row.text);
  const raw = row.text
    .trim()
    .replace(/^\||\|$/g, "")
    .split("|");
  if (names.length !== values.length || names.some((n) => /loss|损失|損失|손실|потер/.test(n))) return;
  names.forEach((name, i) => {
    DATASET.lastIndex = 0;
    if (DATASET.test(name) && !NOT_TRAINING.test(name))
      for (const ref of datasetLinks(raw[i] ?? "")) addDataset(state, ref, row.line, 0.8);
    const key = LABEL_KEY.get(name) ?? (hyperparameterKeyFor(name.replace(/\s+/g, "_")) ? name : undefined);
    const value = NUMBER.exec(values[i] ?? "")?.[0];
    if (key && value) addHp(state, key.replace(/\s+/g, "_"), value, row.line, 0.8);
  });
}

/**
 * A heading over training settings: `### トレーニング設定` (dev e-ne-ja-technavi-gemma3-270m-mlx-lora MODELS.md),
 * `## 训练配置`, `## 학습 설정`, `## Training settings`. Settings listed under it are a training run's.
 */
const TRAINING_SETTINGS_HEADING =
  /トレーニング|学習設定|训练|訓練|학습|training (?:settings|setup|config|details|parameters|hyperparameters)/i;

export function readHyperparameters(block: Block, state: CardState, lower: string, settings = false): void {
  let found = false;
  for (const m of matches(LABELS, lower)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const key = LABEL_KEY.get(m[0]);
    if (!key || !wholeWord(lower, start, end)) continue;
    const value = valueAfter(lower, end);
    if (value === undefined) continue;
    addHp(state, key, value, block.line, block.type === "prose" ? 0.7 : 0.8);
    found = true;
  }
  if (found && TRAINING_SETTINGS_HEADING.test(block.headings.filter(Boolean).pop() ?? ""))
    state.genericFineTune ??= block.line;
  readCounts(lower, block, state, settings);
}

/** `2epoch`, `3 эпохи`, `训练3轮` (epochs) and `16K контекст` (maximum sequence length). */
function readCounts(lower: string, block: Block, state: CardState, settings: boolean): void {
  const short = lower.length <= 40 && lower.replace(/[\s*`✔-]/g, "").length <= 12;
  for (const [re, key] of [
    [EPOCHS, "num_train_epochs"],
    [CONTEXT, "max_seq_length"],
  ] as const) {
    for (const m of matches(re, lower)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      const count = /(?<!\d)(\d+)(k?)\s*(?:(?:个|回|번)\s*)?$/.exec(
        lower.slice(Math.max(0, start - 10), start),
      );
      if (!count?.[1] || /\p{L}/u.test(lower[start - 1] ?? "")) continue;
      if (/^[a-zа-яё]/.test(m[0]) && /[\p{Script=Latin}\p{Script=Cyrillic}]/u.test(lower[end] ?? ""))
        continue;
      if (key === "num_train_epochs" && count[2]) continue;
      if (!short && !settings && !saysTraining(clause(lower, start, end, 100))) continue;
      const value = count[2] ? String(Number(count[1]) * 1024) : count[1];
      addHp(state, key, value, block.line, 0.7);
    }
  }
}
