import { describe, expect, it } from "vitest";
import { readWith } from "./_test-card.js";
import { readProseMethods } from "./prose-methods.js";

describe("methods named in a card's running text", () => {
  it("reads one trainer class and the one parameterisation a training sentence says it used", () => {
    const s = readWith(
      readProseMethods,
      "Fine-tuning Mistral-7B-Instruct-v0.2 using QLoRA on the Dolly dataset.\n\nThe script trains with SFTTrainer.\n",
    );
    expect(s.trainerObjective?.value).toBe("sft");
    expect(s.proseParameterization?.value).toBe("qlora");
  });

  it("says nothing when the card names several, or only lists what is supported", () => {
    const s = readWith(
      readProseMethods,
      "Training method: LoRA/QLoRA.\n\nWe train with SFTTrainer. We also support TRL's DPOTrainer!\n",
    );
    expect(s.trainerObjective).toBeUndefined();
    expect(s.proseParameterization).toBeUndefined();
    const t = readWith(readProseMethods, "The toolkit supports LoRA for training large models.\n");
    expect(t.proseParameterization).toBeUndefined();
  });

  it("reads LoRA said to be applied, and LoRA on a 4-bit base as QLoRA", () => {
    const s = readWith(
      readProseMethods,
      "- Parameter Optimization: LoRA (Low-Rank Adaptation) is applied during the fine-tuning process.\n",
    );
    expect(s.proseParameterization?.value).toBe("lora");
    const t = readWith(
      readProseMethods,
      "We fine-tune the model using **LoRA** on a 4-bit quantized base to save memory.\n",
    );
    expect(t.proseParameterization?.value).toBe("qlora");
  });
});
