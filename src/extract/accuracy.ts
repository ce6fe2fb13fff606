/**
 * Field-level accuracy of extraction against hand-written truth: the normaliser that turns a person's truth
 * (remarks in parentheses, trainer names, local paths) into comparable facts, and precision/recall counting.
 * Used by the accuracy test and the README figures; never by extraction itself.
 */

import { hyperparameterKeyFor } from "../model/hyperparameters.js";
import { isSpace, trimEnd, withoutSpans } from "../model/trim.js";
import type { LineageDocument } from "../schema/lineage.js";

/** One hand-labelled item (the `ground_truth` of a `.truth.json`). */
export interface Truth {
  base_model: string | null;
  steps: {
    parent: string | string[];
    method: string;
    datasets: (string | { id?: string; path?: string })[];
    hyperparameters: Record<string, unknown>;
    adapter?: Record<string, unknown>;
  }[];
}

/** The fields scored. */
export const FIELDS = ["base", "method", "datasets", "hyperparameters", "rank"] as const;
export type Field = (typeof FIELDS)[number];

/** Hyperparameters scored (optimizer and precision are written too differently by people to compare). */
export const KEY_HYPERPARAMETERS = [
  "learningRate",
  "epochs",
  "maxSteps",
  "perDeviceBatchSize",
  "globalBatchSize",
  "gradientAccumulationSteps",
  "beta",
  "scheduler",
  "warmupRatio",
  "warmupSteps",
  "maxSequenceLength",
  "seed",
] as const;

/** Remarks that mark a value as not stated in the file (the extractor is not expected to find it). */
const NOT_STATED = /not stated|transitively|name suggests|^unknown|inferred from|not named/i;

/**
 * A `(remark)` that ends `text` (parentheses inside it one deep at most), and where it starts, spaces before it
 * included: what `/\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*$/` found, by one scan back from the end.
 */
function trailingRemark(text: string): { index: number; inner: string } | undefined {
  const end = trimEnd(text, isSpace).length;
  if (text[end - 1] !== ")") return undefined;
  let open = false; // inside an inner `(…)`, read backwards
  for (let i = end - 2; i >= 0; i--) {
    if (text[i] === ")") {
      if (open) return undefined;
      open = true;
    } else if (text[i] === "(") {
      if (open) open = false;
      else return { index: trimEnd(text.slice(0, i), isSpace).length, inner: text.slice(i + 1, end - 1) };
    }
  }
  return undefined;
}

/** `teknium/X (itself …)` → `teknium/X`; null when the truth says the value is not stated. */
export function stripRemark(text: string): string | null {
  const remark = trailingRemark(text);
  const core = (remark ? text.slice(0, remark.index) : text).trim();
  if (
    NOT_STATED.test(core) ||
    (remark?.inner && NOT_STATED.test(remark.inner) && !/local/i.test(remark.inner))
  )
    return null;
  return core === "" ? null : core;
}

/** Model ids compared the way a person would: case, revisions, path separators and local copies ignored. */
export function normalModel(id: string): string {
  return trimEnd(
    id
      .trim()
      .replace(/\\/g, "/")
      .replace(/@[\w.-]+$/, ""),
    "/",
  ).toLowerCase();
}

export function modelsMatch(a: string, b: string): boolean {
  const x = normalModel(a);
  const y = normalModel(b);
  if (x === y) return true;
  const tail = (s: string) => s.split("/").slice(-2).join("/");
  return (
    (y.includes("/") && x.endsWith(`/${y}`)) ||
    (x.includes("/") && y.endsWith(`/${x}`)) ||
    (tail(x) === tail(y) && x.split("/").length > 2 && y.split("/").length > 2)
  );
}

/** Canonical method label of a truth step (`DPO (TRL DPOTrainer) with LoRA` → `dpo`). */
export function truthMethod(method: string): string {
  const m = method.toLowerCase();
  if (/^merge/.test(m) && /lora|adapter/.test(m)) return "adapter-merge";
  if (/^merge/.test(m)) {
    const word =
      /\b(slerp|ties|dare[-_ ]ties|dare[-_ ]linear|task[-_ ]arithmetic|model[-_ ]stock|linear|passthrough)\b/.exec(
        m,
      )?.[1];
    return word ? `merge:${word.replace(/[_ ]/g, "-")}` : "merge";
  }
  if (/quantiz|quantis/.test(m)) return "quantization";
  const outside = withoutSpans(m, "(", ")");
  for (const text of [outside, m]) {
    for (const [re, label] of [
      [/\borpo\b/, "orpo"],
      [/\bkto\b/, "kto"],
      [/\bsimpo\b/, "simpo"],
      [/\bipo\b/, "ipo"],
      [/\bcpo\b/, "cpo"],
      [/\bgrpo\b/, "grpo"],
      [/\bppo\b/, "rlhf-ppo"],
      [/\bdpo\b|\bapo\b|preference/, "dpo"],
      [/\bsft\b|supervised|instruction[- ]tun/, "sft"],
    ] as const) {
      if (re.test(text)) return label;
    }
  }
  return "other";
}

/** Method label of an extracted step. */
export function documentMethods(doc: LineageDocument): string[] {
  return doc.steps.map((s) => {
    if (s.kind === "fine-tune") return s.objective ?? "fine-tune";
    if (s.kind === "merge") return s.method && s.method !== "other" ? `merge:${s.method}` : "merge";
    return s.kind;
  });
}

function truthDatasets(truth: Truth): string[] {
  const out = new Set<string>();
  for (const step of truth.steps)
    for (const d of step.datasets) {
      const raw = typeof d === "string" ? stripRemark(d) : (d.id ?? d.path ?? null);
      if (raw && /^[\w./-]+$/.test(raw)) out.add(raw.toLowerCase());
    }
  return [...out];
}

function documentDatasets(doc: LineageDocument): string[] {
  const out = new Set<string>();
  for (const s of doc.steps) for (const d of s.inputs?.datasets ?? []) if (d.id) out.add(d.id.toLowerCase());
  return [...out];
}

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number")
    return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a));
  return String(a).trim().toLowerCase() === String(b).trim().toLowerCase();
}

function truthHyperparameters(truth: Truth): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const step of truth.steps)
    for (const [k, v] of Object.entries(step.hyperparameters)) {
      const key = (KEY_HYPERPARAMETERS as readonly string[]).includes(k) ? k : hyperparameterKeyFor(k);
      if (
        key &&
        (KEY_HYPERPARAMETERS as readonly string[]).includes(key) &&
        (typeof v === "number" || typeof v === "string")
      )
        out.push([key, v]);
    }
  return out;
}

function documentHyperparameters(doc: LineageDocument): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const s of doc.steps)
    for (const [k, v] of Object.entries(s.hyperparameters ?? {}))
      if ((KEY_HYPERPARAMETERS as readonly string[]).includes(k)) out.push([k, v]);
  return out;
}

function truthRanks(truth: Truth): number[] {
  return truth.steps.flatMap((s) => {
    const a = s.adapter ?? {};
    const r = a.r ?? a.lora_r ?? a.lora_rank ?? a.rank;
    return typeof r === "number" ? [r] : [];
  });
}

function documentRanks(doc: LineageDocument): number[] {
  return doc.steps.flatMap((s) =>
    s.kind === "fine-tune" && s.adapter?.rank !== undefined ? [s.adapter.rank] : [],
  );
}

/** Matches of a predicted list against an expected list (each expected item used once). */
function countMatches<T>(predicted: T[], expected: T[], eq: (a: T, b: T) => boolean): number {
  const left = [...expected];
  let hits = 0;
  for (const p of predicted) {
    const i = left.findIndex((e) => eq(p, e));
    if (i !== -1) {
      left.splice(i, 1);
      hits++;
    }
  }
  return hits;
}

/** Counts for precision (`hits / predicted`) and recall (`found / expected`). */
export interface Counts {
  hits: number;
  predicted: number;
  found: number;
  expected: number;
}

/**
 * Is a model named in the files read? A root the labeller knew from elsewhere (an earlier recipe of the same
 * chain, a paper) cannot be extracted from these files and is counted apart.
 */
export function namedIn(id: string, texts: readonly string[]): boolean {
  const full = normalModel(id);
  const name = full.split("/").pop() ?? full;
  return texts.some((t) => {
    const lower = t.replace(/\\/g, "/").toLowerCase();
    return lower.includes(full) || (name.length >= 6 && lower.includes(name));
  });
}

/**
 * Scores one extracted document against its truth. With `texts` (the files' contents), a root base the files
 * never name is left out of the expected bases (see `namedIn`); `contextOnly` counts those.
 */
export function scoreDocument(
  doc: LineageDocument,
  truth: Truth,
  texts?: readonly string[],
): Record<Field, Counts> & { contextOnly: number } {
  // Base: the stated root is expected; any model the truth names as root or parent is an acceptable base.
  const root = truth.base_model ? stripRemark(truth.base_model) : null;
  const stated = root !== null && (texts === undefined || namedIn(root, texts));
  const expectedBases = root && stated ? [root] : [];
  const acceptable = [
    ...expectedBases,
    ...truth.steps
      .flatMap((s) => (Array.isArray(s.parent) ? s.parent : [s.parent]))
      .map((p) => stripRemark(p) ?? ""),
  ].filter(Boolean);
  const bases = doc.bases.map((b) => b.id);
  const base: Counts = {
    hits: bases.filter((b) => acceptable.some((a) => modelsMatch(a, b))).length,
    predicted: bases.length,
    found: expectedBases.filter((e) => bases.some((b) => modelsMatch(b, e))).length,
    expected: expectedBases.length,
  };
  const tm = truth.steps.map((s) => truthMethod(s.method));
  const dm = documentMethods(doc);
  const methodHits = countMatches(dm, tm, (a, b) => a === b);
  const td = truthDatasets(truth);
  const dd = documentDatasets(doc);
  const datasetHits = countMatches(dd, td, (a, b) => a === b);
  const th = truthHyperparameters(truth);
  const judged = new Set(th.map(([k]) => k));
  const dh = documentHyperparameters(doc).filter(([k]) => judged.has(k));
  const hpHits = countMatches(dh, th, (a, b) => a[0] === b[0] && sameValue(a[1], b[1]));
  const tr = truthRanks(truth);
  const dr = documentRanks(doc);
  const rankHits = countMatches(dr, tr, (a, b) => a === b);
  return {
    contextOnly: root !== null && !stated ? 1 : 0,
    base,
    method: { hits: methodHits, predicted: dm.length, found: methodHits, expected: tm.length },
    datasets: { hits: datasetHits, predicted: dd.length, found: datasetHits, expected: td.length },
    hyperparameters: { hits: hpHits, predicted: dh.length, found: hpHits, expected: th.length },
    rank: { hits: rankHits, predicted: dr.length, found: rankHits, expected: tr.length },
  };
}

/** Precision and recall from summed counts (1 when nothing was predicted or expected). */
export function precisionRecall(c: Counts): { precision: number; recall: number } {
  return {
    precision: c.predicted === 0 ? 1 : c.hits / c.predicted,
    recall: c.expected === 0 ? 1 : c.found / c.expected,
  };
}
