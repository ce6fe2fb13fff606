import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LineageDocumentSchema } from "../schema/lineage.js";
import { extractFromFiles } from "./extract-from-files.js";

const fragments = [
  "---\n",
  "base_model: ",
  "base_model:\n- a/b\n- c/d\n",
  "base_model_relation: merge\n",
  "datasets:\n- org/data\n",
  "tags: [lora, dpo]\n",
  "# Title\n",
  "## Training hyperparameters\n",
  "- learning_rate: 2e-5\n",
  "- lora_r: 16\n",
  "SFT on 200k pairs, then DPO on 50k pairs, LoRA rank 64. ",
  "Mistral-7B -> SFT -> DPO\n",
  "fine-tuned version of [x/y](https://huggingface.co/x/y) on the foo dataset. ",
  "```yaml\nmerge_method: slerp\nmodels:\n  - model: a/b\n```\n",
  '{"peft_type": "LORA", "r": 8}',
  "merge_method: ties\n",
  "stage: sft\nfinetuning_type: lora\n",
  "\u0000",
  "[",
  ": :",
];

const files = fc.array(
  fc.record({
    path: fc.constantFrom("README.md", "adapter_config.json", "config.yaml", "trainer_state.json", "x"),
    text: fc.oneof(
      fc.string(),
      fc.array(fc.constantFrom(...fragments), { maxLength: 12 }).map((parts) => parts.join("")),
    ),
  }),
  { maxLength: 4 },
);

describe("extraction never throws and always gives a schema-valid document", () => {
  it("on arbitrary text and mixtures of card, config and recipe fragments", () => {
    fc.assert(
      fc.property(files, (input) => {
        const result = extractFromFiles(input);
        expect(LineageDocumentSchema.safeParse(result.document).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
