/**
 * Local data files named as a card's dataset (dev g-card-llama3-8b-job-skills-lora,
 * p-card-fintherapy-poro2-8b-finnish-lora), and the sentences and files that are not training data.
 */
import { describe, expect, it } from "vitest";
import { extractFromFiles } from "../extract-from-files.js";
import { dataFilesIn } from "./dataset-files.js";

const HEAD = "# Helper\n\nThis model is a LoRA fine-tune of meta-llama/Llama-3.2-1B.\n\n";
const datasets = (body: string, head = HEAD) =>
  extractFromFiles([{ path: "README.md", text: `${head}${body}\n` }]).document.steps.flatMap((s) =>
    "inputs" in s ? (s.inputs?.datasets ?? []).map((d) => d.id) : [],
  );

describe("data files named as the dataset", () => {
  it("reads a data file a sentence names as the training data", () => {
    expect(datasets("The training data is stored in `data/train.jsonl`.")).toEqual(["data/train.jsonl"]);
    expect(datasets("We fine-tuned it on our custom dataset (`tickets.jsonl`, 5k examples).")).toEqual([
      "tickets.jsonl",
    ]);
    expect(datasets("- A dataset of job postings was structured into `job_skills.jsonl`.")).toEqual([
      "job_skills.jsonl",
    ]);
  });

  it("joins a directory listing's folder with its file", () => {
    expect(datasets("- `data/`: The training dataset (`train.jsonl`) and `valid.jsonl`.")).toEqual([
      "data/train.jsonl",
    ]);
  });

  it("leaves out evaluation, outputs, instructions to the reader, examples and paths", () => {
    expect(dataFilesIn("The evaluation dataset is eval.jsonl.")).toEqual([]);
    expect(dataFilesIn("The dataset scores are in results.json.")).toEqual([]);
    expect(dataFilesIn("Put your dataset in data/my_data.jsonl to fine-tune your own model.")).toEqual([]);
    expect(
      dataFilesIn("The dataset should be formatted like example.jsonl, e.g. one line per pair."),
    ).toEqual([]);
    expect(dataFilesIn("ResourceWarning: /dataset/school-math.py name='belleMath-train.json'")).toEqual([]);
    expect(datasets("## Evaluation\n\nWe used the dataset `heldout.jsonl`.")).toEqual([]);
  });

  it("reads nothing in a card that states no training, or whose data another reader found", () => {
    expect(datasets("The dataset is in `data/train.jsonl`.", "# Helper\n\nA chat model.\n\n")).toEqual([]);
    expect(
      datasets(
        "Fine-tuned on [tatsu-lab/alpaca](https://huggingface.co/datasets/tatsu-lab/alpaca), converted to the dataset file `alpaca.json`.",
      ),
    ).toEqual(["tatsu-lab/alpaca"]);
  });
});
