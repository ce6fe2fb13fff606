/** Vertical pipeline diagrams in a card's code block (dev c-ne-ru-sxodim-qwen25-3b-sft-orpo). */
import { describe, expect, it } from "vitest";
import { newCardState } from "../card-body.js";
import { parseCard } from "../markdown.js";
import { diagramStages, readPipelineDiagram } from "./pipeline-diagram.js";

const DIAGRAM = `Qwen2.5-3B (base)
      ↓
[SFT Training] ← 1443 Q&A пар
      ↓
[ORPO Training] ← ~500 preference пар
      ↓
Final Model`;

describe("pipeline diagrams", () => {
  it("reads the stages between arrow lines, without what feeds them from the side", () => {
    expect(diagramStages(DIAGRAM)).toEqual(["Qwen2.5-3B", "SFT Training", "ORPO Training", "Final Model"]);
  });

  it("is not a diagram with fewer than two arrows, or with several lines between arrows", () => {
    expect(diagramStages("a\n↓\nb")).toBeUndefined();
    expect(diagramStages("a\n↓\nb\nc\n↓\nd")).toBeUndefined();
  });

  it("gives ordered steps and the base", () => {
    const state = newCardState("MODEL_CARD.md", {
      file: "MODEL_CARD.md",
      kind: "model-card",
      bases: [],
      steps: [],
      warnings: [],
    });
    const { blocks } = parseCard(
      `# m\n\n## Training Pipeline\n\n\`\`\`\n${DIAGRAM}\n\`\`\`\n`,
      "MODEL_CARD.md",
      [],
    );
    readPipelineDiagram(blocks, state);
    expect(state.prose.map((p) => p.step.objective?.value)).toEqual(["sft", "orpo"]);
    expect(state.chainBase).toBe("Qwen2.5-3B");
  });
});
