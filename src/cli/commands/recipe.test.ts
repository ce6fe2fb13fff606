/** `ftl recipe`: stdout and --out, --json, the exit codes (0 complete, 8 placeholders, 2 cannot express). */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type ReplayServer, startReplayServer } from "../../hub/replay-server.js";
import { ftl } from "../test-io.js";

const example = new URL("../../../examples/zephyr-7b-beta.lineage.json", import.meta.url).pathname;
const fixture = (path: string) => new URL(`../../../test/fixtures/recipe/${path}`, import.meta.url).pathname;

describe("ftl recipe", () => {
  it("prints the recipe on stdout and what it leaves out on stderr; exit 0 when complete", async () => {
    const r = await ftl(["recipe", example, "--step", "dpo", "--format", "alignment-handbook"]);
    expect(r.code).toBe(0);
    expect(parse(r.stdout)).toMatchObject({
      model_name_or_path: "HuggingFaceH4/mistral-7b-sft-beta",
      learning_rate: 5e-7,
      num_train_epochs: 3,
      beta: 0.1,
    });
    expect(r.stderr).toMatch(
      /alignment-handbook recipe for step 'dpo'; run: accelerate launch scripts\/dpo\.py/,
    );
    expect(r.stderr).toMatch(/hyperparameters\.globalBatchSize = 32: alignment-handbook has no key/);
  });

  it("--out writes the file; --json lists unknown values; exit 8 when placeholders remain", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ftl-recipe-"));
    const r = await ftl(["recipe", example, "--format", "axolotl", "--out", "dpo.yaml", "--json"], {
      cwd: dir,
    });
    expect(r.code).toBe(8);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({
      format: "axolotl",
      step: "dpo",
      complete: false,
      exitCode: 8,
      out: "dpo.yaml",
    });
    expect(report.unknown).toEqual([expect.objectContaining({ key: "datasets[0].type" })]);
    const text = readFileSync(join(dir, "dpo.yaml"), "utf8");
    expect(text).toBe(report.text);
    expect(text).toContain("# UNKNOWN: datasets[].type");
    const human = await ftl(["recipe", example, "--format", "axolotl", "--out", "again.yaml"], { cwd: dir });
    expect(human.code).toBe(8);
    expect(human.stdout).toMatch(
      /UNKNOWN \(required, placeholders in the file — exit 8\):\n {2}\? datasets\[0\]\.type/,
    );
  });

  it("a step the format cannot express: exit 2, naming the formats that can", async () => {
    const r = await ftl(["recipe", example, "--step", "sft", "--format", "mergekit"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /mergekit cannot express step 'sft' \(SFT training\); formats that can: TRL, alignment-handbook, axolotl, LLaMA-Factory/,
    );
    const bad = await ftl(["recipe", example, "--format", "unsloth"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /--format "unsloth": expected one of trl, alignment-handbook, axolotl, llama-factory, mergekit/,
    );
    const none = await ftl(["recipe", example, "--step", "rlhf", "--format", "trl"]);
    expect(none.stderr).toMatch(/no step 'rlhf' in the document \(its steps: sft, dpo\)/);
  });

  it("from a framework config: rewritten in another format, the source keys ftl does not model listed", async () => {
    const r = await ftl([
      "recipe",
      fixture("llama-factory/qwen3_lora_dpo.yaml"),
      "--format",
      "trl",
      "--json",
    ]);
    const report = JSON.parse(r.stdout);
    expect(report.input.from).toBe("import");
    expect(parse(report.text)).toMatchObject({ use_peft: true, lora_r: 8, beta: 0.1, loss_type: "sigmoid" });
    expect(report.notModelled).toEqual(expect.arrayContaining(["template", "logging_steps", "plot_loss"]));
  });

  it("a folder is imported like ftl import reads it; a missing path is a usage error", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ftl-recipe-"));
    writeFileSync(join(dir, "ties.yml"), readFileSync(fixture("mergekit/ties.yml"), "utf8"));
    const r = await ftl(["recipe", dir, "--format", "mergekit"]);
    expect(r.code).toBe(0);
    expect(parse(r.stdout)).toMatchObject({ merge_method: "ties" });
    const gone = await ftl(["recipe", join(dir, "nothing.yaml"), "--format", "trl"]);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toMatch(/nothing\.yaml: no such file or folder/);
  });

  it("an input that is neither a document nor importable is a clear error", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ftl-recipe-"));
    writeFileSync(join(dir, "x.json"), '{"format": "ftl/v1", "steps": 3}');
    const r = await ftl(["recipe", join(dir, "x.json"), "--format", "trl"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not a valid ftl\/v1 document/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe("ftl recipe registry:ID and hf:ID", () => {
  let hub: ReplayServer;
  beforeAll(async () => {
    hub = await startReplayServer(new URL("../../../test/fixtures/hub", import.meta.url).pathname);
  });
  afterAll(async () => {
    await hub.close();
  });

  it("registry:ID writes from the model's own document in the registry", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ftl-recipe-"));
    const db = join(dir, "r.db");
    expect((await ftl(["add", example, "--db", db])).code).toBe(0);
    const r = await ftl([
      "recipe",
      "registry:HuggingFaceH4/zephyr-7b-beta",
      "--db",
      db,
      "--step",
      "sft",
      "--format",
      "trl",
    ]);
    expect(r.code).toBe(0);
    expect(parse(r.stdout)).toMatchObject({
      model_name_or_path: "mistralai/Mistral-7B-v0.1",
      learning_rate: 2e-5,
    });
    const base = await ftl(["recipe", "registry:mistralai/Mistral-7B-v0.1", "--db", db, "--format", "trl"]);
    expect(base.code).toBe(2);
    expect(base.stderr).toMatch(/no steps to write a recipe for/);
    const missing = await ftl(["recipe", "registry:nobody/knows", "--db", db, "--format", "trl"]);
    expect(missing.stderr).toMatch(/nobody\/knows: not in the registry/);
  });

  it("hf:ID imports from the Hub (a local replay) and lists what the card does not say", async () => {
    const r = await ftl(["recipe", "hf:HuggingFaceH4/zephyr-7b-beta", "--format", "trl", "--json"], {
      env: { HF_ENDPOINT: hub.url },
    });
    expect(r.code).toBe(8);
    const report = JSON.parse(r.stdout);
    expect(report.input.from).toBe("hub");
    expect(report.step).toBe("dpo");
    expect(report.unknown.map((u: { key: string }) => u.key)).toEqual(["use_peft", "beta"]);
  });
});
