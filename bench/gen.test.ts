import { describe, expect, it } from "vitest";
import { validateLineage } from "../src/validate/validate.js";
import { createRegistryGenerator, type GeneratedRecord } from "./lib/registry-generator.js";

const MODELS = 20_000;

function generate(
  models: number,
  seed: number,
): { records: GeneratedRecord[]; gen: ReturnType<typeof createRegistryGenerator> } {
  const gen = createRegistryGenerator({ models, seed });
  return { records: [...gen.records()], gen };
}

describe("registry generator", () => {
  const { records, gen } = generate(MODELS, 3);
  const summary = gen.summary();

  it("writes documents that pass validateLineage (a sample of every kind)", () => {
    const byKind = new Map<string, number>();
    const failures: string[] = [];
    records.forEach((record, i) => {
      const kind = record.document.steps[0]?.kind ?? "root";
      const seen = byKind.get(kind) ?? 0;
      byKind.set(kind, seen + 1);
      if (seen >= 300 && i % 7 !== 0) return;
      const report = validateLineage(JSON.parse(JSON.stringify(record.document)));
      const errors = report.issues.filter((issue) => issue.severity === "error");
      if (!report.valid || errors.length > 0)
        failures.push(`${record.document.subject.id}: ${errors.map((e) => e.message).join("; ")}`);
    });
    expect(failures.slice(0, 5)).toEqual([]);
    expect([...byKind.keys()].sort()).toEqual([
      "adapter-merge",
      "fine-tune",
      "merge",
      "quantization",
      "root",
    ]);
  });

  it("classifies derived documents as lineage or partial and roots as not-lineage", () => {
    const classes = new Map<string, string>();
    for (const record of records.slice(0, 3000)) {
      const kind = record.document.steps[0]?.kind ?? "root";
      classes.set(`${kind}:${validateLineage(record.document).class}`, kind);
    }
    expect(classes.has("fine-tune:lineage")).toBe(true);
    expect(classes.has("merge:lineage")).toBe(true);
    expect(classes.has("root:not-lineage")).toBe(true);
  });

  it("is deterministic for a seed and differs between seeds", () => {
    const again = generate(MODELS, 3).records;
    expect(JSON.stringify(again)).toBe(JSON.stringify(records));
    const other = generate(2_000, 4).records;
    expect(JSON.stringify(other.slice(40, 60))).not.toBe(JSON.stringify(records.slice(40, 60)));
  });

  it("names only earlier subjects or undocumented roots as parents, and every subject once", () => {
    const subjects = new Set<string>();
    const undocumented = new Set<string>();
    for (const record of records) {
      const { subject, bases, steps } = record.document;
      expect(subjects.has(subject.id)).toBe(false);
      for (const base of bases) {
        if (!subjects.has(base.id)) {
          expect(undocumented.has(base.id) || !records.some((r) => r.document.subject.id === base.id)).toBe(
            true,
          );
          undocumented.add(base.id);
        }
      }
      expect(steps.length <= 1).toBe(true);
      if (steps[0]) expect(steps[0].output?.id).toBe(subject.id);
      subjects.add(subject.id);
    }
    expect(subjects.size + summary.roots.undocumented).toBe(MODELS);
    expect(undocumented.size).toBe(summary.roots.undocumented);
  });

  it("has the Hub-like shape: ~30% roots, merges of 2–4, depth up to 12, power-law fan-out", () => {
    const rootShare = (summary.roots.documented + summary.roots.undocumented) / summary.models;
    expect(rootShare).toBeGreaterThan(0.25);
    expect(rootShare).toBeLessThan(0.35);
    expect(Object.keys(summary.mergeParents).sort()).toEqual(["2", "3", "4"]);
    expect(summary.depth.max).toBeLessThanOrEqual(12);
    expect(summary.depth.max).toBeGreaterThanOrEqual(9);
    const [widest, second] = summary.widest;
    expect(widest?.descendants ?? 0).toBeGreaterThan(MODELS * 0.04);
    expect((widest?.descendants ?? 0) >= (second?.descendants ?? 0)).toBe(true);
    for (const record of records) {
      const step = record.document.steps[0];
      if (step?.kind === "merge") {
        const n = step.inputs?.models?.length ?? 0;
        expect(n >= 2 && n <= 4).toBe(true);
      }
    }
  });

  it("reports exact transitive descendant counts for the widest bases", () => {
    const widest = summary.widest[0];
    if (!widest) throw new Error("no widest base");
    const children = new Map<string, string[]>();
    for (const record of records)
      for (const base of record.document.bases) {
        const list = children.get(base.id) ?? [];
        list.push(record.document.subject.id);
        children.set(base.id, list);
      }
    const seen = new Set<string>();
    const queue = [widest.id];
    while (queue.length > 0) {
      const id = queue.pop() as string;
      for (const child of children.get(id) ?? [])
        if (!seen.has(child)) {
          seen.add(child);
          queue.push(child);
        }
    }
    expect(seen.size).toBe(widest.descendants);
  });

  it("samples existing models, used datasets and same-family pairs", () => {
    const samples = gen.samples(50);
    const subjects = new Set(records.map((r) => r.document.subject.id));
    const bases = new Set(records.flatMap((r) => r.document.bases.map((b) => b.id)));
    for (const id of samples.models) expect(subjects.has(id) || bases.has(id)).toBe(true);
    const datasets = new Set(
      records.flatMap((r) => r.document.steps.flatMap((s) => (s.inputs?.datasets ?? []).map((d) => d.id))),
    );
    for (const id of samples.datasets) expect(datasets.has(id)).toBe(true);
    expect(samples.pairs).toHaveLength(50);
  });
});
