/**
 * Rules written at stop 31 from dev misses (audit dev item ncp-a1-qwen25-3b-dialogsum-peft-grpo-no-licence's
 * layout, rewritten). Each case was checked to fail without its rule.
 */
import { describe, expect, it } from "vitest";
import { extractFromFiles, extractGroups } from "./extract-from-files.js";
import { isSettingsTextName } from "./python-files.js";
import { downloadedRepo } from "./python-scan.js";

const train = (download: string) => `from modelscope import snapshot_download
from transformers import AutoModelForCausalLM, AutoTokenizer, Trainer, TrainingArguments
from peft import LoraConfig, get_peft_model

model_name = ${download}
tokenizer = AutoTokenizer.from_pretrained(model_name, trust_remote_code=True)
model = AutoModelForCausalLM.from_pretrained(model_name)
model = get_peft_model(model, LoraConfig(r=8, lora_alpha=16, task_type="CAUSAL_LM"))
args = TrainingArguments(output_dir="./out", learning_rate=1e-4, num_train_epochs=2)
Trainer(model=model, args=args, train_dataset=ds).train()
`;

describe("a model a training script downloads with snapshot_download", () => {
  it("is the model the script loads from the downloaded folder", () => {
    const doc = extractFromFiles([
      { path: "train.py", text: train("snapshot_download('Qwen/Qwen2.5-3B', cache_dir='./base_model')") },
    ]).document;
    expect(doc.steps[0]?.inputs?.models?.map((m) => "id" in m && m.id)).toEqual(["Qwen/Qwen2.5-3B"]);
  });

  it("reads huggingface_hub's and ModelScope's call, by position or repo_id, never a dataset download", () => {
    expect(downloadedRepo(' snapshot_download(repo_id="org/model")')).toBe("org/model");
    expect(downloadedRepo("huggingface_hub.snapshot_download('org/model', revision='main')")).toBe(
      "org/model",
    );
    expect(downloadedRepo("snapshot_download('org/data', repo_type='dataset')")).toBeUndefined();
    expect(downloadedRepo("snapshot_download(model_id)")).toBeUndefined();
    expect(downloadedRepo("snapshot_download('org/model') + '/sub'")).toBeUndefined();
  });
});

describe("a base named with its role after it", () => {
  it.each([
    ["A PLM model trained using Llama-3.1-8B-Instruct base LLM.", "meta-llama/Llama-3.1-8B-Instruct"],
    ["A model trained using Llama 3.1 8B Instruct as base LLM.", "meta-llama/Llama-3.1-8B-Instruct"],
    [
      "A model trained using meta-llama/Llama-3.1-8B-Instruct as the base LLM.",
      "meta-llama/Llama-3.1-8B-Instruct",
    ],
    ["The adapter was trained with LoRA, using Qwen/Qwen2.5-7B as the base LLM.", "Qwen/Qwen2.5-7B"],
  ])("%s", (sentence, base) => {
    const doc = extractFromFiles([{ path: "README.md", text: `# PLM\n\n${sentence}\n` }]).document;
    expect(doc.bases?.map((b) => b.id)).toEqual([base]);
  });

  it("does not read a model named beside a base it was compared with", () => {
    const doc = extractFromFiles([
      { path: "README.md", text: "# PLM\n\nWe evaluate against Llama-3.1-8B-Instruct base model on MMLU.\n" },
    ]).document;
    expect(doc.bases ?? []).toEqual([]);
  });
});

describe("a project's own settings file names its model as model_id or model_name", () => {
  it.each([
    ["model_id", "mistralai/Codestral-22B-v0.1", "train_dataset_path", "org/sql-sample"],
    ["model_name", "meta-llama/Llama-3.1-8B-Instruct", "dataset_name", "org/ko-chat"],
  ])("%s", (modelKey, model, dataKey, data) => {
    const yaml = `${modelKey}: "${model}"\n${dataKey}: "${data}"\nlearning_rate: 0.0001\nnum_train_epochs: 1\nper_device_train_batch_size: 1\n`;
    const doc = extractFromFiles([{ path: "train_config.yaml", text: yaml }]).document;
    expect(doc.steps[0]?.inputs?.models?.map((m) => "id" in m && m.id)).toEqual([model]);
    expect(doc.steps[0]?.inputs?.datasets?.map((d) => d.id)).toEqual([data]);
  });
});

describe("the settings file a training program reads", () => {
  const config = `model_id: "mistralai/Codestral-22B-v0.1"\ntrain_dataset_path: "org/sql"\nlearning_rate: 0.0001\nnum_train_epochs: 1\n`;
  const program = (how: string) => `${how}
from trl import SFTTrainer, SFTConfig
from peft import LoraConfig

def main(args):
    model = AutoModelForCausalLM.from_pretrained(args.model_id, quantization_config=bnb)
    trainer = SFTTrainer(model=model, args=SFTConfig(output_dir="out"), peft_config=LoraConfig(r=16))
    trainer.train()
`;
  it.each([
    ["its usage comment", "# torchrun --nproc_per_node=4 finetuning_script.py --config train_config.yaml"],
    ["its parser's default", 'parser.add_argument("--config", type=str, default="train_config.yaml")'],
    ["a load call", 'cfg = yaml.safe_load(open("train_config.yaml"))'],
  ])("is one run with the program (%s)", (_, how) => {
    const { documents } = extractGroups([
      { path: "finetuning_script.py", text: program(how) },
      { path: "train_config.yaml", text: config },
    ]);
    expect(documents).toHaveLength(1);
    const step = documents[0]?.document.steps[0];
    expect(step && "objective" in step ? step.objective : undefined).toBe("sft");
    expect(step?.inputs?.models?.map((m) => "id" in m && m.id)).toEqual(["mistralai/Codestral-22B-v0.1"]);
  });

  it("joins nothing when the named file is not among those read", () => {
    const { documents } = extractGroups([
      { path: "finetuning_script.py", text: program("# python finetuning_script.py --config other.yaml") },
      { path: "train_config.yaml", text: config },
    ]);
    expect(documents).toHaveLength(2);
  });
});

describe("a quantised copy said to be quantized or converted from its source", () => {
  it.each([
    ["Model: org/Model-9B-FP8, quantized from org/Model-9B-DPO.", "org/Model-9B-DPO"],
    ["GGUF files converted from meta-llama/Llama-3.1-8B-Instruct.", "meta-llama/Llama-3.1-8B-Instruct"],
  ])("%s", (sentence, source) => {
    const doc = extractFromFiles([{ path: "README.md", text: `# Copy\n\n${sentence}\n` }]).document;
    expect(doc.steps.map((s) => s.kind)).toEqual(["quantization"]);
    expect(doc.bases?.map((b) => b.id)).toEqual([source]);
  });

  it("is not read from data converted from a dataset", () => {
    const doc = extractFromFiles([
      {
        path: "README.md",
        text: "# Copy\n\nThe dataset was converted from tatsu-lab/alpaca into chat format.\n",
      },
    ]).document;
    expect(doc.steps).toEqual([]);
  });
});

describe("a shell script that runs a project's adapter-merge script", () => {
  const train = `python finetune.py --base_model meta-llama/Llama-3.1-8B-Instruct --data_path alpaca-tr.json --output_dir ./outputs/tr-lora --num_epochs 3\n`;
  it("is an adapter merge of the trained adapter into its base (flags)", () => {
    const doc = extractFromFiles([
      { path: "finetune.sh", text: train },
      {
        path: "merge.sh",
        text: "python merge.py \\\n  --base_model_name_or_path meta-llama/Llama-3.1-8B-Instruct \\\n  --peft_model_path ./outputs/tr-lora \\\n  --output_dir ./merged/tr\n",
      },
    ]).document;
    const merge = doc.steps.find((s) => s.kind === "adapter-merge");
    expect(merge?.output?.id).toBe("local:./merged/tr");
    expect(merge?.inputs?.models?.map((m) => ("id" in m ? m.id : `step:${m.step}`))).toContain(
      "local:./outputs/tr-lora",
    );
  });

  it("reads a merge-adapter script's two bare words as the adapter and the output", () => {
    const doc = extractFromFiles([
      {
        path: "Merge-13b.sh",
        text: "python ./scripts/merge_lora_weights.py \\\n./outputs/x-lora \\\n./models/x\n",
      },
    ]).document;
    expect(doc.steps.map((s) => s.kind)).toEqual(["adapter-merge"]);
    expect(doc.steps[0]?.output?.id).toBe("local:./models/x");
  });

  it("does not read a merge of whole models, nor a card's usage line, as an adapter merge", () => {
    expect(
      extractFromFiles([{ path: "run.sh", text: "python merge.py --models a/b c/d --output_dir ./m\n" }])
        .document.steps,
    ).toEqual([]);
    const card =
      "# Tool\n\nMerge your adapter:\n\n```bash\npython merge_lora.py --base_model gpt2 --lora_path ./out --output_dir ./merged\n```\n";
    expect(
      extractFromFiles([{ path: "README.md", text: card }]).document.steps.some(
        (s) => s.kind === "adapter-merge",
      ),
    ).toBe(false);
  });
});

describe("a card that names its training script and its merge script", () => {
  it("joins both: the merge is a derivation from the model the card names, not a second training run", () => {
    const run =
      "finetune.py \\\n  --model_name meta-llama/Llama-3.1-8B-Instruct \\\n  --data-path alpaca-tr.json \\\n  --learning_rate 1e-4 \\\n  --num_epochs 1 \\\n  --lora_r 8\n";
    const { documents } = extractGroups([
      {
        path: "readme.md",
        text: `# Alpaca-TR\n\nInstruction tuning on alpaca-tr.\n\n\`\`\`\npython ${run}\`\`\`\n\nor you can simply run \`finetune.sh\`.\n\n## Merge\n\n\`\`\`\nsource merge.sh\n\`\`\`\n`,
      },
      { path: "finetune.sh", text: `torchrun --nproc_per_node=8 ${run}` },
      {
        path: "merge.sh",
        text: "python merge.py --base_model_name_or_path meta-llama/Llama-3.1-8B-Instruct --peft_model_path /path/to/checkpoint --output_dir /path/to/output\n",
      },
    ]);
    expect(documents).toHaveLength(1);
    expect(documents[0]?.document.steps.map((s) => s.kind)).toEqual(["fine-tune", "adapter-merge"]);
  });
});

describe("the copy a 'quantized from' sentence names first", () => {
  it("is the quantisation's output", () => {
    const doc = extractFromFiles([
      {
        path: "README.md",
        text: "# Report\n\nModel: [org/Model-9B-FP8](https://huggingface.co/org/Model-9B-FP8),\nquantized from [org/Model-9B](https://huggingface.co/org/Model-9B) with llm-compressor.\n",
      },
    ]).document;
    expect(doc.steps[0]?.output?.id).toBe("org/Model-9B-FP8");
    expect(doc.subject.id).toBe("org/Model-9B-FP8");
  });
});

describe("a run's saved settings written as key: value lines in run_config.txt", () => {
  it("names its model as modelname", () => {
    const text =
      "batch_size: 25\nmodelname: facebook/nllb-200-distilled-600M\nnum_epochs: 12\nwarmup_steps: 110\n";
    const doc = extractFromFiles([{ path: "run_config.txt", text }]).document;
    expect(doc.steps[0]?.inputs?.models?.map((m) => "id" in m && m.id)).toEqual([
      "facebook/nllb-200-distilled-600M",
    ]);
  });

  it("is collected from a folder by its name", () => {
    expect(isSettingsTextName("checkpoints/run_config.txt")).toBe(true);
    expect(isSettingsTextName("notes.txt")).toBe(false);
  });
});

describe("a card that says its model was fine-tuned with a named method, naming no base", () => {
  it("records the fine-tune, partial: the method is a procedure detail (the corpus guide's instance)", () => {
    const doc = extractFromFiles([
      {
        path: "README.md",
        text: "# Arabic QA\n\nThis model was fine-tuned with QLoRA on our Arabic data.\n",
      },
    ]).document;
    expect(doc.steps.map((s) => (s.kind === "fine-tune" ? s.parameterization : undefined))).toEqual([
      "qlora",
    ]);
  });

  it("reads a sentence or list item that opens 'Fine-tuned with QLoRA' as the card's own training", () => {
    const doc = extractFromFiles([
      { path: "README.md", text: "# X\n\n- Fine-tuned using LoRA on customer emails\n- Rank: 8\n" },
    ]).document;
    expect(doc.steps.map((s) => (s.kind === "fine-tune" ? s.parameterization : undefined))).toEqual(["lora"]);
  });

  it("records nothing for a fine-tune with no procedure, or one the reader may do", () => {
    for (const text of [
      "# X\n\nFine-tuned for our use case.\n",
      "# X\n\nYou can fine-tune this model with LoRA.\n",
    ])
      expect(extractFromFiles([{ path: "README.md", text }]).document.steps).toEqual([]);
  });
});

describe("a training function's parameter defaults", () => {
  it("name the model and data the function loads", () => {
    const code = `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments
from datasets import load_dataset

def main(model_name: str = "Qwen/Qwen2.5-1.5B-Instruct", data="org/chat-data"):
    model = AutoModelForCausalLM.from_pretrained(model_name)
    ds = load_dataset(data)
    Trainer(model=model, args=TrainingArguments(output_dir="out", learning_rate=2e-5), train_dataset=ds["train"]).train()
`;
    const doc = extractFromFiles([{ path: "train.py", text: code }]).document;
    expect(doc.steps[0]?.inputs?.models?.map((m) => "id" in m && m.id)).toEqual([
      "Qwen/Qwen2.5-1.5B-Instruct",
    ]);
    expect(doc.steps[0]?.inputs?.datasets?.map((d) => d.id)).toEqual(["org/chat-data"]);
  });
});

describe("an adapter card whose body is its base model's own card", () => {
  it("is read by its front matter only: the base's training and usage are not the adapter's", () => {
    const card = `---
base_model: ../models/Qwen2-0.5B-Instruct
library_name: peft
tags:
- lora
---

# Qwen2-0.5B-Instruct

## Training details
We pretrained the models with a large amount of data, and we post-trained the models with both supervised finetuning and direct preference optimization.

## Quickstart
\`\`\`python
model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2-0.5B-Instruct")
\`\`\`
`;
    const { document, warnings } = extractFromFiles([{ path: "output/final_model/README.md", text: card }]);
    expect(document.subject.id).toBe("unknown");
    expect(document.steps.map((s) => (s.kind === "fine-tune" ? s.objective : s.kind))).toEqual([undefined]);
    expect(warnings.map((w) => w.code)).toContain("extract.base-card");
  });
});

describe("load_dataset's data_files given as a dict or a one-file list", () => {
  it.each([
    ['{"train": "../data/train.jsonl", "validation": "../data/dev.jsonl"}', "local:../data/train.jsonl"],
    ['dict(train="data/train.json")', "local:data/train.json"],
    ['["data/all.jsonl"]', "local:data/all.jsonl"],
  ])("%s", (files, id) => {
    const code = `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments
from datasets import load_dataset
model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2-0.5B-Instruct")
ds = load_dataset("json", data_files=${files})
Trainer(model=model, args=TrainingArguments(output_dir="out"), train_dataset=ds["train"]).train()
`;
    const doc = extractFromFiles([{ path: "train.py", text: code }]).document;
    expect(doc.steps[0]?.inputs?.datasets?.map((d) => d.id)).toEqual([id]);
  });
});
