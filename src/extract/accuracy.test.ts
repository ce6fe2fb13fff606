import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateLineage } from "../validate/validate.js";
import { namedPart } from "./accuracy/score.js";
import { type Counts, FIELDS, type Field, precisionRecall, scoreDocument, type Truth } from "./accuracy.js";
import { extractFromFiles } from "./extract-from-files.js";

const ROOT = join(import.meta.dirname, "../../test/fixtures/extract");
/** `samples` (the shared sample set) was read while the rules were written: a regression check, not accuracy.
 * Accuracy on files the rules never saw is measured on the labelled corpus (`accuracy/corpus.test.ts`). */
const DEVELOPMENT = ["samples"];

interface Unit {
  files: string[];
  truth: Truth;
  isInstance: boolean;
  category: string;
}

/** Files whose truth is identical (one published repository read as a whole) are scored together. */
function units(sets: string[]): Unit[] {
  const out: Unit[] = [];
  for (const set of sets) {
    const dir = join(ROOT, set);
    const byTruth = new Map<string, Unit>();
    for (const name of readdirSync(dir)
      .filter((n) => n.endsWith(".truth.json"))
      .sort()) {
      const t = JSON.parse(readFileSync(join(dir, name), "utf8"));
      const key = JSON.stringify(t.ground_truth);
      const unit: Unit = byTruth.get(key) ?? {
        files: [],
        truth: t.ground_truth,
        isInstance: t.is_instance,
        category: t.category,
      };
      unit.files.push(join(dir, t.file));
      byTruth.set(key, unit);
    }
    out.push(...byTruth.values());
  }
  return out;
}

interface Evaluation {
  items: number;
  files: number;
  totals: Record<Field, Counts>;
  strictBase: { found: number; expected: number };
  contextOnly: number;
  notLineage: { ok: number; of: number };
  misses: string[];
}

function evaluate(sets: string[]): Evaluation {
  const all = units(sets);
  const totals = Object.fromEntries(
    FIELDS.map((f) => [f, { hits: 0, predicted: 0, found: 0, expected: 0 }]),
  ) as Record<Field, Counts>;
  const ev: Evaluation = {
    items: all.length,
    files: all.reduce((n, u) => n + u.files.length, 0),
    totals,
    strictBase: { found: 0, expected: 0 },
    contextOnly: 0,
    notLineage: { ok: 0, of: 0 },
    misses: [],
  };
  for (const unit of all) {
    const files = unit.files.map((p) => ({
      path: p.split("/").pop() as string,
      text: readFileSync(p, "utf8"),
    }));
    const document = namedPart(extractFromFiles(files).document);
    const scores = scoreDocument(
      document,
      unit.truth,
      files.map((f) => f.text),
    );
    const strict = scoreDocument(document, unit.truth);
    ev.contextOnly += scores.contextOnly;
    ev.strictBase.found += strict.base.found;
    ev.strictBase.expected += strict.base.expected;
    for (const f of FIELDS) {
      const t = totals[f];
      const s = scores[f];
      t.hits += s.hits;
      t.predicted += s.predicted;
      t.found += s.found;
      t.expected += s.expected;
      if (s.hits < s.predicted || s.found < s.expected)
        ev.misses.push(
          `${f}: ${files.map((x) => x.path).join("+")} (${s.hits}/${s.predicted} precise, ${s.found}/${s.expected} found)`,
        );
    }
    if (!unit.isInstance && /base-only|vague/i.test(unit.category)) {
      ev.notLineage.of++;
      if (validateLineage(document).class === "not-lineage") ev.notLineage.ok++;
    }
  }
  return ev;
}

function print(label: string, ev: Evaluation): void {
  console.log(`${label}: ${ev.items} items, ${ev.files} files`);
  console.table(
    FIELDS.map((f) => {
      const { precision, recall } = precisionRecall(ev.totals[f]);
      return { field: f, precision: precision.toFixed(3), recall: recall.toFixed(3), ...ev.totals[f] };
    }),
  );
  console.log(
    `  base-only and vague cards classified not-lineage: ${ev.notLineage.ok}/${ev.notLineage.of}; base recall counting also ${ev.contextOnly} roots the files never name: ${(ev.strictBase.found / Math.max(1, ev.strictBase.expected)).toFixed(3)} (${ev.strictBase.found}/${ev.strictBase.expected})`,
  );
  if (process.env.FTL_ACCURACY_VERBOSE) console.log(ev.misses.join("\n"));
}

const THRESHOLDS: Partial<Record<Field, number>> = {
  base: 0.95,
  method: 0.9,
  datasets: 0.9,
  hyperparameters: 0.85,
};

describe("extraction on the shared samples the rules were written from (regression)", () => {
  const all = evaluate(DEVELOPMENT);

  it("reads the shared samples", () => {
    expect(all.files).toBeGreaterThanOrEqual(35);
  });

  it("prints field-level precision and recall and meets the thresholds", () => {
    print("shared samples (read while writing the rules)", all);
    for (const [field, min] of Object.entries(THRESHOLDS)) {
      const { precision, recall } = precisionRecall(all.totals[field as Field]);
      expect(precision, `${field} precision`).toBeGreaterThanOrEqual(min);
      expect(recall, `${field} recall`).toBeGreaterThanOrEqual(min);
    }
  });

  it("classifies every base-only and vague card as not-lineage", () => {
    expect(all.notLineage.ok).toBe(all.notLineage.of);
    expect(all.notLineage.of).toBeGreaterThanOrEqual(2);
  });
});
