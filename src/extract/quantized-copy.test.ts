/**
 * Quantised copies read from what the card says of itself (synthetic, in the phrasings of dev
 * n-qnt-docker-mistral-small-32-24b-unsloth-gguf and n-qnt-redhat-kimi-k26-nvfp4-llmcompressor): "*GGUF version by X*"
 * under a title naming the source; a description of the source's own training is not a step of the copy; the front
 * matter's `name: org/x` names the card's model; a folder's README may be plain text.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractFromFiles } from "./extract-from-files.js";
import { importFiles } from "./import-files.js";

const card = (text: string) => extractFromFiles([{ path: "README.md", text }]).document;

describe("quantised copies", () => {
  const gguf =
    "# Helper-24B-Instruct-2506\n*GGUF version by Unsloth*\n\n## Description\nA 24B-parameter instruction-tuned model by Acme AI.\n\n## Links\n- [Hugging Face (Acme)](https://huggingface.co/acme/Helper-24B-Instruct-2506)\n";

  it("'*GGUF version by X*' under a title: a GGUF step from the model the title names (its id written in the card)", () => {
    const doc = card(gguf);
    expect(doc.steps).toHaveLength(1);
    expect(doc.steps[0]).toMatchObject({ kind: "quantization", method: "gguf" });
    expect(doc.bases.map((b) => b.id)).toEqual(["acme/Helper-24B-Instruct-2506"]);
  });

  it("the source's own instruction tuning, described without data or settings, is not a step of the copy", () => {
    expect(card(gguf).steps.some((s) => s.kind === "fine-tune")).toBe(false);
    // A card that trained and names its data keeps its training.
    const trained = card(
      "# Helper\n\nWe fine-tuned acme/Helper-24B-Instruct-2506 with SFT on yahma/alpaca-cleaned.\n\nThis is the GGUF version of our model, quantized with llama.cpp.\n",
    );
    expect(trained.steps.some((s) => s.kind === "fine-tune")).toBe(true);
  });

  it("a front matter's `name: org/x` names the card's model; a name without an org does not", () => {
    const fm = (name: string) =>
      `---\nbase_model:\n- acme/Big-1T\nname: ${name}\ntags:\n- nvfp4\n---\n\n# NVFP4 model\n\nThis is an NVFP4-quantized [acme/Big-1T](https://huggingface.co/acme/Big-1T) model.\n`;
    expect(card(fm("RedHatAI/Big-1T-NVFP4")).subject.id).toBe("RedHatAI/Big-1T-NVFP4");
    expect(card(fm("Big 1T NVFP4")).subject.id).toBe("unknown");
    // The base itself is never the subject.
    expect(card(fm("acme/Big-1T")).subject.id).toBe("unknown");
  });

  it("a folder's README.txt is read as its card", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ftl-readme-txt-"));
    writeFileSync(
      join(dir, "README.txt"),
      "# Helper\n\nThis model is a QLoRA fine-tune of mistralai/Mistral-7B-v0.1 on yahma/alpaca-cleaned.\n",
    );
    const { document } = await importFiles([dir]);
    expect(document.bases.map((b) => b.id)).toEqual(["mistralai/Mistral-7B-v0.1"]);
  });
});

describe("a conversion the card's prose says followed its training", () => {
  const body = (then: string) =>
    `# Helper\n\nThis repository trains [acme/Helper-2.0](https://huggingface.co/acme/Helper-2.0). Supervised fine-tuning was performed on 140,000 query-response pairs. ${then}\n\nQuantized: https://huggingface.co/acme/Helper-2.0-GGUF\n`;

  it("'quantization from safetensors to GGUF was then completed': a GGUF step after the training, onto the GGUF copy", () => {
    const doc = card(body("Quantization from safetensors to GGUF was then completed for q8_0 and q4_k_m."));
    expect(doc.steps.map((s) => s.kind)).toEqual(["fine-tune", "quantization"]);
    expect(doc.steps[1]).toMatchObject({ method: "gguf", output: { id: "acme/Helper-2.0-GGUF" } });
    expect(doc.steps[0]?.output?.id).toBe("acme/Helper-2.0");
  });

  it("a conversion that could be done is no step", () => {
    const doc = card(body("The model can be converted to GGUF with llama.cpp."));
    expect(doc.steps.map((s) => s.kind)).toEqual(["fine-tune"]);
  });
});

describe("a training-arguments file by another name beside an adapter", () => {
  it("trainer_args.json and finetune_args.json in a folder are read as training arguments", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ftl-trainer-args-"));
    writeFileSync(
      join(dir, "adapter_config.json"),
      JSON.stringify({ base_model_name_or_path: "meta-llama/Llama-2-7b-hf", peft_type: "LORA", r: 8 }),
    );
    writeFileSync(
      join(dir, "trainer_args.json"),
      JSON.stringify({
        learning_rate: 0.00032,
        num_train_epochs: 17,
        per_device_train_batch_size: 10,
        seed: 42,
      }),
    );
    const { document } = await importFiles([dir]);
    expect(document.steps[0]?.hyperparameters).toMatchObject({ learningRate: 0.00032, epochs: 17, seed: 42 });
  });
});
