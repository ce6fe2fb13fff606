/**
 * A project's own training config in a folder (blind dev z2-rcp-verbalist-7b-config-mistral-openorca-ru-lora-8bit):
 * a small JSON whose name says nothing is read when it sets a learning rate and names a model; its model may sit at
 * the top beside the `trainer`/`lora` sections. Each case was checked to fail without its rule.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importGroups } from "./import-files.js";

const config = {
  trainer: { per_device_train_batch_size: 2, learning_rate: 0.0003, num_train_epochs: 5, warmup_steps: 30 },
  lora: { r: 16, lora_alpha: 16, target_modules: ["q_proj", "v_proj"] },
  model_name: "Open-Orca/Mistral-7B-OpenOrca",
  max_tokens_count: 4000,
};

describe("a training config JSON named for its project", () => {
  it("is read from a folder, with its top-level model and its sections", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ftl-cfg-"));
    writeFileSync(join(dir, "verbalist_7b.json"), JSON.stringify(config, null, 2));
    const { documents } = await importGroups([dir]);
    const steps = documents.flatMap((d) => d.document.steps);
    expect(steps).toHaveLength(1);
    const [step] = steps;
    expect((step?.inputs?.models ?? []).map((m) => m.id)).toEqual(["Open-Orca/Mistral-7B-OpenOrca"]);
    expect(step?.kind === "fine-tune" ? step.hyperparameters?.learningRate : undefined).toBe(0.0003);
    expect(step?.kind === "fine-tune" ? step.adapter?.rank : undefined).toBe(16);
  });

  it("leaves other JSON in a folder alone (a tokenizer's vocabulary, data)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ftl-cfg-"));
    writeFileSync(join(dir, "vocab.json"), JSON.stringify({ hello: 1, world: 2 }));
    writeFileSync(join(dir, "data.json"), JSON.stringify([{ instruction: "learning_rate", output: "x" }]));
    const { documents } = await importGroups([dir]);
    expect(documents.flatMap((d) => d.document.steps)).toEqual([]);
  });
});
