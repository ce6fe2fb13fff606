/**
 * Rules written at stop 32 from dev misses (layouts rewritten, not copied). Each case was checked to fail without
 * its rule.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractFromFiles } from "./extract-from-files.js";
import { importGroups } from "./import-files.js";
import { parseCard } from "./markdown.js";

describe("a shell script that only downloads one quantised copy", () => {
  const script = (command: string) => `#!/usr/bin/env bash
# Fetch the quantised model for the local runner
${command} \\
    --local-dir .
`;

  it("is about that copy: a quantisation step whose output is the copy's repository", () => {
    const doc = extractFromFiles([
      {
        path: "fetch-model.sh",
        text: script("huggingface-cli download TheBloke/SomeModel-7B-GGUF somemodel.Q4_K_M.gguf"),
      },
    ]).document;
    expect(
      doc.steps.map((s) => [s.kind, s.kind === "quantization" ? s.method : undefined, s.output?.id]),
    ).toEqual([["quantization", "gguf", "TheBloke/SomeModel-7B-GGUF"]]);
    expect(doc.subject.id).toBe("TheBloke/SomeModel-7B-GGUF");
  });

  it("describes nothing when it downloads an unquantised model or several copies", () => {
    const plain = extractFromFiles([
      { path: "fetch-model.sh", text: script("huggingface-cli download someorg/SomeModel-7B") },
    ]);
    expect(plain.document.steps).toEqual([]);
    const two = extractFromFiles([
      {
        path: "fetch-models.sh",
        text: `${script("hf download TheBloke/A-7B-GGUF a.Q4_K_M.gguf")}${script("hf download TheBloke/B-7B-GGUF b.Q4_K_M.gguf")}`,
      },
    ]);
    expect(two.document.steps).toEqual([]);
  });
});

describe("an app README that links the original model and one quantised copy of it", () => {
  const readme = (original: string) => `# chat-app

A small local chat application.
${original}
Lightweight model: [SomeChat-7B - GGUF](https://huggingface.co/someorg/SomeChat-7B-gguf) runs on a laptop.

1. Download \`somechat-7b.q4_0.gguf\` from https://huggingface.co/someorg/SomeChat-7B-gguf and put it in \`models\`.
`;

  it("quantises the model its 'Original model:' line links", () => {
    const doc = extractFromFiles([
      {
        path: "README.md",
        text: readme(
          "Original model: [SomeChat-7B](https://huggingface.co/otherorg/SomeChat-7B) - a chat model.",
        ),
      },
    ]).document;
    const step = doc.steps[0];
    expect(doc.steps).toHaveLength(1);
    expect([step?.kind, step?.output?.id, step?.inputs?.models?.map((m) => "id" in m && m.id)]).toEqual([
      "quantization",
      "someorg/SomeChat-7B-gguf",
      ["otherorg/SomeChat-7B"],
    ]);
  });

  it("describes no copy when the other model is linked without that label", () => {
    const doc = extractFromFiles([
      {
        path: "README.md",
        text: readme("See also [SomeChat-7B](https://huggingface.co/otherorg/SomeChat-7B)."),
      },
    ]).document;
    expect(doc.steps.filter((s) => s.kind === "quantization")).toEqual([]);
  });
});

describe("fences indented under list items (InternLM's XTuner tutorials)", () => {
  const readme = [
    "# 个人小助手",
    "",
    "  - 准备数据",
    "",
    "     ```bash",
    "    mkdir -p datas",
    "     ```",
    "",
    "     - 准备配置文件",
    "",
    "     ```bash",
    "    xtuner copy-cfg internlm2_chat_1_8b_qlora_alpaca_e3 .",
    "     ```",
    "",
    "     - 启动微调，使用 LoRA",
    "",
    "     ```bash",
    "    xtuner train ./internlm2_chat_1_8b_qlora_alpaca_e3_copy.py",
    "     ```",
    "",
  ].join("\n");

  it("keep the list going after each fence, so later fences are read as commands", () => {
    const card = parseCard(readme, "README.md", []);
    expect(card.blocks.map((b) => b.type)).toEqual(["item", "code", "item", "code", "item", "code"]);
    const doc = extractFromFiles([{ path: "README.md", text: readme }]).document;
    expect(doc.steps.map((s) => s.kind === "fine-tune" && s.parameterization)).toEqual(["qlora"]);
  });

  it("a fence at the margin still ends the list", () => {
    const card = parseCard("- item\n\n```bash\nls\n```\n\n    indented code\n", "README.md", []);
    expect(card.blocks.map((b) => b.type)).toEqual(["item", "code", "code"]);
  });
});

describe("prose that puts LoRA over a quantised base", () => {
  const card = (body: string) => `---
library_name: peft
base_model: someorg/base-7b
---
# An adapter

${body}

## Training hyperparameters

- learning_rate: 0.0002
- num_epochs: 1
- lora_r: 64
`;
  const parameterization = (body: string) =>
    extractFromFiles([{ path: "README.md", text: card(body) }]).document.steps.map(
      (s) => s.kind === "fine-tune" && s.parameterization,
    );

  it("reads QLoRA from LoRA joined to a quantisation, a 4-bit load before training, QLoRA's rank", () => {
    expect(parameterization("基于 base-7b 的 LoRA+BitsAndBytes 量化低资源微调示例。")).toEqual(["qlora"]);
    expect(
      parameterization(
        "We load the model directly in 4-bit precision using the NF4 type and train it for one epoch.",
      ),
    ).toEqual(["qlora"]);
    expect(parameterization("QLoRA will use a rank of 64 with a scaling parameter of 16.")).toEqual([
      "qlora",
    ]);
  });

  it("keeps LoRA when the 4-bit load is for running the model, not training it", () => {
    expect(parameterization("For inference, load the adapter in 4-bit precision to save memory.")).toEqual([
      "lora",
    ]);
  });
});

describe("a folder in which no file is one ftl reads", () => {
  it("says which files were skipped and why, instead of an empty document with no warning", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ftl-skipped-"));
    writeFileSync(join(dir, "run.sh"), "#!/bin/bash\necho hi\n");
    writeFileSync(join(dir, "settings.yaml"), "foo: 1\nbar: baz\n");
    const { documents, warnings: top } = await importGroups([dir]);
    const warnings = [...top, ...documents.flatMap((d) => d.warnings)];
    expect(documents.every((d) => d.document.steps.length === 0)).toBe(true);
    expect(warnings.map((w) => [w.code, basename(w.file ?? "")]).sort()).toEqual([
      ["file.unrecognised", "run.sh"],
      ["file.unrecognised", "settings.yaml"],
    ]);
  });

  it("still leaves such files out quietly when another file in the folder is read", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ftl-skipped-"));
    writeFileSync(join(dir, "run.sh"), "#!/bin/bash\necho hi\n");
    writeFileSync(
      join(dir, "README.md"),
      "---\nbase_model: someorg/base-7b\nlibrary_name: peft\n---\n# An adapter\n",
    );
    const { documents, warnings: top } = await importGroups([dir]);
    const warnings = [...top, ...documents.flatMap((d) => d.warnings)];
    expect(warnings.filter((w) => w.code === "file.unrecognised")).toEqual([]);
  });
});

describe("OpenRLHF-style scripts that keep the command in a here-document", () => {
  const script = (open: string, close: string) => `set -x

read -r -d '' training_commands ${open}
openrlhf.cli.train_sft \\
   --max_len 2048 \\
   --dataset someorg/some-instructions \\
   --pretrain someorg/base-8b \\
   --save_path ./checkpoint/base-8b-sft \\
   --max_epochs 1 \\
   --learning_rate 5e-6
${close}
    # --wandb [WANDB_TOKENS]

if [[ \${1} != "slurm" ]]; then
    deepspeed --module $training_commands
fi
`;

  it("expand the variable the here-document sets into the command that runs it", () => {
    for (const [open, close] of [
      ["<<EOF", "EOF"],
      ["<<'EOF'", "EOF"],
      ["<< END", "END"],
    ]) {
      const doc = extractFromFiles([
        { path: "train_sft.sh", text: script(open as string, close as string) },
      ]).document;
      const step = doc.steps[0];
      expect([doc.steps.length, step?.kind === "fine-tune" && step.objective]).toEqual([1, "sft"]);
      expect(step?.inputs?.models?.map((m) => "id" in m && m.id)).toEqual(["someorg/base-8b"]);
      expect(step?.hyperparameters?.learningRate).toBe(5e-6);
    }
  });

  it("read nothing from a here-document whose delimiter never comes", () => {
    const text = script("<<EOF", "NOT-THE-END");
    expect(extractFromFiles([{ path: "train_sft.sh", text }]).document.steps).toEqual([]);
  });
});

describe("Hugging Face AutoTrain", () => {
  const config = `task: llm-dpo
base_model: someorg/base-8b-instruct
project_name: my-dpo-run
backend: local
data:
  path: someorg/preference-pairs
  train_split: train
params:
  block_size: 1024
  epochs: 3
  batch_size: 2
  lr: 3e-5
  peft: true
  quantization: int4
  lora_r: 16
hub:
  username: someuser
  push_to_hub: true
`;

  it("reads a config: task, base model, data, parameters, QLoRA, and the repository it pushes to", () => {
    const doc = extractFromFiles([{ path: "dpo.yml", text: config }]).document;
    const step = doc.steps[0];
    expect(step?.kind === "fine-tune" && [step.objective, step.parameterization, step.adapter?.rank]).toEqual(
      ["dpo", "qlora", 16],
    );
    expect(step?.inputs?.models?.map((m) => "id" in m && m.id)).toEqual(["someorg/base-8b-instruct"]);
    expect(step?.inputs?.datasets?.map((d) => d.id)).toEqual(["someorg/preference-pairs"]);
    expect([step?.hyperparameters?.learningRate, step?.hyperparameters?.epochs]).toEqual([3e-5, 3]);
    expect(step?.output?.id).toBe("someuser/my-dpo-run");
  });

  it("keeps the output local when the user name is a variable, and trains all weights without peft", () => {
    const text = config
      .replace("username: someuser", `username: ${"$"}{HF_USERNAME}`)
      .replace("peft: true", "peft: false");
    const step = extractFromFiles([{ path: "dpo.yml", text }]).document.steps[0];
    expect([step?.output?.id, step?.kind === "fine-tune" && step.parameterization]).toEqual([
      "local:my-dpo-run",
      "full",
    ]);
  });

  it("takes the model's maximum length as the sequence length, block_size only when it is the one given", () => {
    const length = (text: string) =>
      extractFromFiles([{ path: "dpo.yml", text }]).document.steps[0]?.hyperparameters?.maxSequenceLength;
    expect(length(config)).toBe(1024);
    expect(length(config.replace("block_size: 1024", "block_size: 1024\n  model_max_length: 2048"))).toBe(
      2048,
    );
  });

  it("reads the command line, also run from a notebook cell", () => {
    const card = `# my model\n\n\`\`\`\n!autotrain llm --train --project-name my-llm --model someorg/base-7b --data-path someorg/chat-data --peft --quantization int4 --lr 2e-4 --epochs 3 --trainer sft --lora-r 16 --push-to-hub --username someuser\n\`\`\`\n`;
    const step = extractFromFiles([{ path: "README.md", text: card }]).document.steps[0];
    expect(step?.kind === "fine-tune" && [step.objective, step.parameterization, step.output?.id]).toEqual([
      "sft",
      "qlora",
      "someuser/my-llm",
    ]);
  });
});

describe("a TRL recipe with no objective key", () => {
  const recipe = (output: string) =>
    `model_name_or_path: someorg/small-instruct\ndataset_name: someorg/pairs\noutput_dir: ${output}\nlearning_rate: 1.0e-5\nnum_train_epochs: 1\n`;
  const objective = (file: string, output: string) => {
    const step = extractFromFiles([{ path: file, text: recipe(output) }]).document.steps[0];
    return step?.kind === "fine-tune" ? [step.objective, step.sources?.objective?.note] : undefined;
  };

  it("is a reward model when its file or output says reward", () => {
    expect(objective("reward_config.yaml", "small-Reward")?.[0]).toBe("reward-model");
  });

  it("is SFT by default, and says it is a default, not a name", () => {
    expect(objective("config.yaml", "out")).toEqual([
      "sft",
      "a recipe that names its data and no objective: SFT, the trainers' default",
    ]);
  });
});

describe("a project's own flat settings file", () => {
  it("names the model it starts from with a plain model key, when the value is a Hub id", () => {
    const settings = (model: string) =>
      `model: ${model}\noutput_dir: runs/sft\nlora_r: 16\nlearning_rate: 2.0e-4\nper_device_train_batch_size: 1\nepochs: 1\n`;
    const inputs = (model: string) =>
      extractFromFiles([
        { path: "train.yaml", text: settings(model) },
      ]).document.steps[0]?.inputs?.models?.map((m) => "id" in m && m.id);
    expect(inputs("someorg/base-7b-instruct")).toEqual(["someorg/base-7b-instruct"]);
    expect(inputs("gpt-4")).toBeUndefined();
  });
});

describe("TOML training configs", () => {
  const toml = `# a project's fine-tuning settings
[finetune_run]
model_name = "someorg/small-t5"
learning_rate = 5.0e-5
num_epochs = 2
warmup_ratio = 0.03
seed = 7
output_dir = "outputs/small-t5"
`;

  it("are read like a YAML or JSON settings file, the one table's settings as the run's", () => {
    const step = extractFromFiles([{ path: "finetune.toml", text: toml }]).document.steps[0];
    expect(step?.inputs?.models?.map((m) => "id" in m && m.id)).toEqual(["someorg/small-t5"]);
    expect([
      step?.hyperparameters?.learningRate,
      step?.hyperparameters?.epochs,
      step?.hyperparameters?.seed,
    ]).toEqual([5e-5, 2, 7]);
  });

  it("say where a malformed file breaks", () => {
    const { warnings } = extractFromFiles([{ path: "broken.toml", text: 'model_name = "x\nseed = 1\n' }]);
    expect(warnings.find((w) => w.code === "file.syntax")?.message).toMatch(
      /^broken\.toml:1: malformed TOML/,
    );
  });

  it("are collected from folders, and a folder of files ftl cannot read says which it skipped", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ftl-toml-"));
    writeFileSync(join(dir, "finetune.toml"), toml);
    const read = await importGroups([dir]);
    expect(read.documents[0]?.document.steps).toHaveLength(1);
    const other = mkdtempSync(join(tmpdir(), "ftl-none-"));
    writeFileSync(join(other, "notes.txt"), "x");
    const none = await importGroups([other]);
    const messages = none.warnings.map((w) => w.message);
    expect(messages.some((m) => m.includes("no file of a kind ftl reads") && m.includes("notes.txt"))).toBe(
      true,
    );
    expect(messages).not.toContain("no files given");
  });
});

describe("a dataset value left with its assignment's = and quotes", () => {
  it("names the dataset inside (source: = 'org/data')", () => {
    const recipe = `model:\n  _component_: torchtune.models.llama3_2.lora_llama3_2_1b\ncheckpointer:\n  checkpoint_dir: /tmp/base\ndataset:\n  _component_: torchtune.datasets.alpaca_dataset\n  source: = 'someorg/finance-data'\noptimizer:\n  lr: 3e-4\n`;
    const step = extractFromFiles([{ path: "1B_lora.yaml", text: recipe }]).document.steps[0];
    expect(step?.inputs?.datasets?.map((d) => d.id)).toEqual(["someorg/finance-data"]);
  });
});

describe("a training class whose constructor holds the settings", () => {
  it("reads what self.attribute holds from the constructor's defaults", () => {
    const code = `from unsloth import FastLanguageModel
from trl import SFTTrainer, SFTConfig

class Tuner:
    def __init__(self, model_name="someorg/base-3b", max_seq_length=1024, load_in_4bit=True):
        self.model_name = model_name
        self.max_seq_length = max_seq_length
        self.load_in_4bit = load_in_4bit

    def load(self):
        model, tokenizer = FastLanguageModel.from_pretrained(
            model_name=self.model_name, max_seq_length=self.max_seq_length, load_in_4bit=self.load_in_4bit)
        model = FastLanguageModel.get_peft_model(model, r=8, lora_alpha=16)
        trainer = SFTTrainer(model=model, tokenizer=tokenizer, args=SFTConfig(learning_rate=2e-4, max_steps=100, output_dir="out"))
        trainer.train()
`;
    const step = extractFromFiles([{ path: "tuner.py", text: code }]).document.steps[0];
    expect(step?.kind === "fine-tune" && step.parameterization).toBe("qlora");
    expect(step?.inputs?.models?.map((m) => "id" in m && m.id)).toEqual(["someorg/base-3b"]);
  });
});
