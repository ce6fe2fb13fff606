/**
 * Rules written at stop 36 from the first run of the blind dev batches y1 and y2 (layouts rewritten, not copied).
 * Each case was checked to fail without its rule.
 */
import { describe, expect, it } from "vitest";
import { extractFromFiles } from "./extract-from-files.js";
import { shellCommands } from "./shell-words.js";

const docOf = (text: string, path = "README.md") => extractFromFiles([{ path, text }]).document;

describe("a shell default that assigns (y2-rcp-fsdp2-qwen25-7b-full-sft-accelerate)", () => {
  it(`sets the variable from \`: "\${NAME:=value}"\` for the commands after it`, () => {
    const [, command] = shellCommands(
      `: "\${MODEL:=Qwen/Qwen2.5-7B-Instruct}"\npython train.py --model $MODEL\n`,
    );
    expect(command?.words.map((w) => w.text)).toEqual([
      "python",
      "train.py",
      "--model",
      "Qwen/Qwen2.5-7B-Instruct",
    ]);
    // `:-` only substitutes: the name stays unset.
    const [, other] = shellCommands(`echo "\${M:-a/b}"\npython train.py --model $M\n`);
    expect(other?.words.at(-1)?.text).toBe("$M");
  });

  it("reads the script's model and settings from those defaults", () => {
    const script = [
      "#!/usr/bin/env bash",
      `: "\${MODEL:=Qwen/Qwen2.5-7B-Instruct}"`,
      `: "\${LR:=1e-5}"`,
      `: "\${EPOCHS:=2}"`,
      "accelerate launch --num_processes 8 train.py \\",
      `    --model_name_or_path "\${MODEL}" \\`,
      `    --learning_rate "\${LR}" --num_train_epochs "\${EPOCHS}" --output_dir out`,
    ].join("\n");
    const doc = docOf(script, "sft_qwen.sh");
    expect(doc.bases.map((b) => b.id)).toEqual(["Qwen/Qwen2.5-7B-Instruct"]);
    expect(doc.steps[0]?.hyperparameters).toMatchObject({ learningRate: 1e-5, epochs: 2 });
  });
});

describe("ms-swift's export (y2-rcp-swift-internvl2-8b-lora-sft-merge)", () => {
  const sft = [
    "swift sft --model ./models/internvl2-8b --train_type lora --dataset ./data/train.json \\",
    "    --output_dir ./swift/output",
  ];

  it("merges the adapter of a checkpoint the training wrote, after that training", () => {
    const doc = docOf(
      [...sft, "swift export --ckpt_dir ./swift/output/v1-2024/checkpoint-500 --merge_lora true"].join("\n"),
      "finetune.sh",
    );
    expect(doc.steps.map((s) => s.kind)).toEqual(["fine-tune", "adapter-merge"]);
    // The checkpoint is the training's output, not a base of its own.
    expect(doc.bases.map((b) => b.id)).toEqual(["local:./models/internvl2-8b"]);
  });

  it("quantises with --quant_method, and trains nothing with a plain export", () => {
    const quant = docOf(
      "swift export --model Qwen/Qwen2.5-7B-Instruct --quant_method awq --quant_bits 4 --output_dir q\n",
      "q.sh",
    );
    expect(quant.steps.map((s) => s.kind)).toEqual(["quantization"]);
    expect(quant.steps[0]).toMatchObject({ method: "awq" });
    expect(docOf("swift export --model Qwen/Qwen2.5-7B-Instruct --push_to_hub true\n", "p.sh").steps).toEqual(
      [],
    );
  });
});

describe("a project's sectioned config quoted in a card (y2-ne-ko-csat-qwen25-32b-unsloth-dora-rag-ensemble)", () => {
  it("reads a trainer-arguments section and a model named one level down", () => {
    const card = [
      "# 수능 풀이 모델",
      "",
      "```yaml",
      "model:",
      "  train:",
      '    model_name: "unsloth/Qwen2.5-32B-Instruct-bnb-4bit"',
      "peft:",
      "  r: 64",
      "  lora_alpha: 32",
      "  use_dora: True",
      "UnslothTrainingArguments:",
      "  per_device_train_batch_size: 2",
      "  num_train_epochs: 3",
      "  learning_rate: 5e-5",
      "```",
    ].join("\n");
    const doc = docOf(card);
    expect(doc.bases.map((b) => b.id)).toEqual(["unsloth/Qwen2.5-32B-Instruct-bnb-4bit"]);
    const step = doc.steps[0];
    expect(step?.kind === "fine-tune" ? step.parameterization : undefined).toBe("dora");
    expect(step?.hyperparameters).toMatchObject({ learningRate: 5e-5, epochs: 3, perDeviceBatchSize: 2 });
  });
});

describe("P-Tuning v2 is prefix tuning (y2-rcp-chatglm2-ptuning-v2-deepspeed-spo)", () => {
  it("maps a training type that names it, as the corpus's labels do", () => {
    const script =
      "deepspeed train.py --train_path data/spo.json --model_name_or_path THUDM/chatglm2-6b \\\n  --per_device_train_batch_size 8 --learning_rate 1e-4 --num_train_epochs 10 \\\n  --train_type ptuning --pre_seq_len 16 --output_dir ./output-glm2\n";
    const step = docOf(script, "train.sh").steps[0];
    expect(step?.kind === "fine-tune" ? step.parameterization : undefined).toBe("prefix-tuning");
  });
});

describe("a program that only converts with unsloth (y1-qnt-m7bi-llmlat-unsloth-gguf)", () => {
  it("is a GGUF quantisation of the model it loads, of the type it asks for", () => {
    const code = [
      "from unsloth import FastLanguageModel",
      'model, tokenizer = FastLanguageModel.from_pretrained("org/m7b-tuned")',
      'model.save_pretrained_gguf("gguf_model", tokenizer, quantization_method = "q4_k_m")',
    ].join("\n");
    const doc = docOf(code, "convert.py");
    expect(doc.steps.map((s) => s.kind)).toEqual(["quantization"]);
    expect(doc.steps[0]).toMatchObject({ method: "gguf", format: "Q4_K_M" });
    expect(doc.bases.map((b) => b.id)).toEqual(["org/m7b-tuned"]);
  });
});

describe("an argparse script's defaults (y1-qnt-sentinelops-qwen-coder-lora-awq)", () => {
  const code = (rest: string[]) =>
    [
      "import argparse",
      "from awq import AutoAWQForCausalLM",
      "parser = argparse.ArgumentParser()",
      'parser.add_argument("--model-path", default="outputs/merged")',
      'parser.add_argument("--output-path", default="outputs/awq")',
      'parser.add_argument("--epochs", type=int, default=100)',
      "args = parser.parse_args()",
      ...rest,
    ].join("\n");

  it("reads `args.model_path` as the flag's default", () => {
    const doc = docOf(
      code([
        "model = AutoAWQForCausalLM.from_pretrained(args.model_path)",
        "model.quantize(tokenizer, quant_config={})",
        "model.save_quantized(args.output_path)",
      ]),
      "quantize_awq.py",
    );
    expect(doc.steps[0]).toMatchObject({
      kind: "quantization",
      method: "awq",
      output: { id: "local:outputs/awq" },
    });
  });

  it("gives a setting read from a default the confidence of a default, which a command line may override", () => {
    const doc = docOf(
      code([
        "from transformers import TrainingArguments, Trainer, AutoModelForCausalLM",
        'model = AutoModelForCausalLM.from_pretrained("gpt2")',
        'targs = TrainingArguments(output_dir="out", num_train_epochs=args.epochs)',
        "trainer = Trainer(model=model, args=targs)",
        "trainer.train()",
      ]),
      "train.py",
    );
    const step = doc.steps[0];
    expect(step?.hyperparameters?.epochs).toBe(100);
    expect(step?.sources?.["hyperparameters.epochs"]?.confidence).toBe(0.7);
  });
});

describe("a command a container runs with `/bin/bash -c` (t9-ne-ja-hf-trainer-gpt2-full-ft-tiny-shakespeare)", () => {
  it("is read as the commands of its script", () => {
    const commands = shellCommands(
      `EPOCHS=5\ndocker run --rm img /bin/bash -c \\\n  "python3 train.py --epochs \${EPOCHS}"\n`,
    );
    expect(commands.at(-1)?.words.map((w) => w.text)).toEqual(["python3", "train.py", "--epochs", "5"]);
  });
});

describe("a fine-tune stated of a model the front matter names (y3-card-hermes3-llama32-3b-full-ft-card-copy)", () => {
  it("is a training of the front matter's base, which the sentence does not replace", () => {
    const card = [
      "---",
      "base_model: meta-llama/Meta-Llama-3.2-3B",
      "---",
      "# Hermes 3 3B",
      "",
      "Hermes 3 3B is a full parameter fine-tune of the Llama-3.2 3B foundation model.",
    ].join("\n");
    const doc = docOf(card);
    expect(doc.steps.map((s) => s.kind)).toEqual(["fine-tune"]);
    expect(doc.bases.map((b) => b.id)).toEqual(["meta-llama/Meta-Llama-3.2-3B"]);
  });
});

describe("a shell command in a fence labelled python (y4-long-neuralchat-v3-sft-dpo)", () => {
  it("is read as the command it is", () => {
    const card = [
      "# Neural chat",
      "",
      "```python",
      "python ../dpo_pipeline/dpo_clm.py \\",
      '        --model_name_or_path "./finetuned_model_lora" \\',
      "        --per_device_train_batch_size 8 \\",
      "        --learning_rate 5e-4 \\",
      "        --lora_rank 16 \\",
      "        --dataset_name Intel/orca_dpo_pairs",
      "```",
    ].join("\n");
    const step = docOf(card).steps[0];
    expect(step?.hyperparameters).toMatchObject({ learningRate: 5e-4, perDeviceBatchSize: 8 });
  });

  it("leaves Python code alone", () => {
    const card = "# X\n\n```python\nimport torch\nx = torch.ones(3) + \\\n    torch.zeros(3)\n```\n";
    expect(docOf(card).steps).toEqual([]);
  });
});

describe("a fine-tune the card says is quantised (y1-qnt-xyrus-cosmic-gpt-oss-20b-gguf)", () => {
  const kinds = (text: string) => docOf(text).steps.map((s) => s.kind);
  it("is quantised after its training", () => {
    const card = [
      "---",
      "base_model: unsloth/gpt-oss-20b",
      "---",
      "# Xyrus Cosmic GGUF",
      "",
      "A cosmic personality fine-tuned version of GPT-OSS:20B, quantized to GGUF format for efficient inference.",
      "",
      "## Technical details",
      "",
      "- **Fine-tuning**: LoRA (r=16, alpha=32) on a personality dataset",
      "- **Training**: 1500 steps, learning rate 2e-4",
    ].join("\n");
    expect(kinds(card)).toEqual(["fine-tune", "quantization"]);
  });

  it("is not read so from a dependency list's 8-bit loading (l3-ne-ja-so8t-borea-phi35-qlora-retrain)", () => {
    const card = [
      "---",
      "base_model: microsoft/Phi-3.5-mini-instruct",
      "---",
      "# 再学習",
      "",
      "microsoft/Phi-3.5-mini-instructをベースにLoRAでファインチューニングしました。",
      "",
      "- **Training**: 1500 steps, learning rate 2e-4",
      "",
      "## 依存関係",
      "",
      "- `peft>=0.6.0`: Parameter-Efficient Fine-Tuning",
      "- `bitsandbytes>=0.41.0`: 8bit量子化",
    ].join("\n");
    expect(kinds(card)).toEqual(["fine-tune"]);
  });
});

describe("the flags of Intel Extension for Transformers' RLHF scripts (y4-long-itrex-rlhf-ppo-llama2)", () => {
  it("reads `--peft lora` as a LoRA run", () => {
    const script =
      "torchrun --nproc_per_node 8 finetune_clm.py --model_name_or_path meta-llama/Llama-2-7b-chat-hf \\\n  --dataset_name Intel/orca_dpo_pairs --learning_rate 1e-4 --num_train_epochs 3 --output_dir ./se --peft lora\n";
    const step = docOf(script, "train.sh").steps[0];
    expect(step?.kind === "fine-tune" ? step.parameterization : undefined).toBe("lora");
  });

  it("reads a merge script's --adapter_model_name and --output_name", () => {
    const script =
      "python3 merge_peft_adapter.py --adapter_model_name=./llama2_7b_se_adapter --output_name=llama2_7b_se\n";
    const doc = docOf(script, "merge.sh");
    expect(doc.steps.map((s) => s.kind)).toEqual(["adapter-merge"]);
    expect(doc.steps[0]?.output?.id).toBe("local:llama2_7b_se");
  });

  it("reads PPO epochs against a reward model as PPO", () => {
    const script =
      "accelerate launch --num_processes 8 train_policy.py --model_name_or_path meta-llama/Llama-2-7b-hf \\\n  --reward_model_name=llama2_7b_rm --ppo_epochs=4 --learning_rate=1.4e-5 --output_dir=rl-out\n";
    const step = docOf(script, "rl.sh").steps[0];
    expect(step?.kind === "fine-tune" ? step.objective : undefined).toBe("rlhf-ppo");
  });
});
