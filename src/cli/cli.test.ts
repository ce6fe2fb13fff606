import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateLineage } from "../validate/validate.js";
import { ftl } from "./test-io.js";

const examples = new URL("../../examples/", import.meta.url).pathname;
const ex = (name: string) => join(examples, `${name}.lineage.json`);
const tmp = () => mkdtempSync(join(tmpdir(), "ftl-cli-"));

describe("ftl validate", () => {
  it("exits 0 for lineage, 3 for partial, 4 for not-lineage", async () => {
    expect((await ftl(["validate", ex("zephyr-7b-beta")])).code).toBe(0);
    expect((await ftl(["validate", ex("seed-sft-then-dpo-lora")])).code).toBe(3);
    expect((await ftl(["validate", ex("mistral-7b-base-only")])).code).toBe(4);
    expect((await ftl(["validate", ex("vague-use-case")])).code).toBe(4);
  });

  it("prints exactly one object with --json", async () => {
    const { code, stdout } = await ftl(["validate", ex("seed-mistral-safety-chain"), "--json"]);
    expect(code).toBe(3);
    const parsed = JSON.parse(stdout);
    expect(Object.keys(parsed).sort()).toEqual(["class", "issues", "score", "valid"]);
    expect(parsed).toMatchObject({ valid: true, class: "partial" });
    expect(parsed.issues[0]).toEqual({
      code: expect.any(String),
      path: expect.any(String),
      message: expect.any(String),
      severity: "warning",
    });
  });

  it("exits 1 for an invalid document and 2 for a missing file, without stack traces", async () => {
    const dir = tmp();
    const bad = join(dir, "bad.json");
    writeFileSync(
      bad,
      JSON.stringify({
        format: "ftl/v1",
        subject: { id: "a" },
        bases: [],
        steps: [{ id: "s", kind: "fine-tune", hyperparameters: { learningRate: "fast" } }],
      }),
    );
    const invalid = await ftl(["validate", bad]);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toContain('steps[0].hyperparameters.learningRate: expected a number, got "fast"');
    const missing = await ftl(["validate", join(dir, "nope.json")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.json: no such file/);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });

  it("with several files, reports each and exits with the worst code", async () => {
    const { code, stdout } = await ftl([
      "validate",
      ex("zephyr-7b-beta"),
      ex("seed-sft-then-dpo-lora"),
      "--json",
    ]);
    expect(code).toBe(3);
    expect(JSON.parse(stdout).map((r: { class: string }) => r.class)).toEqual(["lineage", "partial"]);
  });

  it("reports usage errors with exit 2", async () => {
    expect((await ftl(["validate"])).code).toBe(2);
    expect((await ftl(["validate", "--nope", "x"])).stderr).toMatch(/unknown option '--nope'/);
    expect((await ftl(["frobnicate"])).code).toBe(2);
  });
});

describe("ftl init and ftl step add build the seed chain", () => {
  it("builds 'SFT on 200k pairs, then DPO on 50k pairs, LoRA rank 64' step by step", async () => {
    const dir = tmp();
    const file = join(dir, "lineage.json");
    expect(
      (
        await ftl([
          "init",
          "--subject",
          "me/model-dpo",
          "--base",
          "mistralai/Mistral-7B-v0.1",
          "--file",
          file,
        ])
      ).code,
    ).toBe(0);
    expect((await ftl(["init", "--subject", "x", "--file", file])).code).toBe(2); // refuses to overwrite
    const sft = await ftl([
      "step",
      "add",
      "--file",
      file,
      "--kind",
      "fine-tune",
      "--objective",
      "sft",
      "--param",
      "lora",
      "--rank",
      "64",
      "--dataset",
      "org/instructions:200k:pairs",
      "--hp",
      "learning_rate=2e-4",
      "--hp",
      "num_train_epochs=1",
      "--hp",
      "per_device_train_batch_size=8",
      "--hp",
      "lora_alpha=16",
      "--output",
      "me/model-sft",
    ]);
    expect(sft.code, sft.stderr).toBe(0);
    const dpo = await ftl([
      "step",
      "add",
      "--file",
      file,
      "--kind",
      "fine-tune",
      "--objective",
      "dpo",
      "--param",
      "lora",
      "--rank",
      "64",
      "--dataset",
      "org/prefs:50k:pairs",
      "--hp",
      "beta=0.1",
      "--hp",
      "learning_rate=5e-6",
      "--hp",
      "max_steps=1000",
      "--output",
      "me/model-dpo",
      "--json",
    ]);
    expect(dpo.code, dpo.stderr).toBe(0);
    expect(JSON.parse(dpo.stdout)).toMatchObject({
      written: true,
      class: "lineage",
      step: { id: "dpo", inputs: { models: [{ id: "me/model-sft" }] } },
    });
    const doc = JSON.parse(readFileSync(file, "utf8"));
    expect(doc.steps[0]).toMatchObject({
      id: "sft",
      objective: "sft",
      parameterization: "lora",
      adapter: { rank: 64 },
      inputs: {
        models: [{ id: "mistralai/Mistral-7B-v0.1" }],
        datasets: [{ id: "org/instructions", size: { count: 200000, unit: "pairs" } }],
      },
      hyperparameters: { learningRate: 2e-4, epochs: 1, perDeviceBatchSize: 8, other: { lora_alpha: 16 } },
    });
    expect(doc.steps[1].hyperparameters).toEqual({ beta: 0.1, learningRate: 5e-6, maxSteps: 1000 });
    expect(validateLineage(doc).class).toBe("lineage");

    const shown = await ftl(["show", file]);
    expect(shown.stdout).toContain(
      "[sft] mistralai/Mistral-7B-v0.1 → SFT · LoRA r64 · org/instructions (200,000 pairs) · lr 2e-4, 1 epoch, batch 8/device → me/model-sft",
    );
    expect(shown.stdout).toContain(
      "[dpo] me/model-sft → DPO · LoRA r64 · org/prefs (50,000 pairs) · lr 5e-6, 1,000 steps, β 0.1 → me/model-dpo",
    );
  });

  it("adds merges and quantisations, and refuses a step that would break the document", async () => {
    const dir = tmp();
    const file = join(dir, "lineage.json");
    await ftl(["init", "--subject", "me/merged-q4", "--base", "a/one", "--base", "b/two", "--file", file]);
    const merge = await ftl([
      "step",
      "add",
      "--file",
      file,
      "--kind",
      "merge",
      "--merge-method",
      "slerp",
      "--input",
      "a/one",
      "--input",
      "b/two",
      "--weight",
      "a/one=0.5",
      "--output",
      "me/merged",
      "--framework",
      "mergekit",
    ]);
    expect(merge.code, merge.stderr).toBe(0);
    const before = readFileSync(file, "utf8");
    const broken = await ftl([
      "step",
      "add",
      "--file",
      file,
      "--kind",
      "fine-tune",
      "--objective",
      "sft",
      "--input",
      "not/there",
      "--output",
      "x/y",
    ]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('"not/there" is neither a base nor the output of an earlier step');
    expect(readFileSync(file, "utf8")).toBe(before);
    const quant = await ftl([
      "step",
      "add",
      "--file",
      file,
      "--kind",
      "quantization",
      "--quant-method",
      "gguf",
      "--bits",
      "4",
      "--format",
      "Q4_K_M",
      "--output",
      "me/merged-q4",
    ]);
    expect(quant.code, quant.stderr).toBe(0);
    const doc = JSON.parse(readFileSync(file, "utf8"));
    expect(doc.steps.map((s: { id: string }) => s.id)).toEqual(["merge", "quant-gguf"]);
    expect(doc.steps[0].inputs.models).toEqual([{ id: "a/one", weight: 0.5 }, { id: "b/two" }]);
    expect(doc.steps[1].inputs.models).toEqual([{ id: "me/merged" }]);
    const shown = await ftl(["show", file]);
    expect(shown.stdout).toContain(
      "├─ a/one (weight 0.5)\n  └─ b/two\n     → merge · slerp · mergekit → me/merged",
    );
  });

  it("rejects bad flag values with exit 2 and leaves the file alone", async () => {
    const dir = tmp();
    const file = join(dir, "lineage.json");
    await ftl(["init", "--subject", "me/m", "--base", "a/b", "--file", file]);
    const before = readFileSync(file, "utf8");
    const badHp = await ftl([
      "step",
      "add",
      "--file",
      file,
      "--kind",
      "fine-tune",
      "--hp",
      "learning_rate=fast",
    ]);
    expect(badHp.code).toBe(2);
    expect(badHp.stderr).toContain('--hp learning_rate: expected a number, got "fast"');
    expect(
      (await ftl(["step", "add", "--file", file, "--kind", "fine-tune", "--objective", "magic"])).stderr,
    ).toContain('--objective "magic": expected one of sft');
    expect(
      (await ftl(["step", "add", "--file", file, "--kind", "fine-tune", "--dataset", "x:lots:pairs"])).code,
    ).toBe(2);
    expect(
      (await ftl(["step", "add", "--file", file, "--kind", "merge", "--input", "a/b", "--output", "m"]))
        .stderr,
    ).toContain("two or more --input");
    expect(
      (await ftl(["step", "add", "--file", file, "--kind", "quantization", "--rank", "8"])).stderr,
    ).toContain("--rank does not apply to --kind quantization");
    expect(readFileSync(file, "utf8")).toBe(before);
  });
});

describe("ftl show and ftl schema", () => {
  it("shows the Zephyr chain with sources", async () => {
    const { code, stdout } = await ftl(["show", ex("zephyr-7b-beta"), "--sources"]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      "[sft] mistralai/Mistral-7B-v0.1 → SFT · full · HuggingFaceH4/ultrachat_200k (train_sft, 207,865 conversations) · lr 2e-5, 1 epoch, batch 16/device, seq 2048 · trl → HuggingFaceH4/mistral-7b-sft-beta",
    );
    expect(stdout).toContain(
      "hyperparameters.beta: declared, confidence 0.8 — beta 0.1 per the Zephyr technical report",
    );
  });

  it("refuses to show an invalid document (exit 1)", async () => {
    const dir = tmp();
    const file = join(dir, "x.yaml");
    writeFileSync(
      file,
      "format: ftl/v1\nsubject: {id: a}\nbases: []\nsteps: [{id: s, kind: merge, inputs: {models: [{id: a}]}}]\n",
    );
    const result = await ftl(["show", file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("a merge combines at least two models");
  });

  it("prints the JSON Schema", async () => {
    const { stdout } = await ftl(["schema"]);
    expect(JSON.parse(stdout).$defs.LineageDocument.required).toEqual([
      "format",
      "subject",
      "bases",
      "steps",
    ]);
  });
});

describe("the installed binary", () => {
  const bin = new URL("../../bin/ftl.js", import.meta.url).pathname;
  const built = existsSync(new URL("../../dist/cli/main.js", import.meta.url));
  it.skipIf(!built)("reads standard input and exits with the documented code", () => {
    const doc = readFileSync(ex("zephyr-7b-beta"), "utf8");
    const result = spawnSync(process.execPath, [bin, "validate", "-", "--json"], {
      input: doc,
      encoding: "utf8",
    });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).class).toBe("lineage");
    const garbage = spawnSync(process.execPath, [bin, "validate", "-"], {
      input: Buffer.from([0xff, 0xfe, 0x00]),
      encoding: "utf8",
    });
    expect(garbage.status).toBe(1);
    // A UTF-16 byte-order mark is named as such, not as binary data (issue 15).
    expect(garbage.stdout + garbage.stderr).toContain("UTF-16 (little-endian), not UTF-8");
  });
});
