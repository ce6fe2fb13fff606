/**
 * Training settings written as `key: value` or `key=value` pairs in list items and lines of a card in any
 * language: several to a line (`lr: 2e-4, scheduler: cosine, warmup_ratio: 0.03`, `r=16, alpha=32,
 * dropout=0.05`), or one to an item under a heading about training settings (`- grad_accum: 2` under
 * `## Параметры обучения`). The keys are trainer names (`learning_rate`, `lr`, `epochs`) or the short names
 * below, each with the card it was read in. A line that holds anything but pairs is not read.
 */
import { hyperparameterKeyFor } from "../../model/hyperparameters.js";
import type { CardState } from "../card-body.js";
import type { Block } from "../markdown.js";
import { SCHEDULERS, SHORT_KEYS } from "./ml-setting-labels.js";
import { addHp, valueAfter } from "./ml-values.js";

/** Keys a pair may carry that are read as part of the list but not kept (LoRA's alpha and dropout). */
const KNOWN_OTHER = new Set(["alpha", "lora_alpha", "dropout", "lora_dropout", "r", "lora_r", "rank"]);

/** Headings of sections that list training settings. */
const SETTINGS_HEADING =
  /hyper-?param|param[eè]t|parámetro|parâmetro|параметр|setting|config|einstellung|設定|设置|参数|參數|설정|하이퍼|학습 환경/i;

const START = /^[*`]*[A-Za-z][\w.-]{0,30}[*`]*\s*[:：=]/;
const PAIR = /^\s*[*`]*([A-Za-z][\w.-]{0,30})[*`]*\s*[:：=]\s*[*`'"]*([^\s,;*`'"]+)[*`'"]*\s*$/;

interface Pair {
  key: string;
  value: string;
}

interface NotedPair extends Pair {
  /** A closing note in brackets after the value (`2e-4 (Cosine scheduler)`, `2 (per device)`). */
  note?: string;
}

/** A closing note in brackets: `(Cosine scheduler)`, `（per device）`. */
const NOTE = /[(（]([^()（）]{1,60})[)）]$/;

/**
 * The pairs of a line, when the whole line is pairs (`lr: 2e-4, scheduler: cosine`), each value may close with a
 * note in brackets (dev s9-ne-zh-zhangfirst-llama3-8b-instruct-qlora-adgen: "- `learning_rate`: 2e-4 (Cosine
 * scheduler)"); else undefined.
 */
function pairsOf(text: string): NotedPair[] | undefined {
  const trimmed = text.trimEnd();
  const noted = NOTE.exec(trimmed);
  const parts = (noted ? trimmed.slice(0, noted.index).trimEnd() : text).split(/[,;，；、]/);
  const pairs: NotedPair[] = [];
  for (const part of parts) {
    const m = PAIR.exec(part);
    if (!m?.[1] || m[2] === undefined) return undefined;
    pairs.push({ key: m[1].toLowerCase().replaceAll("-", "_"), value: m[2] });
  }
  const last = pairs[pairs.length - 1];
  if (noted?.[1] && last) last.note = noted[1];
  return pairs;
}

/** The trainer key a pair names: a trainer name, a short name, or `r` beside an alpha (the LoRA rank). */
function keyOf(key: string, pairs: Pair[]): string | undefined {
  if (hyperparameterKeyFor(key)) return key;
  const short = SHORT_KEYS[key];
  if (short) return short;
  if (key === "r" && pairs.some((p) => p.key === "alpha" || p.key === "lora_alpha")) return "lora_r";
  return undefined;
}

function pairValue(trainerKey: string, raw: string): string | undefined {
  if (hyperparameterKeyFor(trainerKey) === "scheduler") {
    const word = raw.toLowerCase();
    return SCHEDULERS.includes(word) ? word : undefined;
  }
  const value = valueAfter(raw.replace(/\$/g, ""), 0);
  return value !== undefined && raw.replace(/\$/g, "").startsWith(value) ? value : undefined;
}

/** Reads one block's pairs: every key must be a setting (one unknown key makes it prose), one a trainer's. */
function readPairs(block: Block, state: CardState, ledIn = false): void {
  const text = block.text.trim();
  // Cheap test first: a line of pairs starts with a key and its separator.
  if (text.length > 200 || !START.test(text)) return;
  const pairs = pairsOf(text);
  if (!pairs) return;
  const heading = block.headings.filter(Boolean).pop() ?? "";
  if (pairs.length < 2 && !ledIn && !SETTINGS_HEADING.test(heading)) return;
  const keys = pairs.map((p) => keyOf(p.key, pairs));
  if (keys.every((k) => k === undefined)) return;
  if (pairs.some((p, i) => keys[i] === undefined && !KNOWN_OTHER.has(p.key))) return;
  addPairs(pairs, keys, state, () => block.line);
}

/** Records each pair whose key is a setting (`keys[i]`), on the line `lineOf(i)` gives. */
function addPairs(
  pairs: NotedPair[],
  keys: (string | undefined)[],
  state: CardState,
  lineOf: (i: number) => number,
): void {
  pairs.forEach((pair, i) => {
    const key = keys[i];
    if (key === undefined) return;
    const value = pairValue(key, pair.value);
    if (value !== undefined) addHp(state, key, value, lineOf(i), 0.8);
    // A learning rate's note naming its schedule: `2e-4 (Cosine scheduler)`.
    const scheduler = SCHEDULERS.find((w) => pair.note?.toLowerCase().includes(w));
    if (hyperparameterKeyFor(key) === "learningRate" && scheduler)
      addHp(state, "lr_scheduler_type", scheduler, lineOf(i), 0.8);
  });
}

/** The reader: settings pairs in list items and lines outside code and tables. */
export function readSettingsPairs(blocks: Block[], state: CardState): void {
  let ledIn = false;
  for (const block of blocks) {
    // A list led in by a line about settings ("核心训练参数配置：", "Training parameters:": dev
    // s9-ne-zh-zhangfirst-llama3-8b-instruct-qlora-adgen) is a list of settings, one pair to an item.
    if (block.type === "prose")
      ledIn = block.text.length <= 80 && /[:：]\s*$/.test(block.text) && SETTINGS_HEADING.test(block.text);
    else if (block.type !== "item") ledIn = false;
    if ((block.type !== "item" && block.type !== "prose") || block.text.length > 240) continue;
    readPairs(block, state, block.type === "item" && ledIn);
  }
}

/** A list item that labels a run's settings in words: `**Hyperparameters:** batch size 2, learning rate 5e-5, 3 epochs`. */
const SETTINGS_LABEL = /^[*_]*(?:training\s+)?hyper-?param(?:eter)?s?[*_]*\s*[:：]\s*[*_]*\s*/i;

/** Settings named in words, label before the value (`learning rate 5e-5`) or a count before its unit (`3 epochs`). */
const WORD_SETTINGS: readonly (readonly [RegExp, string])[] = [
  [/^(?:per-?device )?(?:train(?:ing)? )?batch[- ]size (\S+)$/i, "per_device_train_batch_size"],
  [/^(?:learning[- ]rate|lr) (\S+)$/i, "learning_rate"],
  [/^(\d+) epochs?$/i, "num_train_epochs"],
  [/^epochs? (\d+)$/i, "num_train_epochs"],
  [/^gradient[- ]accumulation(?: steps)? (\d+)$/i, "gradient_accumulation_steps"],
  [/^warm-?up[- ]ratio (\S+)$/i, "warmup_ratio"],
  [/^(?:max(?:imum)? )?(?:sequence|seq) length (\d+)$/i, "max_seq_length"],
  [/^seed (\d+)$/i, "seed"],
];

/**
 * Reads a labelled list of settings in words (dev g-card-llama3-8b-job-skills-lora: "**Hyperparameters:** batch
 * size 2, learning rate 5e-5, 3 epochs."). Every part must be a setting, or the line is prose and is not read.
 */
export function readWordSettingsList(blocks: Block[], state: CardState): void {
  for (const block of blocks) {
    if ((block.type !== "item" && block.type !== "prose") || block.text.length > 240) continue;
    const text = block.text.trim();
    const label = SETTINGS_LABEL.exec(text);
    if (!label) continue;
    const parts = text
      .slice(label[0].length)
      .replace(/[.。]\s*$/, "")
      .split(/[,;，；、]|\band\b/)
      // One space between words, `:` and `=` read as a space: the patterns above then have one way to match.
      .map((p) =>
        p
          .replace(/[*`]/g, "")
          .split(/[\s:=]+/)
          .filter(Boolean)
          .join(" "),
      )
      .filter(Boolean);
    const found: [string, string][] = [];
    for (const part of parts) {
      const hit = WORD_SETTINGS.map(([re, key]) => [re.exec(part)?.[1], key] as const).find(([v]) => v);
      const value = hit?.[0] === undefined ? undefined : pairValue(hit[1], hit[0]);
      if (!hit || value === undefined) {
        found.length = 0;
        break;
      }
      found.push([hit[1], value]);
    }
    for (const [key, value] of found) addHp(state, key, value, block.line, 0.8);
  }
}

/** One line of a keyword-argument list: `learning_rate=8e-6,` (a trailing comma or none). */
const KWARG = /^([A-Za-z_]\w{0,40})\s*=\s*(["']?)([^\s"',()[\]{}=]{1,40})\2\s*,?$/;
/** Keys that make a list a training run's settings (a generation snippet's `max_length` alone does not). */
const TRAINING_KEYS = new Set([
  "learning_rate",
  "lr",
  "num_train_epochs",
  "epochs",
  "per_device_train_batch_size",
  "gradient_accumulation_steps",
  "lora_r",
  "warmup_ratio",
  "warmup_steps",
]);

/**
 * A code block that is only a keyword-argument list, the arguments of a trainer's config shown without the call
 * (dev s4-card-wac81-llama3-8b-orpo-chinese-qlora, under "* orpo setup": `learning_rate=8e-6,` `beta=0.1,`
 * `num_train_epochs=1,` …; under "* lora": `r=16,` `lora_alpha=32,`). Every line must be one such argument; the
 * list is read when it holds a training setting, and its other keys (evaluation, logging) are passed over.
 */
export function readCodeArgumentLists(blocks: Block[], state: CardState): void {
  for (const block of blocks) {
    if (block.type !== "code" || block.text.length > 3000) continue;
    const lines = block.text
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    if (lines.length < 2 || lines.length > 60) continue;
    const pairs: Pair[] = [];
    for (const line of lines) {
      const m = KWARG.exec(line);
      if (!m?.[1] || m[3] === undefined) break;
      pairs.push({ key: m[1].toLowerCase(), value: m[3] });
    }
    if (pairs.length !== lines.length) continue;
    const keys = pairs.map((p) => keyOf(p.key, pairs));
    if (!keys.some((k) => k !== undefined && TRAINING_KEYS.has(k))) continue;
    addPairs(pairs, keys, state, (i) => block.line + i);
  }
}
