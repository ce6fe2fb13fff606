import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateLineage } from "../validate/validate.js";
import { type Counts, FIELDS, type Field, precisionRecall, scoreDocument, type Truth } from "./accuracy.js";
import { extractFromFiles } from "./extract-from-files.js";

const ROOT = join(import.meta.dirname, "../../test/fixtures/extract");
const SETS = ["samples", "real"];

interface Unit {
  files: string[];
  truth: Truth;
  isInstance: boolean;
  category: string;
}

/** Files whose truth is identical (one published repository read as a whole) are scored together. */
function units(): Unit[] {
  const out: Unit[] = [];
  for (const set of SETS) {
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

const THRESHOLDS: Partial<Record<Field, number>> = {
  base: 0.95,
  method: 0.9,
  datasets: 0.9,
  hyperparameters: 0.85,
};

describe("extraction accuracy on real cards and configs", () => {
  const all = units();
  const totals = Object.fromEntries(
    FIELDS.map((f) => [f, { hits: 0, predicted: 0, found: 0, expected: 0 }]),
  ) as Record<Field, Counts>;
  const misses: string[] = [];
  let classOk = 0;
  let contextOnly = 0;
  const strictBase = { found: 0, expected: 0 };
  let nonInstances = 0;
  for (const unit of all) {
    const files = unit.files.map((p) => ({
      path: p.split("/").pop() as string,
      text: readFileSync(p, "utf8"),
    }));
    const { document } = extractFromFiles(files);
    const scores = scoreDocument(
      document,
      unit.truth,
      files.map((f) => f.text),
    );
    const strict = scoreDocument(document, unit.truth);
    contextOnly += scores.contextOnly;
    strictBase.found += strict.base.found;
    strictBase.expected += strict.base.expected;
    for (const f of FIELDS) {
      const t = totals[f];
      const s = scores[f];
      t.hits += s.hits;
      t.predicted += s.predicted;
      t.found += s.found;
      t.expected += s.expected;
      if (s.hits < s.predicted || s.found < s.expected)
        misses.push(
          `${f}: ${files.map((x) => x.path).join("+")} (${s.hits}/${s.predicted} precise, ${s.found}/${s.expected} found)`,
        );
    }
    const cls = validateLineage(document).class;
    const notLineageExpected = !unit.isInstance && /base-only|vague/i.test(unit.category);
    if (notLineageExpected) {
      nonInstances++;
      if (cls === "not-lineage") classOk++;
    }
  }
  const fileCount = all.reduce((n, u) => n + u.files.length, 0);

  it("reads at least 40 real files", () => {
    expect(fileCount).toBeGreaterThanOrEqual(40);
  });

  it("prints field-level precision and recall and meets the thresholds", () => {
    const rows = FIELDS.map((f) => {
      const { precision, recall } = precisionRecall(totals[f]);
      return { field: f, precision: precision.toFixed(3), recall: recall.toFixed(3), ...totals[f] };
    });
    console.log(`extraction accuracy over ${all.length} items (${fileCount} files):`);
    console.table(rows);
    console.log(`base-only and vague cards classified not-lineage: ${classOk}/${nonInstances}`);
    console.log(
      `base recall counting also ${contextOnly} roots the files never name (known to the labeller from elsewhere): ${(strictBase.found / strictBase.expected).toFixed(3)} (${strictBase.found}/${strictBase.expected})`,
    );
    if (process.env.FTL_ACCURACY_VERBOSE) console.log(misses.join("\n"));
    for (const [field, min] of Object.entries(THRESHOLDS)) {
      const { precision, recall } = precisionRecall(totals[field as Field]);
      expect(precision, `${field} precision`).toBeGreaterThanOrEqual(min);
      expect(recall, `${field} recall`).toBeGreaterThanOrEqual(min);
    }
  });

  it("classifies every base-only and vague card as not-lineage", () => {
    expect(classOk).toBe(nonInstances);
    expect(nonInstances).toBeGreaterThanOrEqual(3);
  });
});
