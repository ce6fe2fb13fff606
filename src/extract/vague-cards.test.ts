/** Vague cards: method words with nothing concrete are no training step; any concrete fact keeps them. */
import { describe, expect, it } from "vitest";
import { validateLineage } from "../validate/validate.js";
import { extractFromFiles } from "./extract-from-files.js";

// dev r-vague-zh-qwen25-finetune-notebook-readme: a notebook page's README, in a site's front matter.
const VAGUE = `---
title: "Qwen2.5模型微调案例"
tags: ["LLM模型微调", "ModelScope", "Notebook", "LoRA/QLoRA"]
---

## 项目概述

这个项目演示了如何对常见的LLM模型，选择国内的框架进行微调，涵盖了数据集的预处理、常见的LoRA方法的描述和使用的完整案例。
`;

describe("vague cards", () => {
  it("drops a card's method words when it names no model, dataset or setting", () => {
    const { document, warnings } = extractFromFiles([{ path: "README.md", text: VAGUE }]);
    expect(document.steps).toEqual([]);
    expect(warnings.map((w) => w.code)).toContain("extract.vague");
    expect(validateLineage(document).class).toBe("not-lineage");
  });

  it("keeps them when a setting is named", () => {
    const text = `${VAGUE}\n## 训练配置\n\n- 学习率: 2e-4\n- 批大小: 8\n`;
    const { document, warnings } = extractFromFiles([{ path: "README.md", text }]);
    expect(document.steps.length).toBeGreaterThan(0);
    expect(warnings.map((w) => w.code)).not.toContain("extract.vague");
  });

  it("keeps a Trainer card whose base is a placeholder: its framework versions show the run (dev b-tac-trl-ppo-pychess-none)", () => {
    const text = `# Model Card for trainer_output

This model is a fine-tuned version of [None](https://huggingface.co/None).

## Training procedure

This model was trained with PPO.

### Framework versions

- TRL: 0.19.0
- Transformers: 4.52.4
`;
    const { document } = extractFromFiles([{ path: "README.md", text }]);
    expect(document.steps.map((s) => (s.kind === "fine-tune" ? s.objective : s.kind))).toEqual(["rlhf-ppo"]);
  });
});
