/**
 * The fuzz test in `npm test` (issue 15): a time-bounded mutation fuzzer over the real fixtures for validate,
 * ingest, audit policies, the export readers and `export --into`, plus fast-check properties. No case may
 * exit 70 or throw. `npm run fuzz -- --minutes N` runs the same fuzzer longer.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fuzz } from "../../test/fixtures/hardening/fuzz-harness.js";
import { parsePolicy } from "../audit/policy.js";
import { readStandardExport } from "../export/index.js";
import { parseBytes } from "../io/read-input.js";
import { validateLineage } from "../validate/validate.js";

const SEED = Number(process.env.FTL_FUZZ_SEED ?? 20261130);

// Mutated YAML makes the YAML library emit a process warning per oddity (as `ftl` itself does not print):
// keep them out of the test output.
const emitWarning = process.emitWarning;
beforeAll(() => {
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (warning instanceof Error && warning.name === "YAMLWarning") return;
    (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
});
afterAll(() => {
  process.emitWarning = emitWarning;
});

describe("fuzzing (bounded in time)", () => {
  it("mutants of the real fixtures never exit 70 nor throw", async () => {
    const totals = await fuzz({ ms: 12_000, seed: SEED });
    console.log(
      `fuzz: ${totals.cases} cases, seed ${SEED}, by target ${JSON.stringify(totals.byTarget)}, exit codes ${JSON.stringify(totals.exitCodes)}`,
    );
    expect(totals.cases).toBeGreaterThan(100);
    expect(totals.failures.slice(0, 3)).toEqual([]);
  }, 40_000);

  it("arbitrary bytes and values never throw in the readers", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const read = parseBytes(bytes, "x");
        if (read.ok) validateLineage(read.value);
        readStandardExport(Buffer.from(bytes).toString("utf8"), "x.json");
      }),
      { numRuns: 1500, seed: SEED },
    );
    fc.assert(
      fc.property(fc.anything({ maxDepth: 6 }), (value) => {
        const report = validateLineage(value);
        expect(typeof report.valid).toBe("boolean");
        readStandardExport(JSON.stringify(value) ?? "", "x.json");
      }),
      { numRuns: 1500, seed: SEED },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (text) => {
        parsePolicy(text);
      }),
      { numRuns: 1500, seed: SEED },
    );
  });
});
