/**
 * A card's title names the model, not a section: a title holding a word that marks sections to skip ("Example",
 * "quantized") does not hide the prose under it. A level-2 section with such a name is still skipped.
 */
import { describe, expect, it } from "vitest";
import { extractFromFiles } from "./extract-from-files.js";

const card = (title: string, section = "") =>
  `# ${title}\n\n${section}This model is a fine-tune of [Qwen/Qwen2.5-1.5B-Instruct](https://huggingface.co/Qwen/Qwen2.5-1.5B-Instruct) with LoRA.\n\n## Training\n- Epochs: 3\n- Learning rate: 2e-4\n`;

const inputs = (text: string) =>
  extractFromFiles([{ path: "README.md", text }]).document.steps.map((s) =>
    s.kind === "fine-tune" ? [(s.inputs?.models ?? []).map((m) => m.id), s.parameterization] : [],
  );

describe("the card's title", () => {
  it("does not make the prose under it a skipped section", () => {
    for (const title of ["Example model", "Llama helper quantized for chat", "Qwen helper"])
      expect(inputs(card(title))).toEqual([[["Qwen/Qwen2.5-1.5B-Instruct"], "lora"]]);
  });

  it("still skips a usage example section under the title", () => {
    const text = `# Helper\n\n## Example\n\nWe fine-tuned [Qwen/Qwen2.5-1.5B-Instruct](https://huggingface.co/Qwen/Qwen2.5-1.5B-Instruct) with LoRA.\n`;
    expect(inputs(text)).toEqual([]);
  });
});
