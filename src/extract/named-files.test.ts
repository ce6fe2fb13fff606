/**
 * Files of one run that only a card's words join: the training script or recipe it names by file name, a stage's
 * settings in a folder it names, and a local base folder linked to the Hub base the card names (dev
 * c-fld-ko-denji-lora-run, b-long-hermes-7b-sft-dpo, c-ne-zh-anima33b-qlora-dpo).
 */
import { describe, expect, it } from "vitest";
import { extractGroups } from "./extract-from-files.js";
import { mentionsIn } from "./named-files.js";

const recipe = (base: string, lr = "2e-4") =>
  `base_model: ${base}\nadapter: lora\nlora_r: 16\nlearning_rate: ${lr}\nnum_epochs: 2\ndatasets:\n  - path: tatsu-lab/alpaca\n    type: alpaca\n`;

const CARD = [
  "# Cat chat",
  "",
  "Base model: [meta-llama/Llama-2-7b-chat-hf](https://huggingface.co/meta-llama/Llama-2-7b-chat-hf)",
  "(downloaded locally, then fine-tuned with LoRA).",
  "",
  "Training: `axolotl train lora.yml` (see [the config](configs/lora.yml)).",
  "",
].join("\n");

describe("what a card names", () => {
  it("reads file names and folders, not web addresses", () => {
    const m = mentionsIn(
      "Run `python train.py` or ./scripts/run_sft.sh; hyperparameters in `SFT` & `DPO`.\nhttps://huggingface.co/a/b/tree/main/x.json",
    );
    expect(m.files).toEqual(["train.py", "scripts/run_sft.sh"]);
    expect(m.folders).toEqual(expect.arrayContaining(["scripts", "sft", "dpo"]));
    expect(m.files.some((f) => f.includes("huggingface"))).toBe(false);
  });
});

describe("a card and the files it names are one run", () => {
  it("joins the named recipe; its local base is the card's Hub base, inferred by the same-name rule", () => {
    const r = extractGroups([
      { path: "README.md", text: CARD },
      { path: "configs/lora.yml", text: recipe("/home/u/models/Llama-2-7b-chat-hf") },
    ]);
    expect(r.documents).toHaveLength(1);
    const doc = r.documents[0]?.document;
    expect(doc?.steps).toHaveLength(1);
    expect(doc?.bases.map((b) => b.id)).toEqual(["meta-llama/Llama-2-7b-chat-hf"]);
    const prov = doc?.bases[0]?.provenance;
    expect(prov?.source).toBe("inferred");
    expect(prov?.confidence).toBe(0.7);
    expect(prov?.note).toContain("same name");
    expect(r.documents[0]?.warnings.some((w) => w.code === "extract.conflict")).toBe(false);
  });

  it("a shortened folder name links at 0.6; an unrelated or generic folder is kept apart from the Hub id", () => {
    const short = extractGroups([
      { path: "README.md", text: CARD },
      { path: "configs/lora.yml", text: recipe("/mnt/models/llama-7b") },
    ]);
    expect(short.documents[0]?.document.bases[0]?.provenance?.confidence).toBe(0.6);
    const generic = extractGroups([
      { path: "README.md", text: CARD },
      { path: "configs/lora.yml", text: recipe("/mnt/models/checkpoint-500") },
    ]);
    expect(generic.documents).toHaveLength(1);
    expect(generic.documents[0]?.warnings.some((w) => w.code === "extract.conflict")).toBe(true);
  });

  it("a card that names several recipes of one objective joins none of them", () => {
    const card =
      "# Examples\n\nThis model is a fine-tuned version of [meta-llama/Llama-2-7b-chat-hf](https://huggingface.co/meta-llama/Llama-2-7b-chat-hf), trained with SFT.\n\nRun `a.yml` or `b.yml`.\n";
    const r = extractGroups([
      { path: "README.md", text: card },
      { path: "a.yml", text: recipe("Qwen/Qwen2.5-7B") },
      { path: "b.yml", text: recipe("google/gemma-2-2b") },
    ]);
    expect(r.documents).toHaveLength(3);
    expect(r.warnings.some((w) => w.code === "extract.unrelated")).toBe(true);
  });

  it("a recipe the card does not name stays apart (unrelated files exit 1)", () => {
    const r = extractGroups([
      { path: "README.md", text: CARD.replace(/Training:.*\n/, "") },
      { path: "other/lora.yml", text: recipe("Qwen/Qwen2.5-7B") },
    ]);
    expect(r.documents).toHaveLength(2);
  });
});

describe("a stage's settings below the card that names its folder", () => {
  const card = [
    "# Hermes",
    "",
    "A fine-tuned version of [Mistral-7b](https://huggingface.co/mistralai/Mistral-7B-v0.1).",
    "",
    "- SFT: [Ultrachat](https://huggingface.co/datasets/stingning/ultrachat)",
    "",
    "Hyperparameters are in the README of each folder: `SFT`.",
    "",
  ].join("\n");
  const stage =
    "#### Supervised Fine-Tuning Hyperparameters\n\nThe following hyperparameters were used during Supervised Fine-tuning:\n\n|Hyperparameter|Value|\n|---|---|\n|learning rate|5e-7|\n|epoch|1|\n";

  it("joins a model-less stage README to the card that names its folder, on the card's step", () => {
    const r = extractGroups([
      { path: "SFT/README.md", text: stage },
      { path: "README.md", text: card },
    ]);
    expect(r.documents).toHaveLength(1);
    const steps = r.documents[0]?.document.steps ?? [];
    expect(steps).toHaveLength(1);
    expect(steps[0]?.inputs?.models?.[0]?.id).toBe("mistralai/Mistral-7B-v0.1");
    expect(steps[0]?.hyperparameters?.learningRate).toBe(5e-7);
  });

  it("keeps it apart when the card does not name the folder", () => {
    const r = extractGroups([
      { path: "SFT/README.md", text: stage },
      { path: "README.md", text: card.replace("`SFT`", "the sub-folders") },
    ]);
    expect(r.documents).toHaveLength(2);
  });
});

describe("an examples README that names recipes of several objectives", () => {
  it("joins none of the recipes on models it does not name; the recipes stay unrelated", () => {
    const card = [
      "# Examples",
      "",
      "Supervised fine-tuning with SFT: `examples/sft.yaml`. DPO training: `examples/dpo.yaml`.",
      "",
    ].join("\n");
    const dpo =
      "model_name_or_path: Qwen/Qwen2.5-7B\nstage: dpo\nfinetuning_type: lora\ndataset: dpo_en_demo\n";
    const sft =
      "model_name_or_path: google/gemma-2-2b\nstage: sft\nfinetuning_type: lora\ndataset: alpaca_en_demo\n";
    const r = extractGroups([
      { path: "README.md", text: card },
      { path: "examples/sft.yaml", text: sft },
      { path: "examples/dpo.yaml", text: dpo },
    ]);
    const joined = r.documents.map((d) => d.document.provenance?.file);
    expect(joined).toEqual(["README.md", "examples/sft.yaml", "examples/dpo.yaml"]);
  });
});

describe("a program the card names brings the one command file that runs it", () => {
  const card = "# Taiwan chat\n\nThe main training script is `train_qlora.py`, fine-tuned with QLoRA.\n";
  const program =
    'from peft import LoraConfig\nfrom transformers import Trainer, BitsAndBytesConfig\nimport argparse\np = argparse.ArgumentParser()\np.add_argument("--model_name_or_path")\np.add_argument("--lora_r", type=int)\nargs = p.parse_args()\nbnb = BitsAndBytesConfig(load_in_4bit=True)\ncfg = LoraConfig(r=args.lora_r)\ntrainer = Trainer(model=None)\ntrainer.train()\n';
  const run = (model: string) =>
    `python train_qlora.py \\\n    --lora_r=4 \\\n    --num_train_epochs=1 \\\n    --model_name_or_path="${model}"\n`;

  it("joins card, program and its one runner into one document", () => {
    const quoting = `${card}\n\`\`\`bash\n${run("./Taiwan-LLM-7B-v2.0-chat")}\`\`\`\n`;
    const r = extractGroups([
      { path: "README.md", text: quoting },
      { path: "train_qlora.py", text: program },
      { path: "train_qlora.sh", text: run("./Taiwan-LLM-7B-v2.0-chat") },
    ]);
    expect(r.documents).toHaveLength(1);
    expect(r.documents[0]?.document.steps).toHaveLength(1);
    expect(r.documents[0]?.document.provenance?.file).toContain("train_qlora.sh");
  });

  it("a program whose one command file took its step is named through that file", () => {
    const says = `${card}\nThis model is a fine-tuned version of [meta-llama/Llama-2-7b-hf](https://huggingface.co/meta-llama/Llama-2-7b-hf).\n`;
    const r = extractGroups([
      { path: "dpo/README.md", text: says },
      { path: "dpo/train_qlora.py", text: program },
      { path: "dpo/train_qlora.sh", text: run("./models/my-base") },
    ]);
    expect(r.documents).toHaveLength(1);
    expect(r.documents[0]?.document.provenance?.file).toContain("train_qlora.sh");
  });

  it("keeps two runners of one program apart: two runs", () => {
    const r = extractGroups([
      { path: "README.md", text: card },
      { path: "train_qlora.py", text: program },
      { path: "run_7b.sh", text: run("meta-llama/Llama-2-7b-hf") },
      { path: "run_13b.sh", text: run("meta-llama/Llama-2-13b-hf") },
    ]);
    expect(r.documents).toHaveLength(3);
  });
});

describe("a card that names no model and the one recipe beside it", () => {
  const card = "# Law assistant\n\nWe fine-tuned the model with DPO on our preference pairs.\n";
  const dpo =
    "model_name_or_path: Qwen/Qwen2.5-7B-Instruct\nstage: dpo\nfinetuning_type: lora\ndataset: law_pairs\n";

  it("are one run, the recipe's step being the card's", () => {
    const r = extractGroups([
      { path: "README.md", text: card },
      { path: "dpo.yaml", text: dpo },
    ]);
    expect(r.documents).toHaveLength(1);
    expect(r.documents[0]?.document.steps).toHaveLength(1);
  });

  it("join nothing when two recipes sit beside the card", () => {
    const r = extractGroups([
      { path: "README.md", text: card },
      { path: "dpo.yaml", text: dpo },
      { path: "sft.yaml", text: dpo.replace("stage: dpo", "stage: sft").replace("Qwen2.5-7B", "Qwen2.5-3B") },
    ]);
    expect(r.documents).toHaveLength(3);
  });
});
