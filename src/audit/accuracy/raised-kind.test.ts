import { describe, expect, it } from "vitest";
import { raisedKind } from "./corpus.js";

describe("raisedKind: which findings count as a raised corpus error", () => {
  it("counts undeclared-license only as an error (a warning is the guide's note over Apache/MIT chains)", () => {
    expect(raisedKind({ code: "undeclared-license", severity: "error" })).toBe("undeclared-licence");
    expect(raisedKind({ code: "undeclared-license", severity: "warning" })).toBeUndefined();
  });
  it("counts the kinds ftl reports as warnings on purpose (data terms, non-commercial ancestors)", () => {
    expect(raisedKind({ code: "output-terms", severity: "warning" })).toBe("generated-data-terms");
    const nc = { code: "non-commercial", severity: "warning" as const };
    expect(raisedKind({ ...nc, ancestor: { kind: "dataset" } })).toBe("non-commercial-data");
    expect(raisedKind({ ...nc, ancestor: { kind: "model" } })).toBe("non-commercial-ancestor");
  });
  it("never counts a note", () => {
    expect(raisedKind({ code: "license-conflict", severity: "info" })).toBeUndefined();
    expect(raisedKind({ code: "same-licensor", severity: "info" })).toBeUndefined();
  });
});
