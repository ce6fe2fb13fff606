import { describe, expect, it } from "vitest";
import { extractGroups } from "./extract-from-files.js";
import { readPythonFiles } from "./read-python.js";

const TRAIN = `from trl import DPOTrainer, DPOConfig
from peft import LoraConfig
from transformers import AutoModelForCausalLM, BitsAndBytesConfig
from datasets import load_dataset

base = "Qwen/Qwen2.5-7B-Instruct"
# config = LoraConfig(r=1)
bnb = BitsAndBytesConfig(load_in_4bit=True)
model = AutoModelForCausalLM.from_pretrained(base, quantization_config=bnb)
data = load_dataset("Intel/orca_dpo_pairs", split="train")
evals = load_dataset("Intel/orca_dpo_pairs", split="test")
args = DPOConfig(
    learning_rate=5e-6,
    per_device_train_batch_size=args_bs,
    beta=0.2,
)
trainer = DPOTrainer(model=model, args=args, train_dataset=data, peft_config=LoraConfig(r=16, lora_alpha=32))
`;

describe("Python training code", () => {
  it("reads the trainer class, the adapter, the base, the data and the config's literal values", () => {
    const [facts] = readPythonFiles([{ path: "train.py", text: TRAIN }]);
    const s = facts?.steps[0];
    expect(s?.objective?.value).toBe("dpo");
    expect(s?.parameterization?.value).toBe("qlora");
    expect(s?.adapter.rank?.value).toBe(16);
    expect(s?.inputs.map((i) => i.value.id)).toEqual(["Qwen/Qwen2.5-7B-Instruct"]);
    expect(s?.datasets.map((d) => d.value.id)).toEqual(["Intel/orca_dpo_pairs"]);
    expect(s?.hyperparameters.learningRate?.value).toBe(5e-6);
    expect(s?.hyperparameters.beta?.value).toBe(0.2);
    expect(s?.hyperparameters.perDeviceBatchSize).toBeUndefined();
    expect(s?.objective?.source).toMatchObject({ file: "train.py", line: 17 });
  });

  it("states no objective for a plain Trainer and no parameterisation without an adapter", () => {
    const text = `from transformers import Trainer, TrainingArguments, AutoModelForCausalLM
model = AutoModelForCausalLM.from_pretrained("gpt2")
Trainer(model=model, args=TrainingArguments(output_dir="out", num_train_epochs=3)).train()`;
    const s = readPythonFiles([{ path: "run.py", text }])[0]?.steps[0];
    expect(s?.objective).toBeUndefined();
    expect(s?.parameterization).toBeUndefined();
    expect(s?.hyperparameters.epochs?.value).toBe(3);
  });

  it("reads a project's modules as one program when one file builds the trainer; inference scripts are not read", () => {
    const files = [
      { path: "p/main.py", text: `model = AutoModelForCausalLM.from_pretrained("org/base")\nrun()` },
      { path: "p/data.py", text: `ds = load_dataset("json", data_files="data/train.jsonl")` },
      { path: "p/trainer.py", text: `t = SFTTrainer(model=m, args=SFTConfig(learning_rate=1e-5))` },
      { path: "p/inference.py", text: `m = AutoModelForCausalLM.from_pretrained("org/finetuned")` },
    ];
    const out = readPythonFiles(files);
    expect(out).toHaveLength(1);
    const s = out[0]?.steps[0];
    expect(s?.inputs.map((i) => i.value.id)).toEqual(["org/base"]);
    expect(s?.inputs[0]?.source.file).toBe("p/main.py");
    expect(s?.datasets.map((d) => d.value.id)).toEqual(["local:data/train.jsonl"]);
    expect(s?.objective?.value).toBe("sft");
  });

  it("joins a command that runs the script with its code, flags read through the code's mapping", () => {
    const code = `import argparse
from trl import GRPOConfig, GRPOTrainer
p = argparse.ArgumentParser()
args = p.parse_args()
cfg = GRPOConfig(output_dir=args.output_dir, per_device_train_batch_size=args.batch_size, learning_rate=args.lr)
GRPOTrainer(model=args.model, reward_funcs=f, args=cfg, train_dataset=ds).train()`;
    const sh =
      "accelerate launch train.py --model Qwen/Qwen2.5-0.5B-Instruct --dataset d.jsonl --batch_size 16 --lr 1e-6\n";
    const { documents } = extractGroups([
      { path: "run.sh", text: sh },
      { path: "train.py", text: code },
    ]);
    expect(documents).toHaveLength(1);
    const step = documents[0]?.document.steps[0];
    expect(step?.kind === "fine-tune" && step.objective).toBe("grpo");
    expect(step?.kind === "fine-tune" && step.hyperparameters?.perDeviceBatchSize).toBe(16);
    expect(step?.kind === "fine-tune" && step.inputs?.models?.[0]?.id).toBe("Qwen/Qwen2.5-0.5B-Instruct");
  });

  it("reads a settings module (config.py) of constants when no file builds a trainer", () => {
    const text = `MODEL_ID = "Qwen/Qwen3-0.6B"\nDATASET_ID = "org/data"\nLEARNING_RATE = 1e-4\nNUM_EPOCHS = 2\nBATCH_SIZE = 1\n`;
    const s = readPythonFiles([{ path: "config.py", text }])[0]?.steps[0];
    expect(s?.inputs.map((i) => i.value.id)).toEqual(["Qwen/Qwen3-0.6B"]);
    expect(s?.datasets.map((d) => d.value.id)).toEqual(["org/data"]);
    expect(s?.hyperparameters.perDeviceBatchSize?.value).toBe(1);
    expect(s?.objective).toBeUndefined();
    expect(readPythonFiles([{ path: "consts.py", text: `LEARNING_RATE = 1e-4\n` }])).toEqual([]);
  });

  it("reads merge_and_unload() after LoRA training as an adapter merge into what is saved next", () => {
    const text = `name = "DPO-Qwen-v1"
model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-7B-Instruct")
DPOTrainer(model=model, args=DPOConfig(output_dir=name), peft_config=LoraConfig(r=16)).train()
merged = PeftModel.from_pretrained(model, "ckpt").merge_and_unload()
merged.save_pretrained(name)`;
    const steps = readPythonFiles([{ path: "main.py", text }])[0]?.steps ?? [];
    expect(steps.map((s) => s.kind)).toEqual(["fine-tune", "adapter-merge"]);
    expect(steps[1]?.output?.value).toBe("local:DPO-Qwen-v1");
    expect(steps[0]?.output).toBeUndefined();
  });
});
