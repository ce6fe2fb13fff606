/**
 * XTuner configs (dev t8-ne-zh-seasage-xtuner-internlm25-20b-qlora-warship, t8-ne-zh-xtuner-internlm2-chat-7b-qlora-
 * aristotle-merge): the config file, its settings quoted in a card whole or as a tutorial's diff, and the model the
 * card downloads before training from a local folder of the same name.
 */
import { describe, expect, it } from "vitest";
import { extractFromFiles } from "./extract-from-files.js";
import { diffResult, isXtunerConfig } from "./read-xtuner.js";

const CONFIG = [
  "import torch",
  "from peft import LoraConfig",
  "from xtuner.model import SupervisedFinetune",
  "",
  "#######################################################################",
  "#                          PART 1  Settings                           #",
  "#######################################################################",
  "# Model",
  "pretrained_model_name_or_path = './Shanghai_AI_Laboratory/internlm2_5-20b-chat'",
  "# Data",
  "alpaca_en_path = 'dataset/warship.json'",
  "max_length = 512",
  "batch_size = 1  # per_device",
  "accumulative_counts = 2",
  "accumulative_counts *= sequence_parallel_size",
  "max_epochs = 3",
  "lr = 1e-4",
  "warmup_ratio = 0.01",
  "",
  "model = dict(",
  "    type=SupervisedFinetune,",
  "    llm=dict(",
  "        pretrained_model_name_or_path=pretrained_model_name_or_path,",
  "        quantization_config=dict(type=BitsAndBytesConfig, load_in_4bit=True)),",
  "    lora=dict(type=LoraConfig, r=64, lora_alpha=16, lora_dropout=0.1))",
].join("\n");

describe("XTuner configs", () => {
  it("reads the settings, the objective of the model class and a LoRA over a 4-bit base", () => {
    expect(isXtunerConfig(CONFIG)).toBe(true);
    const doc = extractFromFiles([
      { path: "internlm2_5_chat_20b_qlora_alpaca_e3.py", text: CONFIG },
    ]).document;
    const step = doc.steps[0];
    expect(step).toMatchObject({
      kind: "fine-tune",
      objective: "sft",
      parameterization: "qlora",
      adapter: { rank: 64, alpha: 16 },
      hyperparameters: {
        learningRate: 0.0001,
        epochs: 3,
        perDeviceBatchSize: 1,
        gradientAccumulationSteps: 2,
        warmupRatio: 0.01,
        maxSequenceLength: 512,
      },
    });
    expect(step?.inputs?.models?.[0]?.id).toBe("local:./Shanghai_AI_Laboratory/internlm2_5-20b-chat");
    expect(step?.inputs?.datasets?.map((d) => d.id)).toEqual(["local:dataset/warship.json"]);
  });

  it("keeps a Hub dataset id as an id, and states no parameterisation without a lora dict", () => {
    const full = CONFIG.replace("'dataset/warship.json'", "'tatsu-lab/alpaca'").replace(
      /\n {4}lora=dict\([^\n]*\)\)/,
      ")",
    );
    const step = extractFromFiles([{ path: "full.py", text: full }]).document.steps[0];
    expect(step?.inputs?.datasets?.map((d) => d.id)).toEqual(["tatsu-lab/alpaca"]);
    expect(step).not.toHaveProperty("parameterization");
  });

  it("reads a tutorial's diff of the config in a card, and links the local model to the one the card downloads", () => {
    const card = [
      "# Aristotle",
      "",
      "```Bash",
      "from modelscope import snapshot_download",
      "model_dir = snapshot_download('Shanghai_AI_Laboratory/internlm2-chat-7b', cache_dir='/root/model')",
      "```",
      "",
      "```Bash",
      "- pretrained_model_name_or_path = 'internlm/internlm-chat-7b'",
      "+ pretrained_model_name_or_path = '/root/solomon/internlm2-chat-7b'",
      "- data_path = 'timdettmers/openassistant-guanaco'",
      "+ data_path = '/root/solomon/data/train_data/Aristotle_doc_all.json'",
      "- max_epochs= 3",
      "+ max_epochs= 10",
      "  lora=dict(type=LoraConfig, r=64, lora_alpha=16),",
      "```",
    ].join("\n");
    const step = extractFromFiles([{ path: "note.md", text: card }]).document.steps[0];
    expect(step?.inputs?.models?.[0]?.id).toBe("Shanghai_AI_Laboratory/internlm2-chat-7b");
    expect(step?.inputs?.datasets?.map((d) => d.id)).toEqual([
      "local:/root/solomon/data/train_data/Aristotle_doc_all.json",
    ]);
    expect(step).toMatchObject({ parameterization: "lora", hyperparameters: { epochs: 10 } });
  });

  it("reads a diff as the text it leaves, and no diff as none", () => {
    expect(diffResult("- a = 1\n+ a = 2\n b = 3")).toBe("a = 2\nb = 3");
    expect(diffResult("a = 1\n+ b = 2")).toBeUndefined();
    expect(diffResult("--- a/x\n+++ b/x\n- a = 1\n+ a = 2")).toBe("a = 2");
  });
});
