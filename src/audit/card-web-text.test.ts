import { describe, expect, it } from "vitest";
import type { LineageDocument } from "../schema/lineage.js";
import { auditLineage } from "./audit-lineage.js";
import { withProseDatasets } from "./card-datasets.js";
import { webTextInProse } from "./card-web-text.js";

const ids = (body: string): string[] => webTextInProse(body).map((d) => d.id);

const doc = (datasets: { id: string; license?: string }[]): LineageDocument => ({
  format: "ftl/v1",
  subject: { id: "org/gpt2-wiki", license: "mit" },
  bases: [{ id: "openai-community/gpt2-medium" }],
  steps: [
    {
      id: "sft",
      kind: "fine-tune",
      inputs: { models: [{ id: "openai-community/gpt2-medium" }], datasets },
      output: { id: "org/gpt2-wiki" },
    },
  ],
});

describe("website text a card names as training data", () => {
  it("reads it after 'fine-tuned … on' (audit dev sha-y2, sha-u5)", () => {
    expect(
      ids(
        "This project demonstrates how to fine-tune **GPT-2 (medium)** on a custom dataset of Wikipedia articles.",
      ),
    ).toEqual(["wikipedia"]);
    expect(
      ids("Phi-3-mini fine-tuned on 300 Kubernetes Q&A samples from Stack Overflow using QLoRA."),
    ).toEqual(["stackexchange"]);
  });

  it("reads it in a data section and in a table whose header names data (audit dev ckip, atom, SeaLLM)", () => {
    const table =
      "### 預訓練資料\n\n| 資料集 | 檔案大小 |\n| :--- | :---: |\n| [中文維基百科](https://dumps.wikimedia.org/zhwiki/) | 1.4G |";
    expect(ids(table)).toEqual(["wikipedia"]);
    expect(
      ids(
        "## Notes\n\n| Source | Size |\n| --- | --- |\n| [Wikipedia](https://github.com/goldsmith/Wikipedia) | 2G |",
      ),
    ).toEqual(["wikipedia"]);
    expect(
      ids(
        "### Pre-training Data\n\nweb texts, academic articles, and texts with expert knowledge (e.g., Wikipedia).",
      ),
    ).toEqual(["wikipedia"]);
  });

  it("does not read a link to the site, an evaluation, retrieval or bias sentence, code, or a mention outside data", () => {
    expect(ids("## Data\n\nSee [LoRA](https://en.wikipedia.org/wiki/Low-rank_adaptation).")).toEqual([]);
    expect(ids("## Dataset\n\n![x](https://upload.wikimedia.org/wikipedia/commons/a.png)")).toEqual([]);
    expect(ids("## Training data\n\nThe dataset may also reflect biases found in Wikipedia.")).toEqual([]);
    expect(ids("## Training data\n\nWe evaluated on Wikipedia questions.")).toEqual([]);
    expect(ids("## Data collection\n\n```\npython collect.py $key stackoverflow &\n```")).toEqual([]);
    expect(ids("## Usage\n\nChatDoctor can look things up in Wikipedia.")).toEqual([]);
    expect(ids("## Evaluation data\n\n| Dataset | Score |\n| --- | --- |\n| Wikipedia QA | 71 |")).toEqual(
      [],
    );
    expect(ids("## Datasets\n\n| Dataset | Accuracy |\n| --- | --- |\n| Wikipedia QA | 71 |")).toEqual([]);
  });

  it("goes to a step whose data have no known licence, never over data whose licence is known", () => {
    const body = "Fine-tune GPT-2 on a custom dataset of Wikipedia articles.";
    const local = withProseDatasets(doc([{ id: "train.txt" }]), body);
    expect(local.doc.steps[0]?.inputs?.datasets?.map((d) => d.id)).toEqual(["train.txt", "wikipedia"]);
    expect(local.doc.steps[0]?.inputs?.datasets?.[1]?.provenance?.source).toBe("inferred");
    expect(withProseDatasets(doc([{ id: "train.txt", license: "mit" }]), body).added).toEqual([]);
    expect(withProseDatasets(doc([{ id: "tatsu-lab/alpaca" }]), body).added).toEqual([]);
  });

  it("makes the audit warn that the site's share-alike terms may reach the model", async () => {
    const report = await auditLineage(doc([{ id: "train.txt" }]), {
      cardText: "# GPT-2 on Wikipedia\n\nFine-tune GPT-2 on a custom dataset of Wikipedia articles.",
    });
    const sa = report.findings.find((f) => f.code === "share-alike");
    expect(sa?.message).toContain("wikipedia");
    expect(sa?.license).toBe("cc-by-sa-4.0");
    expect(report.verdict.level).toBe("allowed-with-warnings");
  });
});
