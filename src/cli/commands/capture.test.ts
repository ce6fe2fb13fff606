import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hashPath } from "../../integrity/hash/index.js";
import { ftl } from "../test-io.js";

const FIXTURES = join(import.meta.dirname, "../../../test/fixtures/integrity/capture");
const at = (name: string) => join(FIXTURES, name);
const scratch = mkdtempSync(join(tmpdir(), "ftl-capture-cli-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("ftl capture", () => {
  it("prints the new document on stdout, the summary on stderr", async () => {
    const result = await ftl(["capture", at("sft-run")]);
    expect(result.code).toBe(3); // partial: no dataset is named
    const doc = JSON.parse(result.stdout);
    const root = (await hashPath(at("sft-run"))).rootDigest;
    expect(doc.steps.at(-1).output.digest).toEqual({ algorithm: "sha256", value: root });
    expect(result.stderr).toContain(`root digest sha256:${root}`);
    expect(result.stderr).toContain("warning: step 1 (sft): no training dataset is named");
  });

  it("--file: creates, then continues the lineage, each step's input the previous output", async () => {
    const file = join(scratch, "lineage.json");
    const first = await ftl([
      "capture",
      at("sft-run"),
      "--file",
      file,
      "--dataset",
      "org/chat:10k:conversations",
    ]);
    expect([first.code, first.stderr]).toEqual([0, ""]);
    expect(first.stdout).toContain(`written to ${file}`);
    const second = await ftl([
      "capture",
      at("dpo-run"),
      "--file",
      file,
      "--objective",
      "dpo",
      "--hp",
      "beta=0.1",
      "--hp",
      "learning_rate=5e-7",
      "--dataset",
      "org/prefs:50k:pairs",
      "--output",
      "example-org/tiny-dpo",
      "--json",
    ]);
    expect(second.code).toBe(0);
    const out = JSON.parse(second.stdout);
    expect(out.written).toBe(file);
    const doc = JSON.parse(readFileSync(file, "utf8"));
    expect(doc).toEqual(out.document);
    const [sft, dpo] = doc.steps;
    expect(dpo.inputs.models).toEqual([{ id: sft.output.id }]);
    expect(dpo.hyperparameters).toMatchObject({ beta: 0.1, learningRate: 5e-7 });
    expect(dpo.output.digest.value).toBe((await hashPath(at("dpo-run"))).rootDigest);
    expect(doc.subject).toMatchObject({ id: "example-org/tiny-dpo", digest: dpo.output.digest });
    expect(out.rootDigest).toBe(dpo.output.digest.value);
    expect((await ftl(["validate", file])).code).toBe(0);
  });

  it("exits 3 and says so when nothing names the checkpoint", async () => {
    const result = await ftl(["capture", at("no-id-run"), "--json"]);
    expect(result.code).toBe(3);
    const out = JSON.parse(result.stdout);
    expect(out.document.subject.id).toBe("unknown");
    expect(out.warnings.map((w: { code: string }) => w.code)).toContain("capture.output-unknown");
  });

  it("exits 2 for a missing folder, a folder without model files, a bad flag; never a stack trace", async () => {
    const missing = await ftl(["capture", join(scratch, "nope")]);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining("no such folder")]);
    const none = await ftl(["capture", at("no-model")]);
    expect([none.code, none.stderr]).toEqual([2, expect.stringContaining("no model file")]);
    const objective = await ftl(["capture", at("sft-run"), "--objective", "nonsense"]);
    expect([objective.code, objective.stderr]).toEqual([2, expect.stringContaining("--objective")]);
    const hp = await ftl(["capture", at("sft-run"), "--hp", "novalue"]);
    expect([hp.code, hp.stderr]).toEqual([2, expect.stringContaining("KEY=VALUE")]);
    for (const r of [missing, none, objective, hp]) {
      expect(r.stdout).toBe("");
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  const built = existsSync(join(import.meta.dirname, "../../../dist/cli/commands/capture.js"));
  it.skipIf(!built)("works from the installed binary on the bundled example", () => {
    const bin = join(import.meta.dirname, "../../../bin/ftl.js");
    const dir = join(scratch, "tiny-model");
    cpSync(join(import.meta.dirname, "../../../examples/tiny-model"), dir, { recursive: true });
    const file = join(scratch, "tiny.lineage.json");
    const result = spawnSync(process.execPath, [bin, "capture", dir, "--file", file], { encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const doc = JSON.parse(readFileSync(file, "utf8"));
    expect(doc.subject.id).toBe("example-org/smollm2-135m-chat-lora");
    const hashed = spawnSync(process.execPath, [bin, "hash", dir, "--json"], { encoding: "utf8" });
    expect(doc.subject.digest.value).toBe(JSON.parse(hashed.stdout).rootDigest);
  });
});
