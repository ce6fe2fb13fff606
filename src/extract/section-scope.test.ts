import { describe, expect, it } from "vitest";
import { readBody } from "./card-body.js";
import { cardBlocks, cardState } from "./evidence/_test-card.js";
import { parseCard } from "./markdown.js";
import { markCatalogues, outOfScopeSection } from "./section-scope.js";

/** Whether the block holding `text` is out of scope in the card. */
function outside(card: string, text: string): boolean {
  const block = parseCard(card, "README.md", []).blocks.find((b) => b.text.includes(text));
  if (!block) throw new Error(`no block with ${text}`);
  return outOfScopeSection(block);
}

describe("sections that do not say how this model was trained", () => {
  it.each([
    ["## Roadmap\n\n### Phase 2\n\n- Align with DPO on our preference data\n", "DPO"],
    ["## Future work\n\nWe will try ORPO next.\n", "ORPO"],
    [
      "## Quellen\n\n7. SLM series: Distillation brings LLM power to SLMs. https://example.com/a\n",
      "Distillation",
    ],
    ["## References\n\n- Rafailov et al. Direct Preference Optimization.\n", "Direct"],
    ["## Papers\n\n- [paper](https://arxiv.org/abs/2305.18290) - DPO trains on preferences.\n", "DPO"],
    ["# 为什么RLHF对于AI落地至关重要\n\nInstructGPT使用了PPO优化。\n", "PPO"],
    ["## Why DPO?\n\nDPO needs no reward model.\n", "DPO"],
    ["### Why SFT Before DPO?\n\nSkipping SFT leads to unstable training.\n", "Skipping"],
    ["## 3. ORPO (실패, 미 적용)\n\nORPO 학습 시 OOM.\n", "OOM"],
    ["## 목차\n\n* [2. Supervised Fine-Tuning (SFT)](#2-supervised-fine-tuning-sft)\n", "SFT"],
    ["## Progress\n\n- [ ] Phase 4: Fine-tuning with QLoRA\n", "QLoRA"],
    [
      "## Notebooks\n\n| Notebook | Inhalt | Link |\n|---|---|---|\n| **Demo** | Gemma 3 mit QLoRA fine-tunen | [![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)](https://colab.research.google.com/x) |\n",
      "QLoRA",
    ],
    ["## ✅ 本教程包括\n\n5. LoRA微调\n", "LoRA"],
    ["## What you'll learn\n\n- Instruction tuning with SFT\n", "SFT"],
    ["## Learning Objectives\n\n- Explain DPO and how it differs from RLHF\n", "DPO"],
    ["## この章で学ぶこと\n\n1. **RLHF と DPO** によるアラインメント\n", "DPO"],
    ["## 支持的微调方法\n\n- **QLoRA**（量化LoRA）\n", "QLoRA"],
    ["## Supported Methods\n\n- DPO (Direct Preference Optimization)\n", "DPO"],
    ["## When to Use\n\n- Limited GPU memory: QLoRA\n", "QLoRA"],
  ])("%s", (card, text) => {
    expect(outside(card, text)).toBe(true);
  });

  it("keeps training sections, feature lists and tech stacks (a project's own training as often as not)", () => {
    expect(outside("## Training\n\nWe fine-tuned with DPO.\n", "DPO")).toBe(false);
    expect(outside("## ✨ Features\n\n- LoRA 기반의 효율적인 학습 파이프라인\n", "LoRA")).toBe(false);
    expect(outside("## 技术栈\n\n- **微调方法**：QLoRA（4-bit NF4 量化 + LoRA rank=16）\n", "QLoRA")).toBe(
      false,
    );
    expect(outside("## Progress\n\n- [x] Phase 4: Fine-tuning with QLoRA\n", "QLoRA")).toBe(false);
    expect(outside("## Plan of the training\n\nSFT then DPO.\n", "SFT")).toBe(false);
    // public READMEs: the project's goals and the model's motivation tell what was done
    expect(outside("## 🎯 프로젝트 목표\n\n- QLoRA 기반 14B 모델 효율적 파인튜닝\n", "QLoRA")).toBe(false);
    expect(
      outside("## Why Kube-7b?\n\nThe dataset was then used to DPO fine-tune Mistral 7B.\n", "DPO"),
    ).toBe(false);
  });

  it("takes the list after a catalogue lead-in, not a list of steps", () => {
    const lead = (intro: string) =>
      `${intro}\n\n1. Full finetuning\n2. QLoRA finetuning\n3. DPO - Preference tuning\n`;
    const blocks = cardBlocks(lead("The LLM can be fine-tuned in different ways:"));
    markCatalogues(blocks);
    expect(blocks.filter((b) => b.type === "item").every(outOfScopeSection)).toBe(true);
    const zh = cardBlocks("统一调用一套接口，覆盖以下微调方法：\n\n- SFT（监督微调）\n- DPO\n");
    markCatalogues(zh);
    expect(zh.filter((b) => b.type === "item").every(outOfScopeSection)).toBe(true);
    const steps = cardBlocks(lead("We trained the model in three stages:"));
    markCatalogues(steps);
    expect(steps.filter((b) => b.type === "item").some(outOfScopeSection)).toBe(false);
  });

  it("keeps the card body reader from taking steps there", () => {
    const state = cardState();
    readBody(
      cardBlocks("## Roadmap\n\n- We will align the model with DPO.\n\n## Training\n\nTrained with SFT.\n"),
      state,
    );
    expect(state.prose.map((p) => p.step.objective?.value)).toEqual(["sft"]);
  });
});
