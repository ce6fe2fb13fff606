import { describe, expect, it } from "vitest";
import type { AuditFinding, Verdict } from "./report.js";
import { settledByVerdict } from "./verdict.js";

const verdict = (level: Verdict["level"]): Verdict => ({
  commercialUse: level === "not-allowed" ? "not-allowed" : level === "unclear" ? "unknown" : "allowed",
  level,
  reasons: [],
  warnings: [],
});
const findings = (): AuditFinding[] => [
  {
    severity: "warning",
    code: "unknown-license",
    message: "model org/merged-parent has no known licence",
    ancestor: { kind: "model", id: "org/merged-parent", role: "base" },
  },
  {
    severity: "warning",
    code: "unknown-license",
    message: "dataset org/data has no known licence",
    ancestor: { kind: "dataset", id: "org/data", role: "dataset" },
  },
  { severity: "error", code: "unread-chain", message: "the card implies a base it does not name" },
  { severity: "error", code: "non-commercial", message: "org/nc-base: CC BY-NC 4.0" },
];

describe("what a not-allowed verdict settles", () => {
  it("turns a model's unknown licence and an unread chain into notes that say why", () => {
    const list = findings();
    settledByVerdict(list, verdict("not-allowed"));
    expect(list.map((f) => f.severity)).toEqual(["info", "warning", "info", "error"]);
    expect(list[0]?.message).toMatch(/cannot change the verdict/);
  });

  it("leaves them as they are under any other verdict", () => {
    for (const level of ["unclear", "allowed", "allowed-with-warnings"] as const) {
      const list = findings();
      settledByVerdict(list, verdict(level));
      expect(list.map((f) => f.severity)).toEqual(["warning", "warning", "error", "error"]);
    }
  });
});

describe("an audit whose chain has a non-commercial ancestor and a model of unknown licence", () => {
  it("reports the unknown licence as a note that cannot change the verdict", async () => {
    const { auditLineage } = await import("./audit-lineage.js");
    const report = await auditLineage({
      format: "ftl/v1",
      subject: { id: "org/merged", license: "cc-by-nc-4.0" },
      bases: [{ id: "org/nc-base", license: "cc-by-nc-4.0" }, { id: "org/mystery-7b" }],
      steps: [
        {
          id: "merge",
          kind: "merge",
          method: "slerp",
          inputs: { models: [{ id: "org/nc-base" }, { id: "org/mystery-7b" }] },
          output: { id: "org/merged" },
        },
      ],
    });
    expect(report.verdict.level).toBe("not-allowed");
    const unknown = report.findings.find(
      (f) => f.code === "unknown-license" && f.ancestor?.id === "org/mystery-7b",
    );
    expect(unknown).toMatchObject({ severity: "info" });
  });
});
