/** Stated chain rules: a hollow first step before a named start, and a local root the run's card names. */
import { describe, expect, it } from "vitest";
import { localRootNamedByCard, withoutHollowFirstStep } from "./chain-rules.js";
import { emptyStep, extracted, type FileFacts, fact } from "./facts.js";

const card = extracted("README.md");
const script = extracted("run_dpo.sh");

describe("a hollow first step", () => {
  it("is dropped when the next step starts from a Hub model another file names", () => {
    const sft = emptyStep("fine-tune", card);
    sft.objective = fact("sft", card);
    const dpo = emptyStep("fine-tune", card);
    dpo.objective = fact("dpo", card);
    dpo.inputs.push(fact({ id: "org/sft-model" }, script));
    const chain = [sft, dpo];
    withoutHollowFirstStep(chain);
    expect(chain).toEqual([dpo]);
  });

  it("is kept when it names data, or when the next start is the same file's word or a local folder", () => {
    const sft = emptyStep("fine-tune", card);
    sft.objective = fact("sft", card);
    const dpo = emptyStep("fine-tune", card);
    dpo.inputs.push(fact({ id: "org/sft-model" }, card));
    const same = [sft, dpo];
    withoutHollowFirstStep(same);
    expect(same).toHaveLength(2);
    dpo.inputs[0] = fact({ id: "local:./out/sft" }, script);
    withoutHollowFirstStep(same);
    expect(same).toHaveLength(2);
    dpo.inputs[0] = fact({ id: "org/sft-model" }, script);
    sft.datasets.push(fact({ id: "HuggingFaceH4/ultrachat_200k" }, card));
    withoutHollowFirstStep(same);
    expect(same).toHaveLength(2);
  });
});

describe("a local root the card names on the Hub", () => {
  it("becomes the Hub id, inferred, only when the card names one linked model", () => {
    const step = emptyStep("fine-tune", script);
    step.inputs.push(fact({ id: "local:/models/Qwen2.5-7B-Instruct" }, script));
    const files: FileFacts[] = [
      {
        file: "README.md",
        kind: "model-card",
        bases: [fact("Qwen/Qwen2.5-7B-Instruct", card)],
        steps: [],
        warnings: [],
      },
    ];
    localRootNamedByCard([step], files);
    expect(step.inputs[0]?.value.id).toBe("Qwen/Qwen2.5-7B-Instruct");
    expect(step.inputs[0]?.source).toMatchObject({ source: "inferred", confidence: 0.7 });
    expect(step.notes).toContain("loaded from local:/models/Qwen2.5-7B-Instruct");
    const other = emptyStep("fine-tune", script);
    other.inputs.push(fact({ id: "local:/models/llama-7b" }, script));
    localRootNamedByCard([other], files);
    expect(other.inputs[0]?.value.id).toBe("local:/models/llama-7b");
  });
});
