import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseBytes } from "../io/read-input.js";
import { LINEAGE_CLASSES, SEVERITIES } from "../model/vocabulary.js";
import type { ValidationReport } from "./issue.js";
import { validateLineage } from "./validate.js";

const examplesDir = new URL("../../examples/", import.meta.url);
const examples: unknown[] = readdirSync(examplesDir)
  .filter((f) => f.endsWith(".json"))
  .map((f) => JSON.parse(readFileSync(new URL(f, examplesDir), "utf8")));

function wellFormed(report: ValidationReport): void {
  expect(typeof report.valid).toBe("boolean");
  expect(LINEAGE_CLASSES).toContain(report.class);
  expect(report.score).toBeGreaterThanOrEqual(0);
  expect(report.score).toBeLessThanOrEqual(100);
  for (const issue of report.issues) {
    expect(SEVERITIES).toContain(issue.severity);
    expect(typeof issue.code).toBe("string");
    expect(typeof issue.path).toBe("string");
    expect(issue.message.length).toBeGreaterThan(0);
  }
  if (!report.valid) expect(report.issues.some((i) => i.severity === "error")).toBe(true);
}

/** Replaces, deletes or inserts a value at a random place in a JSON tree. */
function mutate(value: unknown, path: number[], replacement: unknown, mode: number): unknown {
  if (path.length === 0 || value === null || typeof value !== "object")
    return mode === 0 ? undefined : replacement;
  const [head = 0, ...rest] = path;
  if (Array.isArray(value)) {
    if (value.length === 0) return [replacement];
    const i = head % value.length;
    const copy = [...value];
    copy[i] = mutate(copy[i], rest, replacement, mode);
    return copy;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return { mutated: replacement };
  const key = keys[head % keys.length] as string;
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const next = mutate(copy[key], rest, replacement, mode);
  if (next === undefined) delete copy[key];
  else copy[key] = next;
  if (mode === 2) copy[`x${head}`] = replacement;
  return copy;
}

describe("the validator never throws", () => {
  it("on arbitrary JSON values", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        wellFormed(validateLineage(value));
      }),
      { numRuns: 500 },
    );
  });

  it("on mutated real documents", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...examples),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        fc.oneof(
          fc.jsonValue(),
          fc.constant(null),
          fc.string(),
          fc.double(),
          fc.constant({ id: "s1", kind: "merge" }),
        ),
        fc.integer({ min: 0, max: 2 }),
        (doc, path, replacement, mode) => {
          wellFormed(validateLineage(mutate(doc, path, replacement, mode)));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("on arbitrary bytes given as a file", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const read = parseBytes(bytes, "fuzz.json");
        if (read.ok) wellFormed(validateLineage(read.value));
        else if (read.kind === "invalid") expect(read.issues[0]?.message).toMatch(/^fuzz\.json/);
      }),
      { numRuns: 1000 },
    );
  });

  it("on arbitrary text, JSON-looking or YAML-looking", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.string().map((s) => `format: ftl/v1\nsubject: ${s}\n`),
        ),
        (text) => {
          const read = parseBytes(new TextEncoder().encode(text), "fuzz.yaml");
          if (read.ok) wellFormed(validateLineage(read.value));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
