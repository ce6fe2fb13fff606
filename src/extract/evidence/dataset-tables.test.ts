/**
 * Tables of the training data. The layouts are those of public cards in the index (find_string "## Training
 * Data\n\n| Dataset": ids 60788242499, 54577546259, 52791148270, 60009464848), rewritten for the test.
 */
import { describe, expect, it } from "vitest";
import type { CardState } from "../card-body.js";
import { readWith } from "./_test-card.js";
import { cellDataset, readDatasetTables } from "./dataset-tables.js";

const ids = (s: CardState) => s.proseDatasets.map((d) => [d.value, d.source.source]);
const read = (text: string) => readWith(readDatasetTables, text);

describe("dataset tables", () => {
  it("reads Hub links, ids and known names under a training-data heading", () => {
    const card = [
      "## Training Data",
      "",
      "| Source | Pairs | Languages |",
      "|---|---|---|",
      "| OPUS-100 (Helsinki-NLP) | ~4,000 | English and Yoruba |",
      "| someone/blindspots | 12 | Multi |",
      "| [Wine Reviews](https://huggingface.co/datasets/spawn99/wine-reviews) | 130K | vocabulary |",
      "| Custom synthetic pairs | 24 | Pidgin |",
    ].join("\n");
    expect(ids(read(card))).toEqual([
      ["Helsinki-NLP/opus-100", "inferred"],
      ["someone/blindspots", "extracted"],
      ["spawn99/wine-reviews", "extracted"],
    ]);
  });

  it("leaves out a row whose role or split column says evaluation or test and not training", () => {
    const card = [
      "## Data",
      "",
      "| Dataset | Split used | Role |",
      "|---|---|---|",
      "| [`org/train-set`](https://huggingface.co/datasets/org/train-set) | `train` + `validation` | Training and in-distribution evaluation (`test_id`) |",
      "| [`org/ood-set`](https://huggingface.co/datasets/org/ood-set) | `test` only | Out-of-distribution evaluation (`test_ood`) |",
      "| [`org/bench`](https://huggingface.co/datasets/org/bench) | all | benchmark |",
    ].join("\n");
    expect(ids(read(card))).toEqual([["org/train-set", "extracted"]]);
    const zh = "## 数据集\n\n| 数据集 | 用途 |\n|---|---|\n| org/a | 训练 |\n| org/b | 评测 |";
    expect(ids(read(zh))).toEqual([["org/a", "extracted"]]);
  });

  it("reads the id column beside a name column, and other languages' headers", () => {
    const card =
      "## Data\n\n| Dataset | HuggingFace ID | Rows used |\n|---|---|---|\n| FLN data | Org/fln-data | ~1.37k |";
    expect(ids(read(card))).toEqual([["Org/fln-data", "extracted"]]);
    const ko =
      '| 모델 | 학습 데이터셋 1,2 |\n|---|---|\n| **M** | <a href="https://huggingface.co/datasets/Org/News">x</a> |';
    expect(ids(read(ko))).toEqual([["Org/News", "extracted"]]);
  });

  it("does not read score tables, evaluation rows or sections, models, files or paths", () => {
    expect(ids(read("| Dataset | Size | Accuracy |\n|---|---|---|\n| Org/a | 1k | 0.9 |"))).toEqual([]);
    expect(
      ids(read("## Data\n\n| Dataset | Cases | Role |\n|---|---|---|\n| Org/a | 50 | Validation |")),
    ).toEqual([]);
    expect(ids(read("## Evaluation\n\n| Dataset | Size |\n|---|---|\n| Org/a | 1k |"))).toEqual([]);
    expect(ids(read("| Model | Size |\n|---|---|\n| Org/a | 7B |"))).toEqual([]);
    expect(cellDataset("[Qwen](https://huggingface.co/Qwen/Qwen2.5-7B)")).toBeUndefined();
    expect(cellDataset("`data/train.jsonl`")).toBeUndefined();
    expect(cellDataset("org/train.json")).toBeUndefined();
  });
});
