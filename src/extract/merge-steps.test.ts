/** What two files of one run say about one step: the same local data file written two ways is one dataset. */
import { describe, expect, it } from "vitest";
import { emptyStep, extracted, fact } from "./facts.js";
import { mergeStepInto } from "./merge-steps.js";

describe("merging a step's datasets", () => {
  it("keeps one local file named by the card and the script, as the script's local reference", () => {
    const card = emptyStep("fine-tune", extracted("README.md"));
    card.datasets.push(fact({ id: "/data/denji.jsonl" }, extracted("README.md")));
    const script = emptyStep("fine-tune", extracted("train.py"));
    script.datasets.push(fact({ id: "local:data/denji.jsonl" }, extracted("train.py")));
    mergeStepInto(card, script, []);
    expect(card.datasets.map((d) => d.value.id)).toEqual(["local:data/denji.jsonl"]);
  });

  it("keeps two Hub datasets that share a name under different orgs apart", () => {
    const a = emptyStep("fine-tune", extracted("README.md"));
    a.datasets.push(fact({ id: "tatsu-lab/alpaca" }, extracted("README.md")));
    const b = emptyStep("fine-tune", extracted("train.py"));
    b.datasets.push(fact({ id: "yahma/alpaca" }, extracted("train.py")));
    mergeStepInto(a, b, []);
    expect(a.datasets).toHaveLength(2);
  });
});

describe("merging a step's input model", () => {
  it("keeps the first model on a conflict and says so; links a local folder to a Hub id of the same name", () => {
    const card = emptyStep("fine-tune", extracted("README.md"));
    card.inputs.push(fact({ id: "timdettmers/guanaco-33b" }, extracted("README.md", { confidence: 0.8 })));
    const script = emptyStep("fine-tune", extracted("run.sh"));
    script.inputs.push(fact({ id: "timdettmers/guanaco-33b-merged" }, extracted("run.sh")));
    const warnings: { code: string; message: string }[] = [];
    mergeStepInto(card, script, warnings);
    expect(card.inputs[0]?.value.id).toBe("timdettmers/guanaco-33b");
    expect(warnings[0]?.message).toMatch(/kept timdettmers\/guanaco-33b \(first\)$/);
    const local = emptyStep("fine-tune", extracted("train.py"));
    local.inputs.push(fact({ id: "local:/models/guanaco-33b" }, extracted("train.py")));
    const before = warnings.length;
    mergeStepInto(card, local, warnings);
    expect(warnings).toHaveLength(before);
    expect(card.inputs[0]?.source).toMatchObject({ source: "inferred", confidence: 0.7 });
    expect(card.notes).toContain("loaded from local:/models/guanaco-33b");
  });
});
