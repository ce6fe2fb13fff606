/** Datasets loaded by the training code a card quotes (snippets written for the test, TRL-tutorial style). */
import { describe, expect, it } from "vitest";
import { readWith } from "./_test-card.js";
import { codeDatasets, readDatasetCode } from "./dataset-code.js";

const fence = (code: string, heading = "## Training") => `${heading}\n\n\`\`\`python\n${code}\n\`\`\``;

describe("dataset code", () => {
  it("reads load_dataset and dataset_name in code that trains", () => {
    const code = [
      'dataset = load_dataset("org/alpha", split="train")',
      'eval_ds = load_dataset("org/beta", split="train")',
      'test = load_dataset("org/gamma", split="test")',
      'raw = load_dataset("json", data_files="data/train.jsonl")',
      'dataset_name = "org/delta"',
      "trainer = SFTTrainer(model=model, train_dataset=dataset)",
    ].join("\n");
    expect(codeDatasets(code)).toEqual([
      { id: "org/alpha", offset: 0 },
      { id: "org/delta", offset: 4 },
    ]);
    const state = readWith(readDatasetCode, fence(code));
    expect(state.proseDatasets.map((d) => [d.value, d.source.line])).toEqual([
      ["org/alpha", 4],
      ["org/delta", 8],
    ]);
  });

  it("does not read code that does not train, or code in usage and evaluation sections", () => {
    expect(codeDatasets('ds = load_dataset("org/alpha")\nprint(model.generate(ds[0]))')).toEqual([]);
    const code = 'ds = load_dataset("org/alpha")\ntrainer = Trainer(model=m, train_dataset=ds)';
    expect(readWith(readDatasetCode, fence(code, "## Evaluation")).proseDatasets).toEqual([]);
    expect(readWith(readDatasetCode, fence(code, "## Usage")).proseDatasets).toEqual([]);
    expect(readWith(readDatasetCode, `## Training\n\n\`\`\`bash\n${code}\n\`\`\``).proseDatasets).toEqual([]);
  });
});
