import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { LineageDocument } from "../schema/lineage.js";
import { auditLineage } from "./audit-lineage.js";
import { evaluatePolicy, parsePolicy } from "./policy.js";
import { parseSuppliedLicenses } from "./supplied-licenses.js";

const fixtures = new URL("../../test/fixtures/audit/", import.meta.url).pathname;
const text = (name: string) => readFileSync(join(fixtures, name), "utf8");
const audit = async (name: string) =>
  auditLineage(JSON.parse(text(`${name}.lineage.json`)) as LineageDocument);

describe("parsePolicy", () => {
  it("reads the release policy", () => {
    const parsed = parsePolicy(text("policy-release.yaml"));
    expect(parsed).toEqual({
      ok: true,
      policy: {
        deny: ["non-commercial", "unknown-license", "license-conflict", "naming-rule"],
        require: ["complete-lineage", "declared-license"],
      },
    });
  });

  it("names every problem with its field and what was expected", () => {
    const parsed = parsePolicy(text("policy-bad.yaml"));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.join("\n")).toMatch(/deny\.1: unknown term; expected one of license-conflict/);
    expect(parsed.problems.join("\n")).toMatch(
      /require\.0: unknown requirement; expected one of complete-lineage/,
    );
    expect(parsed.problems.join("\n")).toMatch(/unknown key\(s\) fail_on/);
    expect(parsePolicy("deny: [").ok).toBe(false);
    expect(parsePolicy("")).toEqual({ ok: true, policy: {} });
  });
});

describe("evaluatePolicy", () => {
  it("without a policy fails only on error findings", async () => {
    expect(evaluatePolicy(await audit("cc-by-nc-dataset")).passed).toBe(true);
    expect(evaluatePolicy(await audit("merge-apache-with-nc")).passed).toBe(false);
  });

  it("denies non-commercial terms and requires complete lineage and a declared licence", async () => {
    const policy = { deny: ["non-commercial" as const], require: ["declared-license" as const] };
    const nc = evaluatePolicy(await audit("cc-by-nc-dataset"), policy);
    expect(nc.violations.map((v) => v.rule)).toEqual(["deny: non-commercial"]);
    const gem2 = evaluatePolicy(await audit("qlora-gem2-unknown-base"), {
      deny: ["unknown-license"],
      require: ["declared-license", "complete-lineage", "dataset-licenses", "commercial-use"],
    });
    expect(gem2.violations.map((v) => v.rule)).toEqual([
      "deny: unknown-license",
      "require: declared-license",
      "require: complete-lineage",
      "require: dataset-licenses",
      "require: commercial-use",
    ]);
  });

  it("passes a clean QLoRA over a gated Llama base, and fail-on: warning tightens it", async () => {
    const report = await audit("qlora-llama31-gated-clean");
    expect(
      evaluatePolicy(report, { deny: ["license-conflict", "non-commercial", "unknown-license"] }).passed,
    ).toBe(true);
    expect(evaluatePolicy(report, { "fail-on": "warning" }).passed).toBe(true);
    expect(evaluatePolicy(await audit("cc-by-nc-dataset"), { "fail-on": "warning" }).passed).toBe(false);
    expect(evaluatePolicy(await audit("merge-apache-with-nc"), { "fail-on": "never" }).passed).toBe(true);
  });

  it("checks allowed and denied licence lists over the chain", async () => {
    const report = await audit("llama31-relabelled-apache");
    const result = evaluatePolicy(report, { "fail-on": "never", licenses: { allow: ["apache-2.0", "mit"] } });
    expect(result.violations[0]?.findings).toEqual(["meta-llama/Llama-3.1-8B: llama3.1"]);
    const deny = evaluatePolicy(report, { "fail-on": "never", licenses: { deny: ["LLAMA3.1"] } });
    expect(deny.passed).toBe(false);
  });
});

describe("parseSuppliedLicenses", () => {
  it("reads models and datasets maps and rejects other shapes", () => {
    const parsed = parseSuppliedLicenses(text("licenses.yaml"));
    expect(parsed.ok && parsed.value.models).toEqual({ "vaiv/GeM2-Llamion-14B-Chat": "apache-2.0" });
    const bad = parseSuppliedLicenses("model:\n  a: mit\n");
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]).toMatch(/unknown key\(s\) model; expected models/);
    expect(parseSuppliedLicenses("datasets:\n  a: ''\n").ok).toBe(false);
  });
});
