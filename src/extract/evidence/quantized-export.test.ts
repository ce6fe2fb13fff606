/**
 * Conversions a card's quoted commands run: llama.cpp's convert and quantize tools, unsloth's GGUF export, mlx-lm's
 * convert; alone they are the card's quantisation step, after training commands or code they follow the training.
 */
import { describe, expect, it } from "vitest";
import { readCard } from "../read-card.js";

const steps = (text: string) =>
  readCard(text, "README.md").steps.map((s) => [
    s.kind,
    s.quantMethod?.value ?? s.objective?.value,
    s.inputs.map((i) => i.value.id),
    s.output?.value,
  ]);
const fence = (lang: string, body: string) => [`\`\`\`${lang}`, body, "```"].join("\n");

describe("conversions in quoted commands", () => {
  it("reads convert_hf_to_gguf.py and the quantize run on its output as one step", () => {
    const text = [
      "# Convert",
      "",
      fence(
        "bash",
        [
          "python llama.cpp/convert_hf_to_gguf.py --outtype f16 ./models/Qwen2.5-0.5B --outfile qwen-f16.gguf",
          "./llama.cpp/llama-quantize qwen-f16.gguf qwen-q4_k_m.gguf Q4_K_M",
        ].join("\n"),
      ),
    ].join("\n");
    expect(steps(text)).toEqual([["quantization", "gguf", ["./models/Qwen2.5-0.5B"], "qwen-q4_k_m.gguf"]]);
  });

  it("reads mlx_lm.convert with its source model", () => {
    const text = fence(
      "bash",
      "mlx_lm.convert --hf-path mistralai/Mistral-7B-Instruct-v0.3 --mlx-path ./mlx -q",
    );
    expect(steps(text)).toEqual([["quantization", "other", ["mistralai/Mistral-7B-Instruct-v0.3"], "./mlx"]]);
  });

  it("puts unsloth's GGUF export after the training the card's code runs", () => {
    const text = [
      "We fine-tuned [unsloth/Llama-3.2-1B-Instruct](https://huggingface.co/unsloth/Llama-3.2-1B-Instruct) with SFT.",
      "",
      fence(
        "python",
        [
          "trainer = SFTTrainer(model=model, args=TrainingArguments(learning_rate=2e-4))",
          'model.save_pretrained_gguf("model", tokenizer, quantization_method = "q4_k_m")',
        ].join("\n"),
      ),
    ].join("\n");
    const kinds = steps(text).map((s) => s[0]);
    expect(kinds).toEqual(["fine-tune", "quantization"]);
  });

  it("does not read an export offered under `if False:`", () => {
    const code = [
      "if False:",
      '    model.save_pretrained_gguf("model", tokenizer, quantization_method = "q4_k_m")',
    ];
    expect(steps(fence("python", code.join("\n")))).toEqual([]);
  });

  it("does not read a quantize word that is not llama.cpp's tool", () => {
    expect(steps(fence("bash", "python quantize.py --bits 4 model.pt"))).toEqual([]);
  });
});
