import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ftl } from "../cli/test-io.js";
import { type ReplayServer, startReplayServer } from "../hub/replay-server.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const fx = (name: string) => join(root, "test/fixtures/audit", name);
const ex = (name: string) => join(root, "examples", `${name}.lineage.json`);

describe("ftl audit FILE", () => {
  it("reads an audit for people and exits 0 when nothing is an error", async () => {
    const { code, stdout } = await ftl(["audit", ex("zephyr-7b-beta")]);
    expect(code).toBe(0);
    expect(stdout).toContain("HuggingFaceH4/zephyr-7b-beta — declares mit");
    expect(stdout).toContain("Commercial use: allowed");
    expect(stdout).toContain(
      "declares mit but inherits apache-2.0 from mistralai/Mistral-7B-v0.1 via step 1 (sft) → step 2 (dpo)",
    );
    expect(stdout).toContain("[license-change]");
  });

  it("exits 6 on an error finding and prints one JSON object with --json", async () => {
    const { code, stdout } = await ftl(["audit", fx("llama31-relabelled-apache.lineage.json"), "--json"]);
    expect(code).toBe(6);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({
      subject: { id: "example-org/support-bot-8b", license: "apache-2.0", licenseFrom: "document" },
      verdict: { commercialUse: "allowed" },
      exitCode: 6,
      policy: { passed: false },
      input: { from: "document", complete: true },
    });
    expect(report.findings[0]).toMatchObject({
      severity: "error",
      code: "license-conflict",
      license: "llama3.1",
      ancestor: { kind: "model", id: "meta-llama/Llama-3.1-8B", role: "base", step: { index: 1, id: "sft" } },
      source: "https://www.llama.com/llama3_1/license/",
    });
  });

  it("gates on a policy: a cc-by-nc dataset passes by default and fails deny: non-commercial", async () => {
    expect((await ftl(["audit", fx("cc-by-nc-dataset.lineage.json")])).code).toBe(0);
    const { code, stdout } = await ftl([
      "audit",
      fx("cc-by-nc-dataset.lineage.json"),
      "--policy",
      fx("policy-release.yaml"),
    ]);
    expect(code).toBe(6);
    expect(stdout).toMatch(/Policy .*policy-release\.yaml: VIOLATED/);
    expect(stdout).toContain("✗ deny: non-commercial");
    expect(stdout).toContain("✗ require: complete-lineage");
    const clean = await ftl([
      "audit",
      fx("qlora-llama31-gated-clean.lineage.json"),
      "--policy",
      fx("policy-release.yaml"),
    ]);
    expect(clean.stdout).toContain("✗ require: complete-lineage");
    const lenient = join(mkdtempSync(join(tmpdir(), "ftl-audit-")), "p.yaml");
    writeFileSync(
      lenient,
      "deny: [license-conflict, non-commercial, unknown-license]\nrequire: [declared-license, commercial-use]\n",
    );
    const passed = await ftl(["audit", fx("qlora-llama31-gated-clean.lineage.json"), "--policy", lenient]);
    expect(passed.code).toBe(0);
    expect(passed.stdout).toMatch(/Policy .*: passed/);
  });

  it("applies an allow-list of licences and fail-on: warning", async () => {
    const { code, stdout } = await ftl([
      "audit",
      ex("zephyr-7b-beta"),
      "--policy",
      fx("policy-permissive-only.yaml"),
      "--json",
    ]);
    expect(code).toBe(6);
    const rules = JSON.parse(stdout).policy.violations.map((v: { rule: string }) => v.rule);
    expect(rules).toEqual(["fail-on: warning"]);
    const verbose = await ftl(["audit", ex("zephyr-7b-beta"), "--verbose"]);
    expect(verbose.stdout).toContain("https://www.apache.org/licenses/LICENSE-2.0");
    expect(verbose.stdout).toContain("[attribution]");
  });

  it("rejects a bad policy or licence map with exit 2, naming the file and field", async () => {
    const bad = await ftl(["audit", ex("zephyr-7b-beta"), "--policy", fx("policy-bad.yaml")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/policy-bad\.yaml: not a valid audit policy/);
    expect(bad.stderr).toMatch(/deny\.1: unknown term/);
    const missing = await ftl(["audit", ex("zephyr-7b-beta"), "--model-licenses", fx("nope.yaml")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.yaml: cannot read the licence map \(no such file\)/);
    const wrongKey = await ftl([
      "audit",
      ex("zephyr-7b-beta"),
      "--model-licenses",
      fx("policy-release.yaml"),
    ]);
    expect(wrongKey.code).toBe(2);
    expect((await ftl(["audit", fx("nope.lineage.json")])).code).toBe(2);
  });

  it("fills licences from --dataset-licenses and --model-licenses", async () => {
    const { stdout } = await ftl([
      "audit",
      fx("llama3-dpo-lora-axolotl.lineage.json"),
      "--dataset-licenses",
      fx("licenses.yaml"),
      "--json",
    ]);
    expect(JSON.parse(stdout).verdict.commercialUse).toBe("not-allowed");
    const gem2 = await ftl([
      "audit",
      fx("qlora-gem2-unknown-base.lineage.json"),
      "--model-licenses",
      fx("licenses.yaml"),
      "--json",
    ]);
    const report = JSON.parse(gem2.stdout);
    expect(report.ancestors.find((a: { id: string }) => a.id === "vaiv/GeM2-Llamion-14B-Chat")).toMatchObject(
      {
        license: "apache-2.0",
        licenseFrom: "supplied",
      },
    );
  });

  it("audits a model card through ftl import", async () => {
    const { code, stdout } = await ftl(["audit", fx("zephyr-7b-beta_README.md"), "--json"]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.input.from).toBe("import");
    expect(report.subject.license).toBe("mit");
    expect(report.ancestors.map((a: { id: string }) => a.id)).toContain("mistralai/Mistral-7B-v0.1");
  });

  it("exits 1 for an invalid lineage document", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ftl-audit-"));
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ format: "ftl/v1", subject: {}, bases: [], steps: [] }));
    expect((await ftl(["audit", bad])).code).toBe(1);
  });

  it("says how to name a model when it is given a bare id that is no file (exit 2)", async () => {
    const bare = await ftl(["audit", "acme/not-a-file-7b"]);
    expect([bare.code, bare.stderr]).toEqual([
      2,
      expect.stringContaining(
        "acme/not-a-file-7b: no such file; for a model, give registry:acme/not-a-file-7b or hf:acme/not-a-file-7b",
      ),
    ]);
    const missing = await ftl(["audit", "nope.json"]);
    expect(missing.stderr).not.toContain("registry:");
  });

  it("reads a card's own text: a base the import lost, two licences, the verdict level", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ftl-audit-"));
    const card = join(dir, "README.md");
    writeFileSync(
      card,
      "---\nlicense: cc-by-4.0\nbase_model: meta-llama/Llama-2-70b-hf\n---\n# Sapling 70B\n\n## License\nThis model is released under CC BY-NC 4.0.\n",
    );
    const { code, stdout } = await ftl(["audit", card, "--json"]);
    expect(code).toBe(6);
    const report = JSON.parse(stdout);
    expect(report.verdict).toMatchObject({ commercialUse: "not-allowed", level: "not-allowed" });
    expect(report.findings.map((f: { code: string }) => f.code)).toEqual(
      expect.arrayContaining(["license-conflict", "license-contradiction", "base-from-card"]),
    );
    const text = await ftl(["audit", card]);
    expect(text.stdout).toContain(
      "Commercial use: NOT allowed — non-commercial: the card's text says 'CC BY-NC 4.0'",
    );
  });

  it("reads the README.md and LICENSE of a folder: two licences when they differ", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ftl-audit-"));
    writeFileSync(
      join(dir, "README.md"),
      "---\nlicense: apache-2.0\nbase_model: mistralai/Mistral-7B-Instruct-v0.2\n---\n# ClaimSense 7B\n",
    );
    writeFileSync(join(dir, "LICENSE"), "MIT License\n\nCopyright (c) 2026 Example\n");
    const { stdout } = await ftl(["audit", dir, "--json"]);
    const report = JSON.parse(stdout);
    expect(
      report.findings.find((f: { code: string }) => f.code === "license-contradiction")?.message,
    ).toContain("its card declares apache-2.0, its LICENSE is mit");
    expect(report.verdict.level).toBe("allowed");
  });
});

describe("ftl audit hf:ID (local replay of the Hub)", () => {
  let hub: ReplayServer;
  beforeAll(async () => {
    hub = await startReplayServer(join(root, "test/fixtures/hub"));
  });
  afterAll(async () => {
    await hub.close();
  });

  it("imports the chain from the Hub and audits every ancestor", async () => {
    const { stdout } = await ftl(["audit", "hf:TheBloke/NeuralHermes-2.5-Mistral-7B-GGUF", "--json"], {
      env: { HF_ENDPOINT: hub.url },
    });
    const report = JSON.parse(stdout);
    expect(report.input.from).toBe("hub");
    expect(report.ancestors.map((a: { id: string }) => a.id)).toEqual(
      expect.arrayContaining(["mistralai/Mistral-7B-v0.1", "teknium/OpenHermes-2.5-Mistral-7B"]),
    );
  });

  it("audits an adapter over a gated base it cannot read: incomplete, base licence from the family table", async () => {
    const { stdout } = await ftl(["audit", "hf:naik-vatsal/iam-policy-generator-config-a", "--json"], {
      env: { HF_ENDPOINT: hub.url },
    });
    const report = JSON.parse(stdout);
    const base = report.ancestors.find((a: { id: string }) => a.id === "mistralai/Mistral-7B-v0.3");
    expect(base).toMatchObject({ license: "apache-2.0" });
    expect(report.findings.map((f: { code: string }) => f.code)).toContain("incomplete-lineage");
  });

  it("reads the model's own card too: the GPT-4 data it names gets OpenAI's output terms", async () => {
    const { stdout } = await ftl(["audit", "hf:teknium/OpenHermes-2.5-Mistral-7B", "--json"], {
      env: { HF_ENDPOINT: hub.url },
    });
    const report = JSON.parse(stdout);
    // The card's datasets: teknium/OpenHermes-2.5, known to hold GPT-4 outputs; the card's prose ("GPT-4
    // generated data") says the same, so one finding carries OpenAI's terms.
    const terms = report.findings.filter(
      (f: { code: string; license?: string }) => f.code === "output-terms" && f.license === "openai-outputs",
    );
    expect(terms).toHaveLength(1);
    expect(terms[0].message).toContain("teknium/OpenHermes-2.5");
  });

  it("exits 2 for a model the Hub does not have", async () => {
    const { code, stderr } = await ftl(["audit", "hf:nobody/nothing-here"], {
      env: { HF_ENDPOINT: hub.url },
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/nobody\/nothing-here/);
  });
});
