/**
 * A base named only by a name ftl's table of well-known models does not know (stop 35): in a sentence that says the
 * model was fine-tuned from it, a family's name with its size ("the **Llama 3B model**", "llm-jp-4-8b") is kept as
 * written (`name:…`, 0.6), as the last resort when no reader finds a base. From dev g7-nn-llama-3b-bank-extract and
 * g5-nn-llmjp4-8b-sft-dpo-ja (rewritten here), and what it must not take from the audit corpus's dev cards; each case was checked to fail without its rule, but the third, which
 * holds the precedence of a labelled base (kept by the card's resolution, not by this reader).
 */
import { describe, expect, it } from "vitest";
import { extractFromFiles } from "../extract-from-files.js";

const docOf = (text: string) => extractFromFiles([{ path: "README.md", text }]).document;
const inputsOf = (text: string) =>
  docOf(text).steps.flatMap((s) => (s.inputs?.models ?? []).map((m) => m.id));

describe("a base named without an id that the table does not know", () => {
  it("is kept as the name written, with the step it starts", () => {
    const card = [
      "# Bank statement extraction",
      "",
      "This repository contains code to fine-tune the **Llama 3B model** using **QLoRA** for instruction-following tasks.",
    ].join("\n");
    const doc = docOf(card);
    expect(doc.bases.map((b) => b.id)).toEqual(["name:Llama 3B"]);
    expect(inputsOf(card)).toEqual(["name:Llama 3B"]);
    expect(doc.bases[0]?.provenance?.confidence).toBe(0.6);
  });

  it("reads it in another language's sentence about training", () => {
    const card = "llm-jp-4-8b を対象とした Supervised Fine-tuning (SFT) のコードが含まれています。";
    expect(docOf(card).bases.map((b) => b.id)).toEqual(["name:llm-jp-4-8b"]);
  });

  it("gives way to a base any reader identifies, also one named later in the card", () => {
    const card = [
      "We fine-tuned the Llama 3B model with QLoRA on bank statements.",
      "",
      "**Base model:** meta-llama/Llama-3.2-3B",
    ].join("\n");
    expect(docOf(card).bases.map((b) => b.id)).toEqual(["meta-llama/Llama-3.2-3B"]);
  });

  it("is not taken without a size, nor for a name the sentence describes or gives as an example", () => {
    for (const card of [
      "We fine-tuned PhoGPT with LoRA on Vietnamese questions.",
      "Foo 3B is a small model; it was fine-tuned with LoRA on our data.",
      "Recipes such as the famous Falcon 3B recipe show that fine-tuning with LoRA works.",
    ])
      expect(docOf(card).bases).toEqual([]);
  });

  it("does not let the usage code name the subject: it may load that base", () => {
    const card = [
      "We fine-tuned the Llama 3B model with QLoRA on bank statements.",
      "",
      "```python",
      "model = AutoModelForCausalLM.from_pretrained('someone/llama-3b-instruct')",
      "```",
    ].join("\n");
    const doc = docOf(card);
    expect(doc.bases.map((b) => b.id)).toEqual(["name:Llama 3B"]);
    expect(doc.subject.id).toBe("unknown");
  });

  it("is not a name that labels an item, the fine-tuned model itself, a dated news line or a credit (audit dev)", () => {
    for (const card of [
      "- Foo2.5-chat-7B: further aligned on top of Foo2.5 through supervised fine-tuning (SFT) and online RLHF.",
      "1. The fine-tuned LLaMA 8B (q4) model is compiled into a WebGPU format.",
      "- [2023/05/06] We are releasing [Bar-Lightning-MPT-7B](https://example.org), based on MPT-7B-Chat!",
      "## Acknowledgement\n\n- [Vicuna](https://example.org): the codebase we built upon, and our base model Vicuna-13B that has great language skills!",
    ])
      expect(docOf(card).bases, card).toEqual([]);
  });
});
