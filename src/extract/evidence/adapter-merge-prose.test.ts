/**
 * An adapter merge stated after an adapter training, in English and other languages (dev
 * w3-card-bnaveen-qwen25-3b-recipes-unsloth-qlora-merged, w1-ne-ko-singung-mistral-7b-sft-dpo-lora), and the
 * statements that are no merge: an offer, a negation, a merge of data, a card trained without an adapter.
 */
import { describe, expect, it } from "vitest";
import { extractFromFiles } from "../extract-from-files.js";

const kinds = (text: string) =>
  extractFromFiles([{ path: "README.md", text: `${text}\n` }]).document.steps.map((s) => s.kind);
const LORA = "# Helper\n\nFine-tuned meta-llama/Llama-3.2-1B with LoRA on tatsu-lab/alpaca.\n\n";

describe("an adapter merge said in words", () => {
  it("adds the merge after the adapter training", () => {
    expect(kinds(`${LORA}- **Quantization:** 4-bit, LoRA merged into base model`)).toEqual([
      "fine-tune",
      "adapter-merge",
    ]);
    expect(kinds(`${LORA}After training, the adapter was merged with the base model and uploaded.`)).toEqual([
      "fine-tune",
      "adapter-merge",
    ]);
    expect(kinds(`${LORA}학습 이후 merge_and_unload 모델.`)).toEqual(["fine-tune", "adapter-merge"]);
    expect(kinds(`${LORA}训练结束后将最佳checkpoint与基座模型融合，得到最终模型。`)).toEqual([
      "fine-tune",
      "adapter-merge",
    ]);
  });

  it("merges the adapter the training made into its base: both are the merge's inputs", () => {
    const doc = extractFromFiles([
      { path: "README.md", text: `${LORA}- **Quantization:** 4-bit, LoRA merged into base model\n` },
    ]).document;
    const merge = doc.steps.at(-1);
    const inputs = merge && "inputs" in merge ? (merge.inputs?.models ?? []) : [];
    expect(inputs).toEqual(
      expect.arrayContaining([{ id: "meta-llama/Llama-3.2-1B" }, { step: doc.steps[0]?.id }]),
    );
  });

  it("reads no offer, no negation, no data merge, and nothing after a full fine-tune", () => {
    expect(kinds(`${LORA}The LoRA adapter can be merged into the base model for faster inference.`)).toEqual([
      "fine-tune",
    ]);
    expect(kinds(`${LORA}The adapter is not merged into the base model.`)).toEqual(["fine-tune"]);
    expect(kinds(`${LORA}We merged the LoRA datasets into one file.`)).toEqual(["fine-tune"]);
    expect(
      kinds(
        "# Helper\n\nFull fine-tune of meta-llama/Llama-3.2-1B on tatsu-lab/alpaca.\n\nThe checkpoints were merged with the base model.",
      ),
    ).toEqual(["fine-tune"]);
  });
});
