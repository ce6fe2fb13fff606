/**
 * Lines naming the training data. Phrasings as in public cards of the index (find_string "**Training data:**",
 * "- **Dataset:** ", "## Training Data"), rewritten for the test with made-up ids.
 */
import { describe, expect, it } from "vitest";
import type { CardState } from "../card-body.js";
import { readWith } from "./_test-card.js";
import { readDatasetLines, valueDatasets, withoutTrailingNote } from "./dataset-lines.js";

const ids = (s: CardState) => s.proseDatasets.map((d) => d.value);
const read = (text: string) => readWith(readDatasetLines, text);

describe("dataset lines", () => {
  it("reads a data label's value: links, ids and known names, in several languages", () => {
    expect(ids(read("Dataset: [org/alpha](https://huggingface.co/datasets/org/alpha)"))).toEqual([
      "org/alpha",
    ]);
    expect(ids(read("- **Training data:** org/alpha, OpenHermes 2.5 and SlimOrca"))).toEqual([
      "org/alpha",
      "teknium/OpenHermes-2.5",
      "Open-Orca/SlimOrca",
    ]);
    expect(ids(read("- **Dataset:** MNIST (standard split: 60k train, 10k test)"))).toEqual(["ylecun/mnist"]);
    expect(ids(read("数据集：org/alpha"))).toEqual(["org/alpha"]);
    expect(
      ids(
        read(
          "学習データ: [kunishou/databricks-dolly-15k-ja](https://huggingface.co/datasets/kunishou/databricks-dolly-15k-ja)",
        ),
      ),
    ).toEqual(["kunishou/databricks-dolly-15k-ja"]);
  });

  it("reads a list or a lone URL under a training-data heading", () => {
    expect(
      ids(read("## Training Data\n\n- OpenHermes 2.5\n- SlimOrca - deduplicated GPT-4 answers")),
    ).toEqual(["teknium/OpenHermes-2.5", "Open-Orca/SlimOrca"]);
    expect(ids(read("## Training Data\n\nhttps://huggingface.co/datasets/org/alpha"))).toEqual(["org/alpha"]);
    expect(ids(read("## 训练数据\n\n- [alpha](https://huggingface.co/datasets/org/alpha)"))).toEqual([
      "org/alpha",
    ]);
  });

  it("reads dataset links in prose of the training-data section (the Hub template's '### Training Data')", () => {
    const card =
      "## Training Details\n\n### Training Data\n#### Summary\n**Source Data:**\nThe [Yelp reviews dataset](https://huggingface.co/datasets/Yelp/yelp_review_full) consists of reviews from Yelp.";
    expect(ids(read(card))).toEqual(["Yelp/yelp_review_full"]);
    expect(
      ids(read("### Training Data\n\nUnlike [x](https://huggingface.co/datasets/org/x), we did not filter.")),
    ).toEqual([]);
    expect(
      ids(read("### Training Data\n\nWe used more data than [x](https://huggingface.co/datasets/org/x).")),
    ).toEqual([]);
  });

  it("reads a bare dataset URL in a sentence about training", () => {
    expect(
      ids(read("The model was fine-tuned using the dataset at https://huggingface.co/datasets/org/alpha.")),
    ).toEqual(["org/alpha"]);
  });

  it("does not read catalogues, thanks, evaluation, descriptions, models, files or paths", () => {
    expect(ids(read("## Dataset\n\n- [org/alpha](https://huggingface.co/datasets/org/alpha)"))).toEqual([]);
    expect(ids(read("## Supported training data\n\n- org/alpha"))).toEqual([]);
    expect(
      ids(read("## 训练数据选择\n\n* **感谢**：[alpha](https://huggingface.co/datasets/org/alpha)的贡献。")),
    ).toEqual([]);
    expect(ids(read("## Evaluation\n\nDataset: org/alpha"))).toEqual([]);
    expect(ids(read("### Testing Data\n\nDataset: org/alpha"))).toEqual([]);
    expect(ids(read("**Eval data:** org/alpha"))).toEqual([]);
    expect(ids(read("**Training data:** last 10 games stored as CSVs in `data/`"))).toEqual([]);
    expect(valueDatasets("[Qwen](https://huggingface.co/Qwen/Qwen2.5-7B)")).toEqual([]);
    expect(valueDatasets("`data/train.jsonl`, org/train.json")).toEqual([]);
    expect(ids(read("We evaluated on https://huggingface.co/datasets/org/alpha after training."))).toEqual(
      [],
    );
  });

  it("drops a closing note by index", () => {
    expect(withoutTrailingNote("OPUS-100 (Helsinki-NLP) ")).toBe("OPUS-100");
    expect(withoutTrailingNote("BELLE（中文）")).toBe("BELLE");
    expect(withoutTrailingNote("(only a note)")).toBe("(only a note)");
    expect(withoutTrailingNote(`x (${"a".repeat(100)})`)).toBe(`x (${"a".repeat(100)})`);
  });
});
