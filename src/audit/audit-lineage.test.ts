import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { LineageDocument } from "../schema/lineage.js";
import { auditLineage } from "./audit-lineage.js";
import type { AuditReport, CommercialVerdict, FindingCode } from "./report.js";

const root = new URL("../../", import.meta.url).pathname;
const fixtures = join(root, "test/fixtures/audit");
const examples = join(root, "examples");
const load = (path: string): LineageDocument => JSON.parse(readFileSync(path, "utf8")) as LineageDocument;
const codes = (report: AuditReport, severity: "error" | "warning" | "info") =>
  report.findings.filter((f) => f.severity === severity).map((f) => f.code);

interface Expected {
  errors: FindingCode[];
  warnings: FindingCode[];
  verdict: CommercialVerdict;
  /** Substrings of some finding's message. */
  messages?: string[];
}

/** Expected findings of every fixture: real combinations from published models and recipes (see SOURCE.md). */
const EXPECTED: Record<string, Expected> = {
  "zephyr-7b-beta (examples)": {
    errors: [],
    warnings: ["output-terms", "license-change", "output-terms"],
    verdict: "allowed",
    messages: [
      "declares mit but inherits apache-2.0 from mistralai/Mistral-7B-v0.1 via step 1 (sft) → step 2 (dpo)",
    ],
  },
  "llama31-relabelled-apache": {
    errors: ["license-conflict", "naming-rule"],
    warnings: [],
    verdict: "allowed",
    messages: [
      "declares apache-2.0 but inherits llama3.1 from meta-llama/Llama-3.1-8B via step 1 (sft); the Llama 3.1 Community License Agreement must be passed on and the name must start with 'Llama'",
    ],
  },
  "llama3-unsloth-relabelled-apache": {
    errors: ["license-conflict", "naming-rule"],
    warnings: ["output-terms"],
    verdict: "allowed",
    messages: ["inherits llama3 from unsloth/llama-3-8b-bnb-4bit", "inferred from its name"],
  },
  "llama3-dpo-lora-axolotl": {
    // Issue 16: declaring no licence over Llama 3 (which must be passed on) is an error; a dataset with no
    // licence entry is a warning on an allowed verdict, not "unknown".
    errors: ["undeclared-license", "naming-rule"],
    warnings: ["unknown-license"],
    verdict: "allowed",
    messages: ["dataset fozziethebeat/alpaca_messages_2k_dpo_test at step 1 (dpo) has no known licence"],
  },
  "qlora-llama31-gated-clean": { errors: [], warnings: [], verdict: "allowed" },
  "qlora-gem2-unknown-base": {
    errors: [],
    warnings: [
      "undeclared-license",
      "unknown-license",
      "unknown-license",
      "unknown-license",
      "unknown-license",
    ],
    verdict: "unknown",
    messages: ["base vaiv/GeM2-Llamion-14B-Chat via step 1 (sft) has no known licence"],
  },
  "cc-by-nc-dataset": {
    errors: [],
    warnings: ["non-commercial"],
    verdict: "not-allowed",
    messages: [
      "trained on a cc-by-nc-4.0 dataset HuggingFaceH4/no_robots at step 1 (sft): non-commercial use only",
    ],
  },
  "merge-apache-with-nc": {
    errors: ["license-conflict"],
    // The non-commercial merge parent is a finding of its own, as well as the relicensing over it.
    warnings: ["non-commercial"],
    verdict: "not-allowed",
    messages: [
      "inherits cc-by-nc-4.0 from example-org/roleplay-mistral-7b via step 1 (slerp); non-commercial use only",
      "merge parent example-org/roleplay-mistral-7b via step 1 (slerp) is under cc-by-nc-4.0, which forbids commercial use",
    ],
  },
  "merge-llama3-llama31": { errors: [], warnings: ["combined-terms"], verdict: "allowed" },
  "tulu-2-dpo-7b": {
    errors: [],
    warnings: ["unknown-license", "output-terms", "unknown-license"],
    verdict: "unknown",
    messages: [
      "'ai2-impact-license-low-risk', is not in the knowledge base",
      "see https://allenai.org/impact-license",
    ],
  },
  "deepseek-r1-distill-llama-8b": {
    errors: ["license-conflict", "naming-rule"],
    warnings: [],
    verdict: "allowed",
    messages: [
      "declares mit but inherits llama3.1 from meta-llama/Llama-3.1-8B (deepseek-ai/DeepSeek-R1-Distill-Llama-8B was derived",
    ],
  },
  "odd-licences": {
    errors: [],
    warnings: ["unknown-license", "unknown-license", "unknown-license"],
    verdict: "unknown",
    messages: ["'🤷 ask the author'", "EPL-2.0, is a valid SPDX licence"],
  },
};

const pathOf = (name: string) =>
  name.endsWith("(examples)")
    ? join(examples, `${name.replace(" (examples)", "")}.lineage.json`)
    : join(fixtures, `${name}.lineage.json`);

describe("auditLineage on fixtures", () => {
  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(name, async () => {
      const report = await auditLineage(load(pathOf(name)));
      expect(codes(report, "error")).toEqual(expected.errors);
      expect(codes(report, "warning")).toEqual(expected.warnings);
      expect(report.verdict.commercialUse).toBe(expected.verdict);
      for (const m of expected.messages ?? [])
        expect(report.findings.map((f) => f.message).join("\n")).toContain(m);
    });
  }

  it("has an expectation for every fixture", () => {
    const files = readdirSync(fixtures).filter((f) => f.endsWith(".lineage.json"));
    expect(files.map((f) => f.replace(".lineage.json", "")).sort()).toEqual(
      Object.keys(EXPECTED)
        .filter((n) => !n.endsWith("(examples)"))
        .sort(),
    );
  });
});

describe("auditLineage on every bundled example", () => {
  for (const file of readdirSync(examples).filter((f) => f.endsWith(".lineage.json"))) {
    it(file, async () => {
      const report = await auditLineage(load(join(examples, file)));
      expect(report.subject.id).toBeTruthy();
      expect(["allowed", "not-allowed", "unknown"]).toContain(report.verdict.commercialUse);
      expect(report.counts.error).toBe(0);
      for (const f of report.findings) expect(f.message.length).toBeGreaterThan(10);
    });
  }
});

describe("auditLineage details", () => {
  const doc = (patch: Partial<LineageDocument>): LineageDocument => ({
    format: "ftl/v1",
    subject: { id: "org/out", license: "apache-2.0" },
    bases: [{ id: "org/base", license: "apache-2.0" }],
    steps: [
      {
        id: "sft",
        kind: "fine-tune",
        inputs: { models: [{ id: "org/base" }], datasets: [{ id: "org/data" }] },
        output: { id: "org/out" },
      },
    ],
    ...patch,
  });

  it("fills licences from supplied maps and says so", async () => {
    const report = await auditLineage(doc({}), { datasets: { "org/data": "cc-by-nc-sa-4.0" } });
    expect(report.verdict.commercialUse).toBe("not-allowed");
    // Non-commercial and share-alike both bind (audit dev ncp-a1-qwen25-3b-dialogsum-peft-grpo-no-licence).
    expect(codes(report, "warning")).toEqual(expect.arrayContaining(["non-commercial", "share-alike"]));
    const nd = await auditLineage(doc({}), { datasets: { "org/data": "cc-by-nc-nd-4.0" } });
    expect(codes(nd, "warning")).toEqual(expect.arrayContaining(["non-commercial", "no-derivatives"]));
    expect(report.ancestors.find((a) => a.id === "org/data")).toMatchObject({
      license: "cc-by-nc-sa-4.0",
      licenseFrom: "supplied",
    });
  });

  it("follows bases into upstream documents (registry or Hub) with the full path", async () => {
    const upstream: LineageDocument = {
      format: "ftl/v1",
      subject: { id: "org/base", license: "apache-2.0" },
      bases: [{ id: "meta-llama/Llama-2-7b-hf" }],
      steps: [
        {
          id: "ft",
          kind: "fine-tune",
          inputs: { models: [{ id: "meta-llama/Llama-2-7b-hf" }], datasets: [{ id: "tatsu-lab/alpaca" }] },
          output: { id: "org/base" },
        },
      ],
    };
    const report = await auditLineage(doc({}), {
      datasets: { "org/data": "mit" },
      upstream: (id) => (id === "org/base" ? upstream : undefined),
    });
    const conflict = report.findings.find((f) => f.code === "license-conflict");
    expect(conflict?.message).toBe(
      "declares apache-2.0 but inherits llama2 from meta-llama/Llama-2-7b-hf via step 1 (ft) of org/base → step 1 (sft); the Llama 2 Community License Agreement must be passed on",
    );
    expect(report.findings.map((f) => f.message)).toContain(
      "trained on a cc-by-nc-4.0 dataset tatsu-lab/alpaca at step 1 (ft) of org/base: non-commercial use only, but the subject declares apache-2.0, which permits it",
    );
    expect(report.verdict.commercialUse).toBe("not-allowed");
  });

  it("stops at cycles between upstream documents", async () => {
    const a: LineageDocument = {
      format: "ftl/v1",
      subject: { id: "org/base", license: "mit" },
      bases: [{ id: "org/out" }],
      steps: [
        {
          id: "x",
          kind: "fine-tune",
          inputs: { models: [{ id: "org/out" }], datasets: [{ id: "d" }] },
          output: { id: "org/base" },
        },
      ],
    };
    const report = await auditLineage(doc({}), { upstream: (id) => (id === "org/base" ? a : doc({})) });
    expect(report.subject.id).toBe("org/out");
  });

  it("flags a fine-tuning step that names no data and an unresolved reference", async () => {
    const report = await auditLineage(
      doc({
        steps: [
          {
            id: "sft",
            kind: "fine-tune",
            inputs: { models: [{ id: "org/missing" }] },
            output: { id: "org/out" },
          },
        ],
      }),
    );
    expect(report.findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(["undocumented-data", "unresolved-reference"]),
    );
    expect(report.verdict.commercialUse).toBe("unknown");
  });

  it("reports a well-known base whose document licence differs from its family and audits both", async () => {
    const report = await auditLineage(
      doc({
        bases: [{ id: "meta-llama/Llama-2-7b-hf", license: "apache-2.0" }],
        steps: [
          {
            id: "sft",
            kind: "fine-tune",
            inputs: {
              models: [{ id: "meta-llama/Llama-2-7b-hf" }],
              datasets: [{ id: "org/d", license: "mit" }],
            },
            output: { id: "org/out" },
          },
        ],
      }),
    );
    expect(report.findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(["license-mismatch", "license-conflict"]),
    );
  });

  it("treats a RAIL subject over a RAIL base as a change to check, not a conflict", async () => {
    const report = await auditLineage(
      doc({
        subject: { id: "org/out", license: "openrail" },
        bases: [{ id: "org/base", license: "creativeml-openrail-m" }],
      }),
      { datasets: { "org/data": "cc0-1.0" } },
    );
    expect(report.counts.error).toBe(0);
    expect(report.findings.map((f) => f.code)).toContain("license-change");
  });

  it("warns when Llama 2 weights are merged with another licensor's model", async () => {
    const report = await auditLineage(
      doc({
        subject: { id: "org/out", license: "llama2" },
        bases: [{ id: "meta-llama/Llama-2-7b-hf" }, { id: "org/other-7b", license: "apache-2.0" }],
        steps: [
          {
            id: "merge",
            kind: "merge",
            inputs: { models: [{ id: "meta-llama/Llama-2-7b-hf" }, { id: "org/other-7b" }] },
            output: { id: "org/out" },
          },
        ],
      }),
    );
    expect(report.findings.find((f) => f.code === "improve-other-models")?.message).toMatch(
      /^combines llama2 weights \(from meta-llama\/Llama-2-7b-hf\) with apache-2.0 weights/,
    );
    expect(report.counts.error).toBe(0);
  });

  it("never throws on odd licence values", async () => {
    for (const license of [
      "",
      " ",
      "other",
      "unknown",
      "Apache-2.0 WITH",
      "((",
      "mit OR",
      "x".repeat(600),
      "GPL-3.0+",
      "LicenseRef-foo",
    ]) {
      const report = await auditLineage(doc({ bases: [{ id: "org/base", license: license || "?" }] }));
      expect(report.subject.id).toBe("org/out");
    }
  });
});
