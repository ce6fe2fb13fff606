import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ftl } from "../cli/test-io.js";
import type { LineageDocument } from "../schema/lineage.js";
import { openStore } from "../store/index.js";
import type { Store } from "../store/store.js";
import {
  auditFromStore,
  descendantsWithLicenseConflicts,
  documentFromStore,
  formatLicenseConflicts,
  licenseConflicts,
} from "./from-store.js";

const root = new URL("../../", import.meta.url).pathname;
const read = (path: string) => JSON.parse(readFileSync(join(root, path), "utf8")) as LineageDocument;

/** Three documents, one per link: Llama 3.1 → org/sft (relabelled apache-2.0) → org/dpo (declares llama3.1). */
const docs: LineageDocument[] = [
  {
    format: "ftl/v1",
    subject: { id: "org/sft", license: "apache-2.0" },
    bases: [{ id: "meta-llama/Llama-3.1-8B", license: "llama3.1" }],
    steps: [
      {
        id: "sft",
        kind: "fine-tune",
        inputs: {
          models: [{ id: "meta-llama/Llama-3.1-8B" }],
          datasets: [{ id: "HuggingFaceH4/no_robots", license: "cc-by-nc-4.0" }],
        },
        output: { id: "org/sft", license: "apache-2.0" },
      },
    ],
  },
  {
    format: "ftl/v1",
    subject: { id: "org/Llama-3.1-dpo", license: "llama3.1" },
    bases: [{ id: "org/sft" }],
    steps: [
      {
        id: "dpo",
        kind: "fine-tune",
        objective: "dpo",
        inputs: { models: [{ id: "org/sft" }], datasets: [{ id: "org/prefs", license: "mit" }] },
        output: { id: "org/Llama-3.1-dpo", license: "llama3.1" },
      },
    ],
  },
];

describe("audits over the registry (SQLite)", () => {
  let dir: string;
  let location: string;
  let store: Store;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "ftl-audit-"));
    location = join(dir, "registry.db");
    store = await openStore(location);
    await store.addDocuments([
      ...docs.map((document) => ({ document, source: "test" })),
      { document: read("examples/zephyr-7b-beta.lineage.json"), source: "examples" },
    ]);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("builds one document from the whole ancestry, with declared licences", async () => {
    const built = await documentFromStore(store, "org/Llama-3.1-dpo");
    expect(built?.complete).toBe(true);
    expect(built?.document.bases.map((b) => [b.id, b.license])).toEqual([
      ["meta-llama/Llama-3.1-8B", "llama3.1"],
    ]);
    expect(built?.document.steps.map((s) => s.output?.id)).toEqual(["org/sft", "org/Llama-3.1-dpo"]);
    expect(await documentFromStore(store, "nobody/knows")).toBeUndefined();
  });

  it("audits transitively: data two links up reaches the subject", async () => {
    const report = await auditFromStore(store, "org/Llama-3.1-dpo");
    expect(report?.verdict.commercialUse).toBe("not-allowed");
    expect(report?.findings.map((f) => f.message)).toContain(
      "trained on a cc-by-nc-4.0 dataset HuggingFaceH4/no_robots at step 1 (sft): non-commercial use only, but the subject declares llama3.1, which permits it",
    );
    expect(report?.counts.error).toBe(0);
    expect(report?.findings.find((f) => f.code === "license-drift")?.message).toBe(
      "intermediate checkpoint org/sft declares apache-2.0 but inherits llama3.1 from meta-llama/Llama-3.1-8B via step 1 (sft): the licence drifted along the chain (the Llama 3.1 Community License Agreement must be passed on and the name must start with 'Llama')",
    );
  });

  it("licenseConflicts lists the descendants whose declared licence conflicts", async () => {
    const { models } = await store.descendants("meta-llama/Llama-3.1-8B");
    const conflicts = await licenseConflicts(
      store,
      models.map((m) => m.id),
    );
    expect(conflicts.map((c) => [c.id, c.license])).toEqual([["org/sft", "apache-2.0"]]);
    expect(conflicts[0]?.findings[0]?.message).toMatch(
      /^declares apache-2.0 but inherits llama3.1 from meta-llama\/Llama-3.1-8B/,
    );
  });

  it("descendantsWithLicenseConflicts filters descendants and renders them", async () => {
    const result = await descendantsWithLicenseConflicts(store, "meta-llama/Llama-3.1-8B", { limit: 10 });
    expect(result.total).toBe(1);
    expect(result.counts.finetune).toBe(1);
    expect(result.models.map((m) => m.id)).toEqual(["org/sft"]);
    const text = formatLicenseConflicts(result);
    expect(text).toContain("meta-llama/Llama-3.1-8B: 1 descendant with licence conflicts");
    expect(text).toContain("org/sft — declares apache-2.0");
    const none = await descendantsWithLicenseConflicts(store, "mistralai/Mistral-7B-v0.1");
    expect(none.total).toBe(0);
  });

  it("ftl query descendants --license-conflicts lists only the conflicting descendants", async () => {
    const text = await ftl([
      "query",
      "descendants",
      "meta-llama/Llama-3.1-8B",
      "--license-conflicts",
      "--db",
      location,
    ]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("1 descendant with licence conflicts");
    expect(text.stdout).toContain("org/sft — declares apache-2.0");
    expect(text.stdout).not.toContain("org/Llama-3.1-dpo");
    const json = await ftl([
      "query",
      "descendants",
      "meta-llama/Llama-3.1-8B",
      "--license-conflicts",
      "--json",
      "--db",
      location,
    ]);
    const parsed = JSON.parse(json.stdout) as { total: number; conflicts: { id: string }[] };
    expect(parsed.total).toBe(1);
    expect(parsed.conflicts.map((c) => c.id)).toEqual(["org/sft"]);
    const plain = await ftl(["query", "descendants", "meta-llama/Llama-3.1-8B", "--json", "--db", location]);
    expect((JSON.parse(plain.stdout) as { total: number }).total).toBe(2);
  });

  it("ftl audit registry:ID and FILE --db", async () => {
    const reg = await ftl(["audit", "registry:org/sft", "--db", location, "--json"]);
    expect(reg.code).toBe(6);
    expect(JSON.parse(reg.stdout).findings.map((f: { code: string }) => f.code)).toContain(
      "license-conflict",
    );
    const missing = await ftl(["audit", "registry:nobody/knows", "--db", location]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nobody\/knows: not in the registry/);
    const noRegistry = await ftl(["audit", "registry:org/sft", "--db", join(dir, "none.db")]);
    expect(noRegistry.code).toBe(2);
    const dir2 = mkdtempSync(join(tmpdir(), "ftl-audit-"));
    const bare = join(dir2, "bare.json");
    writeFileSync(
      bare,
      JSON.stringify({
        format: "ftl/v1",
        subject: { id: "org/next", license: "llama3.1" },
        bases: [{ id: "org/Llama-3.1-dpo" }],
        steps: [
          {
            id: "more",
            kind: "fine-tune",
            inputs: { models: [{ id: "org/Llama-3.1-dpo" }], datasets: [{ id: "org/prefs" }] },
            output: { id: "org/next" },
          },
        ],
      }),
    );
    const next = JSON.parse((await ftl(["audit", bare, "--db", location, "--json"])).stdout);
    const prefs = next.ancestors.find(
      (a: { id: string; step?: { id: string } }) => a.id === "org/prefs" && a.step?.id === "more",
    );
    expect(prefs).toMatchObject({
      license: "mit",
      licenseFrom: "registry",
    });
    expect(next.verdict.commercialUse).toBe("not-allowed");
    const gguf = await ftl([
      "audit",
      join(root, "examples/zephyr-7b-beta-gguf.lineage.json"),
      "--db",
      location,
      "--json",
    ]);
    const parsed = JSON.parse(gguf.stdout);
    expect(parsed.ancestors.map((a: { id: string }) => a.id)).toContain("mistralai/Mistral-7B-v0.1");
    expect(parsed.findings.map((f: { code: string }) => f.code)).toContain("license-change");
  });
});
