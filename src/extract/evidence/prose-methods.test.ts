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
    // What the tool also supports is no second trainer: the card trains with SFTTrainer.
    expect(s.trainerObjective?.value).toBe("sft");
    expect(s.proseParameterization).toBeUndefined();
    const several = readWith(readProseMethods, "We train with SFTTrainer, then with DPOTrainer.\n");
    expect(several.trainerObjective).toBeUndefined();
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

  it("reads nothing a library offers, a reader may do, or a section of plans says", () => {
    const offer = readWith(
      readProseMethods,
      "Die `trl`-Bibliothek bietet den `SFTTrainer`, der den Trainings-Loop abstrahiert.\n",
    );
    expect(offer.trainerObjective).toBeUndefined();
    const reader = readWith(
      readProseMethods,
      "If you want to train it further, you can fine-tune it using QLoRA.\n",
    );
    expect(reader.proseParameterization).toBeUndefined();
    const plans = readWith(readProseMethods, "## Roadmap\n\n- Fine-tuning with DPOTrainer using LoRA.\n");
    expect(plans.trainerObjective).toBeUndefined();
    expect(plans.proseParameterization).toBeUndefined();
  });
});
