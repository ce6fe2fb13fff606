/**
 * Runs extraction on every item of the labelled corpus (`test/fixtures/corpus/<set>/<item>/files/`) the way a
 * user would (`ftl import <item>/files --split`), and sums the scores per set and per category, with the
 * calibration of ftl's confidences. Used by the accuracy test and `npm run accuracy`; never by extraction.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { LineageDocument } from "../../schema/lineage.js";
import { validateLineage } from "../../validate/validate.js";
import { importGroups } from "../import-files.js";
import { type Label, LabelSchema } from "./label.js";
import {
  addCounts,
  type Counts,
  emptyCounts,
  type ItemScore,
  type Prediction,
  SCORED_FIELDS,
  type ScoredField,
  scoreItem,
} from "./score.js";

export const CORPUS_ROOT = join(import.meta.dirname, "../../../test/fixtures/corpus");

export interface CorpusItem {
  dir: string;
  label: Label;
  files: number;
  /**
   * The item's files were readable by rule writers: a file is byte-identical to one the rules were written from
   * (`extract/samples`) or to one of the audit corpus's dev set, or the item is listed in
   * `test/fixtures/corpus/seen.json` (a file of it overlaps a readable one). Seen sealed items are left out of the
   * sealed figures.
   */
  seen: boolean;
}

const SAMPLES = join(import.meta.dirname, "../../../test/fixtures/extract/samples");
/** The licence-audit corpus's dev set: rule writers read it (its disagreements are printed), so its files are seen. */
const AUDIT_DEV = join(import.meta.dirname, "../../../test/fixtures/audit-corpus/dev");

/** The sha256 of every file under `dir` (none when it does not exist). */
export function digests(dir: string): string[] {
  const out: string[] = [];
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...digests(path));
    else out.push(createHash("sha256").update(readFileSync(path)).digest("hex"));
  }
  return out;
}

let sampleDigests: Set<string> | undefined;

const SeenListSchema = z.array(z.object({ item: z.string().min(1), reason: z.string().min(1) }));

/** The items listed in `seen.json`, each with why it was seen; a malformed list is an error naming the file. */
export function seenList(root = CORPUS_ROOT): Map<string, string> {
  const path = join(root, "seen.json");
  if (!existsSync(path)) return new Map();
  const parsed = SeenListSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) throw new Error(`${path}: expected [{"item", "reason"}]: ${parsed.error.message}`);
  return new Map(parsed.data.map((e) => [e.item, e.reason]));
}

function isSeen(filesDir: string): boolean {
  sampleDigests ??= new Set([...digests(SAMPLES), ...digests(AUDIT_DEV)]);
  const known = sampleDigests;
  return digests(filesDir).some((d) => known.has(d));
}

function countFiles(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true }))
    n += e.isDirectory() ? countFiles(join(dir, e.name)) : 1;
  return n;
}

/** The items of one set, sorted by name; a label that does not parse is an error naming the file. */
export function loadItems(set: "dev" | "sealed", root = CORPUS_ROOT): CorpusItem[] {
  const dir = join(root, set);
  if (!existsSync(dir)) return [];
  const items: CorpusItem[] = [];
  const listed = seenList(root);
  for (const name of readdirSync(dir).sort()) {
    const labelPath = join(dir, name, "label.json");
    const filesDir = join(dir, name, "files");
    if (!existsSync(labelPath) || !existsSync(filesDir)) continue;
    const parsed = LabelSchema.safeParse(JSON.parse(readFileSync(labelPath, "utf8")));
    if (!parsed.success) throw new Error(`${labelPath}: ${parsed.error.message}`);
    items.push({
      dir: join(dir, name),
      label: parsed.data,
      files: countFiles(filesDir),
      seen: listed.has(name) || isSeen(filesDir),
    });
  }
  return items;
}

/** One document made of several (when ftl splits an item into groups, all of them are scored together). */
function union(docs: LineageDocument[]): LineageDocument {
  const [first] = docs;
  if (!first) return { format: "ftl/v1", subject: { id: "unknown" }, bases: [], steps: [] };
  return { ...first, bases: docs.flatMap((d) => d.bases), steps: docs.flatMap((d) => d.steps) };
}

export interface ItemResult {
  item: CorpusItem;
  score: ItemScore;
  cls: string;
}

export async function runItem(item: CorpusItem): Promise<ItemResult> {
  const { documents } = await importGroups([join(item.dir, "files")]);
  const doc = union(documents.map((r) => r.document));
  const classes = documents.map((r) => validateLineage(r.document).class);
  // An instance: a document with a step that is training, or a derivation (quantisation, merge) of a named model.
  const isInstance =
    doc.steps.length > 0 &&
    (classes.some((c) => c !== "not-lineage") ||
      doc.steps.some((s) => s.kind !== "fine-tune" && (s.inputs?.models?.length ?? 0) > 0));
  return { item, score: scoreItem(doc, isInstance, item.label), cls: classes.join("+") || "none" };
}

export interface Summary {
  items: number;
  files: number;
  repos: number;
  totals: Record<ScoredField, Counts>;
  byCategory: Map<string, { items: number; totals: Record<ScoredField, Counts> }>;
  predictions: Prediction[];
  results: ItemResult[];
}

const blank = () =>
  Object.fromEntries(SCORED_FIELDS.map((f) => [f, emptyCounts()])) as Record<ScoredField, Counts>;

export async function evaluateSet(items: CorpusItem[]): Promise<Summary> {
  const s: Summary = {
    items: items.length,
    files: 0,
    repos: new Set(items.flatMap((i) => i.label.sources.map((x) => x.repo))).size,
    totals: blank(),
    byCategory: new Map(),
    predictions: [],
    results: [],
  };
  for (const item of items) {
    const r = await runItem(item);
    s.results.push(r);
    s.files += item.files;
    const cat = s.byCategory.get(item.label.category) ?? { items: 0, totals: blank() };
    cat.items++;
    for (const f of SCORED_FIELDS) {
      addCounts(s.totals[f], r.score.counts[f]);
      addCounts(cat.totals[f], r.score.counts[f]);
    }
    s.byCategory.set(item.label.category, cat);
    s.predictions.push(...r.score.predictions);
  }
  return s;
}

/** Confidence buckets of the calibration table. */
export const BUCKETS = [
  [0, 0.5],
  [0.5, 0.7],
  [0.7, 0.9],
  [0.9, 1.0001],
] as const;

export function calibration(
  predictions: Prediction[],
): { bucket: string; facts: number; right: number; precision: number }[] {
  return BUCKETS.map(([lo, hi]) => {
    const inBucket = predictions.filter((p) => p.confidence >= lo && p.confidence < hi);
    const right = inBucket.filter((p) => p.right).length;
    return {
      bucket: `${lo.toFixed(1)}–${Math.min(hi, 1).toFixed(1)}`,
      facts: inBucket.length,
      right,
      precision: inBucket.length ? right / inBucket.length : 1,
    };
  });
}
