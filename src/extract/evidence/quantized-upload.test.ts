/**
 * Quantised re-uploads: the forms of the table in quantized-upload.ts (TheBloke, bartowski, mradermacher,
 * QuantFactory, gguf-my-repo, mlx-community, Neural Magic, unsloth), written as those cards write them; and a
 * card's quoted original card is not read as its own words.
 */
import { describe, expect, it } from "vitest";
import { readCard } from "../read-card.js";
import { cardBlocks, readWith } from "./_test-card.js";
import { readQuantizedUpload } from "./quantized-upload.js";
import { ownBlocks, quotedCard } from "./quoted-card.js";

const read = (text: string) => {
  const q = readWith(readQuantizedUpload, text).quant;
  return { source: q?.source?.value, method: q?.method?.value, bits: q?.bits?.value };
};
const steps = (text: string) =>
  readCard(text, "README.md").steps.map((s) => [
    s.kind,
    s.quantMethod?.value,
    s.inputs.map((i) => i.value.id),
  ]);

describe("quantised re-uploads", () => {
  it("reads the model a card says it quantised, not the card's own link before it", () => {
    expect(
      read(
        "The Model [mlx-community/Qwen2.5-7B-Instruct-4bit](https://huggingface.co/mlx-community/Qwen2.5-7B-Instruct-4bit) was converted to MLX format from [Qwen/Qwen2.5-7B-Instruct](https://huggingface.co/Qwen/Qwen2.5-7B-Instruct) using mlx-lm version **0.18.1**.",
      ),
    ).toEqual({ source: "Qwen/Qwen2.5-7B-Instruct", method: "other", bits: undefined });
  });

  it("reads quants of a model whose format the card names elsewhere", () => {
    const text = [
      "## About",
      "",
      "static quants of https://huggingface.co/chuanli11/Llama-3.2-3B-Instruct-uncensored",
      "",
      "## Usage",
      "",
      "If you are unsure how to use GGUF files, refer to one of the READMEs for more details.",
    ].join("\n");
    expect(read(text)).toEqual({
      source: "chuanli11/Llama-3.2-3B-Instruct-uncensored",
      method: "gguf",
      bits: undefined,
    });
  });

  it("reads FP8 and INT8 schemes as methods outside the vocabulary", () => {
    expect(
      read(
        "This model was obtained by quantizing the weights and activations of [Meta-Llama-3.1-8B-Instruct](https://huggingface.co/meta-llama/Meta-Llama-3.1-8B-Instruct) to FP8 data type.",
      ),
    ).toEqual({ source: "meta-llama/Meta-Llama-3.1-8B-Instruct", method: "other", bits: undefined });
  });

  it("reads the original card an upload points to when a heading names its format", () => {
    const text = [
      "# unsloth/Llama-3.2-3B-unsloth-bnb-4bit",
      "For more details on the model, please go to Meta's original [model card](https://huggingface.co/meta-llama/Llama-3.2-3B-Instruct)",
    ].join("\n");
    expect(read(text)).toEqual({
      source: "meta-llama/Llama-3.2-3B-Instruct",
      method: "bitsandbytes",
      bits: undefined,
    });
  });

  it("does not take copies of the card's own model for its source", () => {
    const text = [
      "# FooLM-7B",
      "",
      "FooLM-7B is a base model pretrained from scratch.",
      "",
      "GGUF quants of this model: [someone/FooLM-7B-GGUF](https://huggingface.co/someone/FooLM-7B-GGUF)",
    ].join("\n");
    expect(read(text).source).toBeUndefined();
    expect(steps(text)).toEqual([]);
  });

  it("resolves an original model named without its org through the table of well-known models", () => {
    const q = readWith(
      readQuantizedUpload,
      "**Original Model:** `Llama-2-7b-chat-hf`\n\nThis is a GGUF Q4_K_M quantized version of it.",
    ).quant;
    expect([q?.source?.value, q?.source?.source.source]).toEqual([
      "meta-llama/Llama-2-7b-chat-hf",
      "inferred",
    ]);
  });
});

describe("quantisation said with a verb or a name", () => {
  it("reads 'we quantized X with AutoAWQ'", () => {
    expect(
      read(
        "We quantized [Qwen/Qwen2.5-7B-Instruct](https://huggingface.co/Qwen/Qwen2.5-7B-Instruct) to 4 bits with AutoAWQ and serve it with vLLM.",
      ),
    ).toEqual({ source: "Qwen/Qwen2.5-7B-Instruct", method: "awq", bits: undefined });
  });

  it("resolves a quantised model named without its org", () => {
    const q = readWith(readQuantizedUpload, "GPTQ version of Meta's Llama 2 7B Chat made by TheBloke.").quant;
    expect([q?.source?.value, q?.source?.source.source, q?.method?.value]).toEqual([
      "meta-llama/Llama-2-7b-chat-hf",
      "inferred",
      "gptq",
    ]);
  });

  it("does not take quantisation at load time for a published copy", () => {
    const text =
      "The model was quantized to 4 bits with bitsandbytes at load time: we use [mistralai/Mistral-7B-Instruct-v0.2](https://huggingface.co/mistralai/Mistral-7B-Instruct-v0.2).";
    expect(readWith(readQuantizedUpload, text).quant).toBeUndefined();
  });
});

describe("a quoted original card", () => {
  const card = [
    "---",
    "quantized_by: TheBloke",
    "---",
    "# Llama 2 7B Chat - GGUF",
    "- Original model: [Llama 2 7B Chat](https://huggingface.co/meta-llama/Llama-2-7b-chat-hf)",
    "",
    "This repo contains GGUF format model files for [Meta Llama 2's Llama 2 7B Chat](https://huggingface.co/meta-llama/Llama-2-7b-chat-hf).",
    "",
    "# Original model card: Meta Llama 2's Llama 2 7B Chat",
    "",
    "# **Llama 2**",
    "We used supervised fine-tuning (SFT) and reinforcement learning with human feedback (RLHF) to align the model, fine-tuned from [meta-llama/Llama-2-7b-hf](https://huggingface.co/meta-llama/Llama-2-7b-hf).",
  ].join("\n");

  it("is not read as the upload's own training: it tells how the source was made, before the quantisation", () => {
    const read = readCard(card, "README.md");
    // The upload's own step is the quantisation of its source; what the quoted card says is the source's making
    // (quoted-chain.ts), its last output the source, given no more than 0.7.
    expect(steps(card).at(-1)).toEqual(["quantization", "gguf", ["meta-llama/Llama-2-7b-chat-hf"]]);
    const made = read.steps.slice(0, -1);
    expect(made.length).toBeGreaterThan(0);
    expect(made[0]?.inputs.map((i) => i.value.id)).toEqual(["meta-llama/Llama-2-7b-hf"]);
    expect(made.at(-1)?.output?.value).toBe("meta-llama/Llama-2-7b-chat-hf");
    expect(made.every((s) => (s.origin.confidence ?? 1) <= 0.7)).toBe(true);
  });

  it("is cut only when the card says before it that it is quantised", () => {
    const text = card.replace(/GGUF format /, "").replace(" - GGUF", "");
    expect(ownBlocks(cardBlocks(text), quotedCard(text, "Llama 2 7B Chat"), "Llama 2 7B Chat")).toHaveLength(
      cardBlocks(text).length,
    );
  });
});
