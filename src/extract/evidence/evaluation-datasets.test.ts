/** Metadata datasets the card reserves for evaluation are not training data. */
import { describe, expect, it } from "vitest";
import { cardBlocks } from "./_test-card.js";
import { dropEvaluationDatasets, evaluationOnlyDatasets } from "./evaluation-datasets.js";

const evalOnly = (text: string, ids: string[]) => evaluationOnlyDatasets(cardBlocks(text), ids);

describe("evaluation-only datasets", () => {
  it("finds a listed dataset the card says is used only for evaluation, in several languages", () => {
    const ids = ["bigbio/med_qa", "ikala/tmmluplus"];
    expect(
      evalOnly("## 資料\n\n- 訓練：`bigbio/med_qa`。\n- TMMLU+ revision `81d5` 僅用於正式評估。", ids),
    ).toEqual(["ikala/tmmluplus"]);
    expect(evalOnly("We train on MetaMathQA. GSM8K is used only for evaluation.", ["openai/gsm8k"])).toEqual([
      "openai/gsm8k",
    ]);
    expect(evalOnly("`openai/gsm8k` was not used for training.", ["openai/gsm8k"])).toEqual(["openai/gsm8k"]);
    expect(evalOnly("JGLUE は評価のみに使用しました。", ["shunk031/JGLUE"])).toEqual(["shunk031/JGLUE"]);
  });

  it("keeps datasets the sentence does not name, and sentences that do not say evaluation only", () => {
    expect(evalOnly("GSM8K is used only for evaluation.", ["meta-math/MetaMathQA"])).toEqual([]);
    expect(evalOnly("We evaluated on GSM8K after training.", ["openai/gsm8k"])).toEqual([]);
    expect(evalOnly("```\n# gsm8k only for evaluation\n```", ["openai/gsm8k"])).toEqual([]);
  });

  it("drops them from the metadata ids with a warning", () => {
    const out = { file: "README.md", warnings: [] as { code: string; message: string }[] };
    const ids = dropEvaluationDatasets(
      cardBlocks("GSM8K is for evaluation only."),
      ["a/b", "openai/gsm8k"],
      out,
    );
    expect(ids).toEqual(["a/b"]);
    expect(out.warnings[0]?.code).toBe("card.evaluation-datasets");
  });
});
