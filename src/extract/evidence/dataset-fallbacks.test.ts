/**
 * The last-resort data readers: a project tree's training data file (dev k-ne-es-llm-hpc-llama32-1b-qlora,
 * t1-ne-ja-sarashina22-05b-full-and-lora-finetune, s1-ne-ko-obsidian-llama2-7b-korquad-qlora-note) and the Hub
 * dataset links of a card that names no other data (dev n-ne-zh-muice-chatglm2-qwen-dataset-github-links,
 * q-ne-ko-kot-platypus2-7b-kocot, m-ne-zh-mindspore-chatglm6b-lora-school-math), with what neither reads.
 */
import { describe, expect, it } from "vitest";
import { extractFromFiles } from "../extract-from-files.js";
import { treeDataFiles } from "./dataset-tree.js";

const HEAD = "# Helper\n\nThis model is a LoRA fine-tune of meta-llama/Llama-3.2-1B.\n\n";
const datasets = (body: string, head = HEAD) =>
  extractFromFiles([{ path: "README.md", text: `${head}${body}\n` }]).document.steps.flatMap((s) =>
    "inputs" in s ? (s.inputs?.datasets ?? []).map((d) => d.id) : [],
  );
const tree = (lines: string[]) => `\`\`\`\n${lines.join("\n")}\n\`\`\``;

describe("a project tree's training data", () => {
  it("reads the file a comment marks as training data, with its folders and without the tree's root", () => {
    expect(
      datasets(
        tree([
          "llama32_qlora/",
          "├── README.md                    # Este archivo",
          "├── requirements.txt             # Dependencias de Python",
          "├── data/                        # Datos de entrenamiento",
          "│   └── base.jsonl               # Tu dataset (no incluido)",
          "└── outputs/                     # Modelos entrenados",
        ]),
      ),
    ).toEqual(["data/base.jsonl"]);
    expect(
      treeDataFiles(
        [
          "├── train.jsonl                        # 訓練データ（13,513サンプル）",
          "├── valid.jsonl                        # 検証データ（1,502サンプル）",
        ].join("\n"),
      ).map((f) => f.file),
    ).toEqual(["train.jsonl"]);
    expect(
      treeDataFiles(
        [
          "├── KorQuAD_v1.0_dev.json        # 원본 데이터",
          "├── korquad_tutorial.json        # 2. 학습 데이터",
        ].join("\n"),
      ).map((f) => f.file),
    ).toEqual(["korquad_tutorial.json"]);
  });

  it("leaves out validation, test, raw and sample files, settings, and trees in a card that trained nothing", () => {
    expect(
      treeDataFiles(
        [
          "├── data/",
          "│   ├── val/mixed_dataset.jsonl    # 验证集（100样本）",
          "│   ├── test/mixed_dataset.jsonl   # 测试集（100样本）",
          "│   └── examples/sample.jsonl   # 数据格式脱敏样例",
          "├── self_cognition.jsonl      # 原始数据集",
          "├── training_config.json       # 학습 설정",
        ].join("\n"),
      ),
    ).toEqual([]);
    expect(datasets(tree(["├── train.jsonl   # training data"]), "# Helper\n\nA chat model.\n\n")).toEqual(
      [],
    );
  });
});

describe("the Hub dataset links of a card that names no other data", () => {
  it("reads a few dataset links, in prose, badges and download commands", () => {
    expect(
      datasets("训练集开源地址： [Moemu/Muice-Dataset](https://huggingface.co/datasets/Moemu/Muice-Dataset)"),
    ).toEqual(["Moemu/Muice-Dataset"]);
    expect(
      datasets(
        "```\nwget https://huggingface.co/datasets/BelleGroup/school_math_0.25M/resolve/main/school_math_0.25M.json\n```",
      ),
    ).toEqual(["BelleGroup/school_math_0.25M"]);
  });

  it("leaves out pictures, pre-training corpora, evaluation lines, long lists and cards with other data", () => {
    expect(
      datasets("![img](https://huggingface.co/datasets/agents-course/course-images/resolve/main/en/x.png)"),
    ).toEqual([]);
    expect(datasets("See https://huggingface.co/datasets/cerebras/SlimPajama-627B for the base.")).toEqual(
      [],
    );
    expect(datasets("Evaluated on https://huggingface.co/datasets/openai/gsm8k.")).toEqual([]);
    const many = ["a/x", "b/y"].map((id) => `- https://huggingface.co/datasets/${id}`).join("\n");
    expect(datasets(many)).toEqual([]);
    expect(
      datasets("Training data: tatsu-lab/alpaca.\n\nMore at https://huggingface.co/datasets/other/thing."),
    ).toEqual(["tatsu-lab/alpaca"]);
    expect(
      datasets("A link: https://huggingface.co/datasets/org/data.", "# Helper\n\nA chat model.\n\n"),
    ).toEqual([]);
  });
});
