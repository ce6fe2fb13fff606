/** Placing a card's datasets on its steps: metadata ids replace prose names, but never each other. */
import { describe, expect, it } from "vitest";
import { assignDatasets, sameDataset } from "./card-datasets.js";
import { emptyStep, extracted, type FileFacts, fact } from "./facts.js";

const prov = extracted("README.md", { field: "datasets" });
const out = (): FileFacts => ({ file: "README.md", kind: "model-card", bases: [], steps: [], warnings: [] });

describe("assignDatasets", () => {
  it("keeps two metadata ids whose names share a prefix as two datasets", () => {
    const step = emptyStep("fine-tune", prov);
    const ids = ["m-a-p/CodeFeedback-Filtered-Instruction", "m-a-p/Code-Feedback"];
    assignDatasets([step], ids, [], prov, out());
    expect(step.datasets.map((d) => d.value.id)).toEqual(ids);
  });

  it("lets a metadata id replace the prose name it matches", () => {
    const step = emptyStep("fine-tune", prov);
    step.datasets.push(fact({ id: "stingning/ultrachat" }, extracted("README.md", { line: 3 })));
    assignDatasets([step], ["HuggingFaceH4/ultrachat_200k"], [], prov, out());
    expect(step.datasets.map((d) => d.value.id)).toEqual(["HuggingFaceH4/ultrachat_200k"]);
    expect(sameDataset("ultrachat", "ultrachat_200k")).toBe(true);
  });

  it("keeps two prose names where one begins with the other (DISC-Law, DISC-LawQA)", () => {
    const step = emptyStep("fine-tune", prov);
    const named = ["DISC-Law", "DISC-LawQA", "disc_law"].map((n) =>
      fact(n, extracted("README.md", { line: 9 })),
    );
    assignDatasets([step], [], named, prov, out());
    expect(step.datasets.map((d) => d.value.id)).toEqual(["DISC-Law", "DISC-LawQA"]);
  });
});
