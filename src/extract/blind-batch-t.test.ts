/**
 * Rules written from the misses of the blind dev batches `t1-`…`t4-` (test/fixtures/corpus/dev, labelled by helpers
 * who never ran ftl, stop 26). Each case is rewritten from the layout of a batch file, as a user would pass it to
 * `ftl import`; each was checked to fail without its rule.
 */
import { describe, expect, it } from "vitest";
import { extractFromFiles } from "./extract-from-files.js";

const docOf = (text: string, path = "README.md") => extractFromFiles([{ path, text }]).document;

describe("never a subject from a project's name or a link to a page (t1-ne-zh-aflow-roll, t4-ld-rlhf-from-scratch)", () => {
  it("a title naming two projects is not the id written with a slash between them", () => {
    const card = [
      "# AFlow + ROLL 深度融合项目",
      "",
      "- **ROLL (Alibaba)**: 强化学习框架，使用GRPO算法微调Qwen2.5-7B",
      "",
      "```",
      "integrated_aflow_roll/",
      "└── prepare_data.py            # 数据准备（从AFlow/ROLL提取）",
      "```",
    ].join("\n");
    expect(docOf(card).subject.id).toBe("unknown");
  });

  it("the text of a link to a page of the repository is not a Hub id", () => {
    const card = [
      "# RLHF from Scratch",
      "",
      "A from-scratch implementation of RLHF using PPO on Llama-3.2-1B for text summarization.",
      "",
      "For lessons learned, see [r/RLHF_from_Scratch](/docs/eval.md).",
    ].join("\n");
    expect(docOf(card).subject.id).toBe("unknown");
  });

  it("still reads the model of the title linked to the Hub", () => {
    const linked = [
      "# Support-Bot-7B",
      "",
      "A QLoRA fine-tune of mistralai/Mistral-7B-v0.1 on acme/tickets.",
      "",
      "Weights: [acme/Support-Bot-7B](https://huggingface.co/acme/Support-Bot-7B)",
    ].join("\n");
    expect(docOf(linked).subject.id).toBe("acme/Support-Bot-7B");
  });
});
