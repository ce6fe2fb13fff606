/**
 * Rules written at stop 37 from the dev misses of non-English technical notes (layouts rewritten, not copied).
 * Each case was checked to fail without its rule.
 */
import { describe, expect, it } from "vitest";
import { extractFromFiles } from "./extract-from-files.js";

const docOf = (text: string, path = "README.md") => extractFromFiles([{ path, text }]).document;
const fence = (lines: string[]) => ["```python", ...lines, "```"].join("\n");

describe("plain assignments in a card's Python fence (v2-ne-vi-legal-llama32-3b-sft-unsloth)", () => {
  const card = [
    "# Ghi chú kỹ thuật",
    "- **Base Model**: `unsloth/Llama-3.2-3B-Instruct-bnb-4bit`",
    "## LoRA Parameters",
    fence([
      "r = 32                     # rank",
      "lora_alpha = 16",
      "target_modules = [",
      '    "q_proj", "v_proj",  # attention',
      "]",
    ]),
    "## Training Arguments",
    fence(["num_train_epochs = 2", "learning_rate = 2e-4", 'lr_scheduler_type = "cosine"']),
  ];

  it("reads the settings and the adapter, a list over several rows included", () => {
    const step = docOf(card.join("\n\n")).steps[0];
    expect(step?.hyperparameters).toMatchObject({ epochs: 2, learningRate: 2e-4, scheduler: "cosine" });
    expect(step?.kind === "fine-tune" ? step.adapter : undefined).toMatchObject({
      rank: 32,
      alpha: 16,
      targetModules: ["q_proj", "v_proj"],
    });
  });

  it("does not read generation code, nor advice under an out-of-memory heading", () => {
    const generation = [card[0], card[1], fence(["max_length = 512", "seed = 42", "temperature = 0.7"])];
    expect(docOf(generation.join("\n\n")).steps[0]?.hyperparameters ?? {}).toEqual({});
    const advice = [
      card[0],
      card[1],
      "## Sorun Giderme",
      "### Out of memory",
      fence(["per_device_train_batch_size = 1  # 2 yerine 1", "max_length = 64"]),
    ];
    expect(docOf(advice.join("\n\n")).steps[0]?.hyperparameters ?? {}).toEqual({});
  });
});
