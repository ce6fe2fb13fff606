/**
 * Field-by-field scoring of an extracted document against a corpus label. Every value ftl asserts is a
 * prediction with the confidence ftl gave it; every value the label holds is an expectation. Precision counts
 * predictions that match, recall counts expectations that were found. The (confidence, right?) pairs feed the
 * calibration table.
 */
import type { LineageDocument, Provenance, Step } from "../../schema/lineage.js";
// Hyperparameters scored: the same list as the shared-sample scorer.
import { KEY_HYPERPARAMETERS } from "../accuracy.js";
import { TABLE_STEP_NOTE } from "../chain-rules.js";
import type { Label, LabelStep } from "./label.js";
import { datasetsMatch, pair, refsMatch, valuesMatch } from "./match.js";

export const SCORED_FIELDS = [
  "instance",
  "subject",
  "base",
  "method",
  "parameterization",
  "datasets",
  "hyperparameters",
  "rank",
  "mergeParents",
] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

export interface Counts {
  hits: number;
  predicted: number;
  found: number;
  expected: number;
}

export interface Prediction {
  field: ScoredField;
  value: string;
  confidence: number;
  right: boolean;
  /** What ftl based the fact on (its provenance's source, field and note), for calibration by kind of fact. */
  basis: string;
}

export interface ItemScore {
  counts: Record<ScoredField, Counts>;
  predictions: Prediction[];
  /** Human-readable differences, for the verbose report. */
  misses: string[];
}

interface Asserted<T> {
  value: T;
  confidence: number;
  basis: string;
}

function confidenceOf(p: Provenance | undefined): number {
  return p?.confidence ?? (p?.source === "inferred" ? 0.5 : 1);
}

function asserted<T>(value: T, p: Provenance | undefined): Asserted<T> {
  const basis = [p?.source ?? "stated", p?.field, p?.note].filter(Boolean).join(" · ");
  return { value, confidence: confidenceOf(p), basis };
}

const methodOfLabel = (s: LabelStep): string =>
  s.kind === "fine-tune" ? (s.objective ?? "fine-tune") : s.kind;
const methodOfStep = (s: Step): string => (s.kind === "fine-tune" ? (s.objective ?? "fine-tune") : s.kind);

/**
 * The part of a document the files themselves say. Steps added from ftl's table of well-known intermediates
 * (knowledge from outside the files) are left out, and a base reached only through them is replaced by the
 * checkpoint the files named: labels record the chain as the files give it.
 */
export function namedPart(doc: LineageDocument): LineageDocument {
  const table = doc.steps.filter((s) => s.notes?.includes(TABLE_STEP_NOTE));
  if (table.length === 0) return doc;
  const steps = doc.steps.filter((s) => !table.includes(s));
  const named = new Set(table.flatMap((s) => (s.output ? [s.output.id] : [])));
  const tableInputs = new Set(table.flatMap((s) => (s.inputs?.models ?? []).map((m) => m.id)));
  const bases = [
    ...doc.bases.filter((b) => !tableInputs.has(b.id)),
    ...[...named]
      .filter((id) => !table.some((s) => s.inputs?.models?.some((m) => m.id === id)))
      .map((id) => ({ id, provenance: table[0]?.provenance })),
  ];
  return { ...doc, bases: bases.map((b) => (b.provenance ? b : { id: b.id })), steps };
}

function predictedFacts(doc: LineageDocument): Record<ScoredField, Asserted<unknown>[]> {
  const steps = doc.steps;
  const src = (s: Step, k: string) => s.sources?.[k] ?? s.provenance;
  const subjectKnown = doc.subject.id !== "unknown";
  return {
    instance: [],
    subject: subjectKnown ? [asserted(doc.subject.id, doc.subject.provenance)] : [],
    base: doc.bases.map((b) => asserted(b.id, b.provenance)),
    method: steps
      .filter((s) => s.kind !== "fine-tune" || s.objective)
      .map((s) => asserted(methodOfStep(s), src(s, s.kind === "fine-tune" ? "objective" : "kind"))),
    parameterization: steps.flatMap((s) =>
      s.kind === "fine-tune" && s.parameterization
        ? [asserted(s.parameterization, src(s, "parameterization"))]
        : [],
    ),
    datasets: steps.flatMap((s) =>
      (s.inputs?.datasets ?? []).flatMap((d, i) =>
        d.id ? [asserted(d.id, src(s, `inputs.datasets[${i}]`))] : [],
      ),
    ),
    hyperparameters: steps.flatMap((s) =>
      Object.entries(s.hyperparameters ?? {})
        .filter(([k]) => (KEY_HYPERPARAMETERS as readonly string[]).includes(k))
        .map(([k, v]) => asserted([k, v], src(s, `hyperparameters.${k}`))),
    ),
    rank: steps.flatMap((s) =>
      s.kind === "fine-tune" && s.adapter?.rank !== undefined
        ? [asserted(s.adapter.rank, src(s, "adapter.rank"))]
        : [],
    ),
    // The merge's base (mergekit `base_model`: the shared layers of a MoE, the reference of task vectors) is a
    // parent too (LABELING.md: "all parents of a merge"), counted once when it is also among the inputs.
    mergeParents: steps.flatMap((s) =>
      s.kind === "merge"
        ? [
            ...(s.inputs?.models ?? []).flatMap((m, i) =>
              m.id ? [asserted(m.id, src(s, `inputs.models[${i}]`))] : [],
            ),
            ...(s.baseModel?.id && !(s.inputs?.models ?? []).some((m) => m.id === s.baseModel?.id)
              ? [asserted(s.baseModel.id, src(s, "baseModel"))]
              : []),
          ]
        : [],
    ),
  };
}

function expectedFacts(label: Label): Record<ScoredField, unknown[]> {
  const steps = label.steps;
  return {
    instance: [],
    subject: label.subject ? [label.subject] : [],
    base: label.root_bases,
    method: steps.filter((s) => s.kind !== "fine-tune" || s.objective).map(methodOfLabel),
    parameterization: steps.flatMap((s) => (s.parameterization ? [s.parameterization] : [])),
    datasets: [...new Set(steps.flatMap((s) => s.datasets))],
    hyperparameters: steps.flatMap((s) =>
      Object.entries(s.hyperparameters).filter(([k]) =>
        (KEY_HYPERPARAMETERS as readonly string[]).includes(k),
      ),
    ),
    rank: steps.flatMap((s) => (typeof s.adapter_rank === "number" ? [s.adapter_rank] : [])),
    mergeParents: steps.flatMap((s) =>
      s.kind === "merge"
        ? s.inputs.filter((i): i is string => typeof i === "string" && !i.startsWith("step:"))
        : [],
    ),
  };
}

const EQUALS: Record<ScoredField, (p: unknown, e: unknown) => boolean> = {
  instance: (p, e) => p === e,
  subject: (p, e) => refsMatch(String(p), String(e)),
  base: (p, e) => refsMatch(String(p), String(e)),
  method: (p, e) => p === e,
  parameterization: (p, e) => p === e,
  datasets: (p, e) => datasetsMatch(String(p), String(e)),
  hyperparameters: (p, e) => {
    const [pk, pv] = p as [string, unknown];
    const [ek, ev] = e as [string, unknown];
    return pk === ek && valuesMatch(pv, ev);
  },
  rank: (p, e) => p === e,
  mergeParents: (p, e) => refsMatch(String(p), String(e)),
};

/** Scores one document; `isInstance` is ftl's own verdict (its class is not `not-lineage`). */
export function scoreItem(whole: LineageDocument, isInstance: boolean, label: Label): ItemScore {
  const doc = namedPart(whole);
  const predicted = predictedFacts(doc);
  const expected = expectedFacts(label);
  const counts = {} as Record<ScoredField, Counts>;
  const predictions: Prediction[] = [];
  const misses: string[] = [];
  for (const field of SCORED_FIELDS) {
    if (field === "instance") {
      const hit = isInstance === label.is_instance;
      counts.instance = {
        hits: isInstance && hit ? 1 : 0,
        predicted: isInstance ? 1 : 0,
        found: label.is_instance && hit ? 1 : 0,
        expected: label.is_instance ? 1 : 0,
      };
      if (!hit) misses.push(`instance: ftl says ${isInstance}, label ${label.is_instance}`);
      continue;
    }
    const eq = EQUALS[field];
    const p = predicted[field];
    const e = expected[field];
    const right = pair(p, e, (x, y) => eq(x.value, y));
    const found = pair(e, p, (y, x) => eq(x.value, y));
    counts[field] = {
      hits: right.filter(Boolean).length,
      predicted: p.length,
      found: found.filter(Boolean).length,
      expected: e.length,
    };
    for (const [i, x] of p.entries())
      predictions.push({
        field,
        value: JSON.stringify(x.value),
        confidence: x.confidence,
        right: right[i] === true,
        basis: x.basis,
      });
    const wrong = p.filter((_, i) => !right[i]).map((x) => JSON.stringify(x.value));
    const missed = e.filter((_, i) => !found[i]).map((x) => JSON.stringify(x));
    if (wrong.length || missed.length)
      misses.push(`${field}: wrong ${wrong.join(", ") || "-"}; missed ${missed.join(", ") || "-"}`);
  }
  return { counts, predictions, misses };
}

export function emptyCounts(): Counts {
  return { hits: 0, predicted: 0, found: 0, expected: 0 };
}

export function addCounts(into: Counts, c: Counts): void {
  into.hits += c.hits;
  into.predicted += c.predicted;
  into.found += c.found;
  into.expected += c.expected;
}

/** Precision and recall (1 when nothing was predicted or expected). */
export function precisionRecall(c: Counts): { precision: number; recall: number } {
  return {
    precision: c.predicted === 0 ? 1 : c.hits / c.predicted,
    recall: c.expected === 0 ? 1 : c.found / c.expected,
  };
}
