/** Depth and unstorable-string checks that run before the schema (issue 15: exit 70 on deep or NUL ids). */
import { describe, expect, it } from "vitest";
import { oneStep } from "../store/_test-stores.js";
import { validateLineage } from "./validate.js";
import { MAX_NESTING_DEPTH, unstorableString, valueIssues } from "./value-checks.js";

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe("value checks", () => {
  it("rejects hyperparameters.other nested 1,200 deep with a clear error, not a crash", () => {
    const doc = oneStep("org/model", ["org/base"]) as unknown as {
      steps: { hyperparameters?: Record<string, unknown> }[];
    };
    const step = doc.steps[0] as { hyperparameters?: Record<string, unknown> };
    step.hyperparameters = { other: { deep: nested(1200) } };
    const report = validateLineage(doc);
    expect(report.valid).toBe(false);
    expect(report.issues).toEqual([
      expect.objectContaining({
        code: "input.too-deep",
        message: expect.stringMatching(
          /^steps\[0\]\.hyperparameters\.other\.deep\.a…: nested more than 64 levels/,
        ),
      }),
    ]);
  });

  it("handles a million-deep value without recursion", () => {
    expect(valueIssues(nested(1_000_000))[0]?.code).toBe("input.too-deep");
    expect(valueIssues(nested(MAX_NESTING_DEPTH - 1))).toEqual([]);
  });

  it("rejects ids with NUL or a lone surrogate, and accepts paired surrogates", () => {
    for (const id of ["org/a\u0000b", "org/a\ud800b", "org/\udc00"]) {
      const report = validateLineage(oneStep(id, ["org/base"]));
      expect(report.valid).toBe(false);
      expect(report.issues[0]).toMatchObject({ code: "input.unstorable-string", path: "subject.id" });
    }
    expect(unstorableString("org/🤗-model")).toBeUndefined();
    expect(validateLineage(oneStep("org/🤗", ["org/base"])).valid).toBe(true);
  });

  it("rejects keys that no store can hold", () => {
    expect(valueIssues({ a: { "k\u0000": 1 } })[0]).toMatchObject({
      code: "input.unstorable-string",
      message: expect.stringContaining("the key contains a NUL"),
    });
  });

  it("reports the same wherever the problem sits (the quick clean check sends every problem to the full walk)", () => {
    expect(valueIssues({ steps: [{ id: "a\nb" }] })[0]).toMatchObject({ path: "steps[0].id" });
    expect(valueIssues({ steps: [{ note: "a\nb" }] })).toEqual([]);
    expect(valueIssues({ ids: ["a\nb"] })).toEqual([]);
    expect(valueIssues({ a: [[{ b: "\ud800" }]] })[0]).toMatchObject({ code: "input.unstorable-string" });
    expect(valueIssues(nested(MAX_NESTING_DEPTH - 1))).toEqual([]);
    expect(valueIssues(nested(MAX_NESTING_DEPTH + 1))[0]?.code).toBe("input.too-deep");
  });
});
