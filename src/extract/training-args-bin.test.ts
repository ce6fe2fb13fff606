/**
 * A Trainer's training_args.bin is read for its settings (never unpickled): blind dev g2-fld-aij-rugpt3-medium-history
 * had its base, data and every setting only there.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importGroups } from "./import-files.js";
import { PICKLED_CLASS, trainingArgsJson } from "./training-args-bin.js";

const DIR = join(import.meta.dirname, "../../test/fixtures/extract/training-args");

/** A run folder holding `training_args.bin` copied from a fixture, and the other files given. */
function run(fixture: string, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "ftl-targs-"));
  copyFileSync(join(DIR, fixture), join(dir, "training_args.bin"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("training_args.bin", () => {
  it("renders the pickled settings as JSON, enums as their values, with the class", () => {
    const r = trainingArgsJson(new Uint8Array(readFileSync(join(DIR, "legacy-training-args.bin"))));
    expect(r.ok).toBe(true);
    const obj = r.ok ? JSON.parse(r.text) : {};
    expect(obj[PICKLED_CLASS]).toBe("transformers.training_args.TrainingArguments");
    expect(obj).toMatchObject({
      learning_rate: 2e-4,
      lr_scheduler_type: "cosine",
      save_strategy: "steps",
      bf16: true,
    });
  });

  it("a TRL config's class names the trainer: DPO, with beta, on the adapter's base", async () => {
    const dir = run("zip-dpo-config.bin", {
      "adapter_config.json": JSON.stringify({
        peft_type: "LORA",
        r: 16,
        base_model_name_or_path: "Qwen/Qwen2.5-7B",
      }),
    });
    const { documents } = await importGroups([dir]);
    expect(documents).toHaveLength(1);
    const [step] = documents[0]?.document.steps ?? [];
    expect(step).toMatchObject({
      objective: "dpo",
      framework: { name: "trl" },
      output: { id: "me/qwen-dpo" },
    });
    expect(step?.hyperparameters).toMatchObject({
      learningRate: 2e-4,
      beta: 0.1,
      perDeviceBatchSize: 4,
      seed: 1234,
    });
    expect(documents[0]?.document.bases.map((b) => b.id)).toEqual(["Qwen/Qwen2.5-7B"]);
  });

  it("an example script's argparse.Namespace gives the settings and the base, and no framework", async () => {
    const { documents } = await importGroups([run("real-run-language-modeling-namespace.bin")]);
    const doc = documents[0]?.document;
    expect(doc?.bases.map((b) => b.id)).toEqual(["sberbank-ai/rugpt3medium_based_on_gpt2"]);
    expect(doc?.steps[0]?.framework).toBeUndefined();
    expect(doc?.steps[0]?.hyperparameters).toMatchObject({ learningRate: 5e-5, epochs: 15, seed: 42 });
  });

  it("a damaged or foreign training_args.bin is a warning naming the file; the rest of the folder is read", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ftl-targs-"));
    writeFileSync(join(dir, "training_args.bin"), Buffer.from([0x80, 0x02, 0x8c, 0x30, 0x41]));
    writeFileSync(
      join(dir, "adapter_config.json"),
      JSON.stringify({ peft_type: "LORA", r: 8, base_model_name_or_path: "org/base" }),
    );
    const { documents, warnings } = await importGroups([dir]);
    const all = [...warnings, ...documents.flatMap((d) => d.warnings)];
    expect(all.find((w) => w.file === join(dir, "training_args.bin"))).toMatchObject({
      code: "file.unreadable",
      message: expect.stringMatching(/not a readable training_args\.bin \(truncated/),
    });
    expect(documents[0]?.document.bases.map((b) => b.id)).toEqual(["org/base"]);
  });

  it("beside training_args.json, the pickle is not read: one source of the settings, the readable one", async () => {
    const dir = run("zip-dpo-config.bin", {
      "training_args.json": JSON.stringify({ learning_rate: 3e-5, num_train_epochs: 1 }),
    });
    const { documents, warnings } = await importGroups([dir]);
    const all = [...warnings, ...documents.flatMap((d) => d.warnings)];
    expect(all.some((w) => w.file?.endsWith("training_args.bin"))).toBe(false);
    expect(documents[0]?.document.steps[0]?.hyperparameters).toMatchObject({ learningRate: 3e-5 });
    expect(documents[0]?.document.steps[0]).not.toHaveProperty("objective");
  });
});
