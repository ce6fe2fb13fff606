/** Datasets named only in words: resolved through the table in training sentences, never in evaluation ones. */
import { describe, expect, it } from "vitest";
import { resolveKnownDataset } from "../../model/known-datasets.js";
import type { CardState } from "../card-body.js";
import { readWith } from "./_test-card.js";
import { namedDatasets, readNamedDatasets } from "./named-datasets.js";

const ids = (s: CardState) => s.proseDatasets.map((d) => [d.value, d.source.source]);
const read = (text: string) => readWith(readNamedDatasets, text);

describe("named datasets", () => {
  it("resolves names written in words in sentences about training", () => {
    expect(
      ids(read("We fine-tuned the model on the Databricks Dolly 15k instruction dataset for two epochs.")),
    ).toEqual([["databricks/databricks-dolly-15k", "inferred"]]);
    expect(namedDatasets("The model was trained on ShareGPT conversations and OpenOrca.")).toEqual([
      { id: "anon8231489123/ShareGPT_Vicuna_unfiltered", name: "ShareGPT" },
      { id: "Open-Orca/OpenOrca", name: "OpenOrca" },
    ]);
    expect(namedDatasets("Training data: UltraChat-200k.").map((f) => f.id)).toEqual([
      "HuggingFaceH4/ultrachat_200k",
    ]);
  });

  it("records the confidence, the quote and the table's source", () => {
    const d = read("Fine-tuned using the Anthropic HH-RLHF data.").proseDatasets[0];
    expect(d?.value).toBe("Anthropic/hh-rlhf");
    expect(d?.source.confidence).toBe(0.7);
    expect(d?.source.note).toContain("Fine-tuned using the Anthropic HH-RLHF data.");
    expect(d?.source.note).toContain("https://huggingface.co/datasets/Anthropic/hh-rlhf");
  });

  it("reads training words of other languages", () => {
    expect(namedDatasets("我们使用 OpenOrca 数据进行了指令微调。").map((f) => f.id)).toEqual([
      "Open-Orca/OpenOrca",
    ]);
  });

  it("does not read evaluation, formats, likeness, longer tokens or Hub links", () => {
    expect(namedDatasets("After training, we evaluated the model on GSM8K and SQuAD.")).toEqual([]);
    expect(namedDatasets("The training data was converted to the Alpaca format.")).toEqual([]);
    expect(namedDatasets("Os dados de treino usam o template (Alpaca) no fine-tuning.")).toEqual([]);
    expect(namedDatasets("Trained on alpaca_data.json and Alpaca-Chinese.")).toEqual([]);
    expect(namedDatasets("这是中文LLaMA&Alpaca大模型的第二期项目，使用中文数据进行训练。")).toEqual([]);
    expect(namedDatasets("The training code follows the Stanford Alpaca project.")).toEqual([]);
    expect(namedDatasets("We fine-tuned it on data similar to UltraFeedback.")).toEqual([]);
    expect(ids(read("Trained on [OpenOrca](https://huggingface.co/datasets/Open-Orca/SlimOrca)."))).toEqual(
      [],
    );
    expect(ids(read("## Evaluation\n\nFine-tuned checkpoints were scored on OpenOrca."))).toEqual([]);
  });

  it("reads the wider table (chat, preference, other languages) but not a trainer's underscore keys", () => {
    expect(namedDatasets("We fine-tuned on KoAlpaca v1.1a and KULLM v2.").map((f) => f.id)).toEqual([
      "beomi/KoAlpaca-v1.1a",
      "nlpai-lab/kullm-v2",
    ]);
    expect(namedDatasets("DPO training used UltraFeedback binarized and HH-RLHF.").map((f) => f.id)).toEqual([
      "HuggingFaceH4/ultrafeedback_binarized",
      "Anthropic/hh-rlhf",
    ]);
    expect(namedDatasets("Trained on ru_turbo_saiga.").map((f) => f.id)).toEqual([
      "IlyaGusev/ru_turbo_saiga",
    ]);
    expect(namedDatasets("Trained with dataset alpaca_gpt4_zh and code_alpaca.")).toEqual([]);
  });

  it("does not resolve a known name followed by a qualifier naming a part or variant", () => {
    expect(namedDatasets("A reranker fine-tuned on the MS MARCO passage dataset for 10k steps.")).toEqual([]);
    expect(namedDatasets("Fine-tuned on the Alpaca instruction dataset.").map((f) => f.id)).toEqual([
      "tatsu-lab/alpaca",
    ]);
  });

  it("reads unaccented German, Spanish and Portuguese training words, and the training clause beside an evaluation", () => {
    const ids = (t: string) => namedDatasets(t).map((f) => f.id);
    expect(ids("Das Modell wurde auf OpenSchnabeltier feinabgestimmt.")).toEqual(["LeoLM/OpenSchnabeltier"]);
    expect(ids("El modelo fue entrenado con alpaca-spanish.")).toEqual(["bertin-project/alpaca-spanish"]);
    expect(ids("O modelo foi treinado com o dataset alpaca-data-pt-br.")).toEqual([
      "dominguesm/alpaca-data-pt-br",
    ]);
    expect(ids("Trained with SFT on MetaMathQA, then evaluated on GSM8K.")).toEqual(["meta-math/MetaMathQA"]);
    expect(ids("Compared with models trained on OpenOrca, ours scores higher on GSM8K.")).toEqual([]);
  });

  it("does not read a sentence that says nothing of training", () => {
    expect(namedDatasets("OpenOrca is a popular collection of augmented FLAN data.")).toEqual([]);
  });

  it("never gives an id outside the table", () => {
    expect(resolveKnownDataset("My private instructions")).toBeUndefined();
    expect(resolveKnownDataset("ultrachat_200k")).toBe("HuggingFaceH4/ultrachat_200k");
    expect(namedDatasets("Fine-tuned on the Acme Support Tickets dataset.")).toEqual([]);
  });
});
