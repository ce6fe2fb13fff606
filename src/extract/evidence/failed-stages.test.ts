import { describe, expect, it } from "vitest";
import { readBody } from "../card-body.js";
import { cardBlocks, cardState } from "./_test-card.js";
import { dropFailedStages } from "./failed-stages.js";

/** The objectives of the prose steps of a card, after the failed stages are dropped. */
function objectives(card: string): (string | undefined)[] {
  const state = cardState();
  const blocks = cardBlocks(card);
  readBody(blocks, state);
  dropFailedStages(blocks, state);
  return state.prose.map((p) => p.step.objective?.value);
}

describe("stages a heading marks failed or not applied", () => {
  it("drops the stage wherever the card names it (dev c-ne-ko-deepseek-coder-diagram-sft)", () => {
    const card = [
      "## 1. Overview",
      "",
      "The model is trained with SFT, and ORPO on preference pairs follows.",
      "",
      "## 3. Odd-Ratio Preference Optimization (ORPO) (실패, 미 적용)",
      "",
      "CUDA OOM.",
      "",
    ].join("\n");
    expect(objectives(card)).toEqual(["sft"]);
    expect(objectives(card.replace("(실패, 미 적용)", "(failed)"))).toEqual(["sft"]);
    expect(objectives(card.replace("(실패, 미 적용)", "（未采用）"))).toEqual(["sft"]);
  });

  it("keeps every stage when no heading says one failed", () => {
    const card =
      "## 1. Overview\n\nThe model is trained with SFT, then ORPO on preference pairs.\n\n## 3. ORPO\n\nDone.\n";
    expect(objectives(card)).toEqual(["sft", "orpo"]);
  });

  it("drops what an unchecked to-do item says is not done yet, and keeps what a checked one says is", () => {
    const card = (mark: string, task: string) =>
      `## Progress\n\n- [x] Phase 1: Data\n- [${mark}] Phase 4: ${task}\n\n## Stack\n\nWe fine-tune the model with SFT, then DPO.\n`;
    expect(objectives(card(" ", "Fine-tuning"))).toEqual([]);
    expect(objectives(card(" ", "DPO training"))).toEqual(["sft"]);
    expect(objectives(card("x", "Fine-tuning"))).toEqual(["sft", "dpo"]);
    expect(objectives(card(" ", "Deployment"))).toEqual(["sft", "dpo"]);
  });
});
