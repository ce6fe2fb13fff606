/**
 * Commands that make what a later command trains from, and axolotl's adapter merge command (dev
 * q-rcp-shisa-openhermes25-axolotl-qlora-local-data; an unseen-card audit case, src/audit/unseen-cards.test.ts).
 */
import { describe, expect, it } from "vitest";
import { extractFromFiles } from "./extract-from-files.js";

const stepsOf = (text: string, path = "README.md") =>
  extractFromFiles([{ path, text }]).document.steps.map((s) => ({
    kind: s.kind,
    input: s.inputs?.models?.[0]?.id,
    output: s.output?.id,
  }));

describe("commands of one block", () => {
  it("keeps a command that wrote the model the next one trains from as the step before it", () => {
    const card = [
      "# Foo",
      "",
      "```bash",
      'python train.py --model_name "mistralai/Mistral-7B-v0.1" --output_dir "models/stage1"',
      'python dpo.py --base_model "models/stage1" --output_dir "models/final" --beta 0.1 --learning_rate 5e-7',
      "```",
    ].join("\n");
    expect(stepsOf(card)).toEqual([
      { kind: "fine-tune", input: "mistralai/Mistral-7B-v0.1", output: "local:models/stage1" },
      { kind: "fine-tune", input: "local:models/stage1", output: "local:models/final" },
    ]);
  });

  it("reads axolotl's merge_lora command as the adapter's merge, not a training run", () => {
    const script = [
      "accelerate launch -m axolotl.cli.train cfg.yml",
      "accelerate launch -m axolotl.cli.merge_lora cfg.yml --lora_model_dir='./qlora-out' --load_in_4bit=False",
    ].join("\n");
    const steps = extractFromFiles([{ path: "run.sh", text: script }]).document.steps;
    expect(steps.map((s) => s.kind)).toEqual(["adapter-merge"]);
    expect(steps[0]?.inputs?.models?.[0]?.id).toBe("local:./qlora-out");
  });
});
