/**
 * Rules written at stop 30 from dev misses and dev calibration: one run told by two of a project's documents, a
 * training loop written by hand around a PEFT adapter, and the confidence of facts in a split. Each case is
 * rewritten from the layout of a dev item (s8-fld-tinyllama-intermediate-cli-qa-lora, s10, e-ne-ja-technavi) and
 * was checked to fail without its rule.
 */
import { describe, expect, it } from "vitest";
import type { LineageDocument } from "../schema/lineage.js";
import { capConfidence, SPLIT_GROUP_CONFIDENCE } from "./calibration.js";
import { extractFromFiles, extractGroups } from "./extract-from-files.js";

type Files = { path: string; text: string }[];

const readme = `# CLI Q&A Agent

A command-line agent that generates step-by-step plans for CLI tasks using a fine-tuned TinyLlama model.

## Setup

1. Download the Q&A dataset and place it in \`data/qa_pairs.json\`

## Model

- Base model: TinyLlama-1.1B
- Fine-tuning: LoRA adaptation
`;
const report = `# Technical report

## Model Architecture
- Base Model: TinyLlama-1.1B
- Fine-tuning Method: LoRA (Low-Rank Adaptation)
- Key Hyperparameters:
  - Learning rate: 2e-4
  - LoRA rank: 16
  - Training epochs: 1
`;
const train = `from transformers import AutoModelForCausalLM, AutoTokenizer, TrainingArguments
from peft import LoraConfig, get_peft_model
import torch

def main():
    model_name = "TinyLlama/TinyLlama-1.1B-intermediate-step-1431k-3T"
    tokenizer = AutoTokenizer.from_pretrained(model_name)
    model = AutoModelForCausalLM.from_pretrained(model_name)
    lora_config = LoraConfig(r=16, lora_alpha=32, lora_dropout=0.05, task_type="CAUSAL_LM")
    model = get_peft_model(model, lora_config)
    training_args = TrainingArguments(output_dir="adapter", num_train_epochs=1, per_device_train_batch_size=4,
        gradient_accumulation_steps=4, learning_rate=2e-4)
    optimizer = torch.optim.AdamW(model.parameters(), lr=training_args.learning_rate)
    for batch in batches:
        loss = model(**batch).loss
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
    model.save_pretrained("adapter")
`;
const adapterConfig = JSON.stringify({
  base_model_name_or_path: "TinyLlama/TinyLlama-1.1B-intermediate-step-1431k-3T",
  peft_type: "LORA",
  r: 16,
  lora_alpha: 32,
});

describe("one run told by two documents that name neither objective nor starting model", () => {
  it("is one step, not a chain the order of the files made", () => {
    const doc = extractFromFiles([
      { path: "README.md", text: readme },
      { path: "report.md", text: report },
    ]).document;
    expect(doc.steps).toHaveLength(1);
    expect(doc.steps[0]?.inputs?.models ?? []).toEqual([]);
  });

  it("joins the run's training code and its adapter folder into that step", () => {
    const files: Files = [
      { path: "README.md", text: readme },
      { path: "report.md", text: report },
      { path: "train.py", text: train },
      { path: "adapter/adapter_config.json", text: adapterConfig },
    ];
    const { documents } = extractGroups(files);
    expect(documents).toHaveLength(1);
    const steps = documents[0]?.document.steps ?? [];
    expect(steps).toHaveLength(1);
    expect(steps[0]?.inputs?.models?.map((m) => m.id)).toEqual([
      "TinyLlama/TinyLlama-1.1B-intermediate-step-1431k-3T",
    ]);
  });
});

describe("a training loop written by hand around a PEFT adapter", () => {
  it("is a LoRA fine-tune of the model it loads, with its settings", () => {
    const [step] = extractFromFiles([{ path: "train.py", text: train }]).document.steps;
    expect(step?.kind).toBe("fine-tune");
    expect(step && "parameterization" in step ? step.parameterization : undefined).toBe("lora");
    expect(step?.hyperparameters?.perDeviceBatchSize).toBe(4);
  });

  it("is no training without the loop (a script that only loads and wraps a model)", () => {
    const loadOnly = train.replace(/loss\.backward\(\)\n/, "").replace(/optimizer\.step\(\)\n/, "");
    expect(extractFromFiles([{ path: "train.py", text: loadOnly }]).document.steps).toHaveLength(0);
  });
});

describe("facts of a split are at most SPLIT_GROUP_CONFIDENCE", () => {
  const two: Files = [
    { path: "a/adapter_config.json", text: JSON.stringify({ base_model_name_or_path: "org/base-a", r: 8 }) },
    { path: "b/adapter_config.json", text: JSON.stringify({ base_model_name_or_path: "org/base-b", r: 4 }) },
  ];
  const confidences = (d: LineageDocument) =>
    JSON.stringify(d)
      .match(/"confidence":[\d.]+/g)
      ?.map((m) => Number(m.split(":")[1])) ?? [];

  it("caps every provenance and source of each document, and says why in the warning", () => {
    const { documents, warnings } = extractGroups(two);
    expect(documents).toHaveLength(2);
    for (const d of documents) {
      expect(confidences(d.document).length).toBeGreaterThan(0);
      expect(Math.max(...confidences(d.document))).toBeLessThanOrEqual(SPLIT_GROUP_CONFIDENCE);
    }
    expect(warnings.find((w) => w.code === "extract.unrelated")?.message).toContain(
      `no fact of these documents is given more than ${SPLIT_GROUP_CONFIDENCE}`,
    );
  });

  it("leaves one group's facts as read", () => {
    const [one] = two;
    const { documents } = extractGroups(one ? [one] : []);
    expect(Math.max(...confidences(documents[0]?.document as LineageDocument))).toBe(1);
  });

  it("gives an unset confidence its meaning before capping (stated 1, inferred 0.5)", () => {
    const doc: LineageDocument = {
      format: "ftl/v1",
      subject: { id: "org/x", provenance: { source: "extracted" } },
      bases: [{ id: "org/b", provenance: { source: "inferred" } }],
      steps: [],
    };
    const out = capConfidence(doc, 0.85);
    expect(out.subject.provenance?.confidence).toBe(0.85);
    expect(out.bases[0]?.provenance?.confidence).toBeUndefined();
    expect(doc.subject.provenance?.confidence).toBeUndefined();
  });
});

describe("the one quantised copy a document downloads (dev g2-qnt-dadai, g2-qnt-mavdol, t1-co-ja-neg)", () => {
  const app = `# Model directory – Mistral GGUF

This folder stores the quantized \`.gguf\` model file used by LocalAI.

You can download a quantized version of Mistral 7B Instruct from TheBloke's Hugging Face repo:

\`\`\`bash
wget https://huggingface.co/TheBloke/Mistral-7B-Instruct-v0.1-GGUF/resolve/main/mistral-7b-instruct-v0.1.Q4_K_M.gguf -P models/
\`\`\`
`;

  it("is a GGUF quantisation whose output is the copy's repository, from the model its name names (inferred)", () => {
    const doc = extractFromFiles([{ path: "README.md", text: app }]).document;
    expect(doc.subject.id).toBe("TheBloke/Mistral-7B-Instruct-v0.1-GGUF");
    const [step] = doc.steps;
    expect(step?.kind).toBe("quantization");
    expect(step && "method" in step ? step.method : undefined).toBe("gguf");
    expect(step?.inputs?.models?.map((m) => m.id)).toEqual(["mistralai/Mistral-7B-Instruct-v0.1"]);
    expect(step?.sources?.["inputs.models[0]"]?.source).toBe("inferred");
  });

  it("reads `huggingface-cli download ORG/NAME FILE` and a name with the format inside it", () => {
    const log =
      "huggingface-cli download MLP-KTLim/llama-3-Korean-Bllossom-8B-gguf-Q4_K_M llama-3-Korean-Bllossom-8B-Q4_K_M.gguf\n";
    const doc = extractFromFiles([
      { path: "README.md", text: `# Serving\n\n\`\`\`\n${log}\`\`\`\n` },
    ]).document;
    expect(doc.subject.id).toBe("MLP-KTLim/llama-3-Korean-Bllossom-8B-gguf-Q4_K_M");
    expect(doc.steps[0]?.inputs?.models?.map((m) => m.id)).toEqual(["MLP-KTLim/llama-3-Korean-Bllossom-8B"]);
  });

  it("leaves the model unknown when the copy's name is not in ftl's table", () => {
    const doc = extractFromFiles([
      {
        path: "README.md",
        text: "# App\n\nDownload https://huggingface.co/someone/Obscure-Model-9B-GGUF first.\n",
      },
    ]).document;
    expect(doc.steps[0]?.kind).toBe("quantization");
    expect(doc.steps[0]?.inputs?.models ?? []).toEqual([]);
  });

  it("describes nothing when the document runs several copies (a guide), or links the original too", () => {
    const guide = `# Guide\n\n\`\`\`\nollama run hf.co/unsloth/Llama-4-Scout-17B-16E-Instruct-GGUF:Q4_K_XL\ncurl -L https://huggingface.co/Qwen/Qwen2-32B-Instruct-GGUF/resolve/main/qwen2-32b-instruct-q4_k_m.gguf -o m.gguf\n\`\`\`\n`;
    expect(extractFromFiles([{ path: "README.md", text: guide }]).document.steps).toEqual([]);
    const original = `# Hunyuan\n\n[Hugging Face](https://huggingface.co/tencent/Hunyuan-A13B-Instruct)\n\nDownload [Int4](https://huggingface.co/tencent/Hunyuan-A13B-Instruct-GPTQ-Int4).\n`;
    const doc = extractFromFiles([{ path: "README.md", text: original }]).document;
    expect(doc.subject.id).not.toBe("tencent/Hunyuan-A13B-Instruct-GPTQ-Int4");
  });
});

describe("xtuner convert merge (blind dev g8, t8: XTuner course READMEs)", () => {
  const readme = `# 作业

## 训练

\`\`\`bash
xtuner train /root/ft/config/internlm2_1_8b_qlora_alpaca_e3_copy.py --work-dir /root/ft/train
\`\`\`

## 模型整合

\`\`\`bash
# xtuner convert merge  \${NAME_OR_PATH_TO_LLM} \${NAME_OR_PATH_TO_ADAPTER} \${SAVE_PATH}
xtuner convert merge /root/ft/model /root/ft/huggingface /root/ft/final_model
\`\`\`
`;

  it("is an adapter merge saved to its SAVE_PATH, starting from the run before it, with no new root", () => {
    const doc = extractFromFiles([{ path: "README.md", text: readme }]).document;
    const merge = doc.steps.find((s) => s.kind === "adapter-merge");
    expect(merge?.output?.id).toBe("local:/root/ft/final_model");
    expect(merge?.notes).toContain("/root/ft/huggingface");
    expect(doc.bases.map((b) => b.id)).not.toContain("local:/root/ft/huggingface");
  });

  it("reads 'xtuner train CONFIG' as a fine-tune whose config name says QLoRA (inferred)", () => {
    const doc = extractFromFiles([{ path: "README.md", text: readme }]).document;
    const train = doc.steps.find((s) => s.kind === "fine-tune");
    expect(train && "parameterization" in train ? train.parameterization : undefined).toBe("qlora");
    expect(train?.sources?.parameterization?.source).toBe("inferred");
  });

  it("reads nothing from the usage line with placeholders alone", () => {
    const usage = `\`\`\`bash\nxtuner convert merge \${NAME_OR_PATH_TO_LLM} \${NAME_OR_PATH_TO_ADAPTER} \${SAVE_PATH}\n\`\`\`\n`;
    const doc = extractFromFiles([{ path: "README.md", text: usage }]).document;
    expect(doc.steps.filter((s) => s.kind === "adapter-merge")).toEqual([]);
  });
});

describe("post-training quantisation in code or a command (blind dev g8-qnt-vistral, g8-qnt-zh-internlm2)", () => {
  const awq = `from awq import AutoAWQForCausalLM
from transformers import AutoTokenizer

model_path = "/home/user/storages/Vistral-7B-Chat"
quant_path = "Vistral-7B-Chat-AWQ"
quant_config = {"zero_point": True, "q_group_size": 128, "w_bit": 4, "version": "GEMM"}

model = AutoAWQForCausalLM.from_pretrained(model_path)
tokenizer = AutoTokenizer.from_pretrained(model_path, trust_remote_code=True)
model.quantize(tokenizer, quant_config=quant_config)
model.save_quantized(quant_path)
`;

  it("reads an AutoAWQ script as an AWQ quantisation from the folder it loads to the one it saves", () => {
    const [step] = extractFromFiles([{ path: "awq_convert.py", text: awq }]).document.steps;
    expect(step?.kind).toBe("quantization");
    expect(step && "method" in step ? step.method : undefined).toBe("awq");
    expect(step?.inputs?.models?.map((m) => m.id)).toEqual(["local:/home/user/storages/Vistral-7B-Chat"]);
    expect(step?.output?.id).toBe("local:Vistral-7B-Chat-AWQ");
  });

  it("reads llm-compressor's oneshot with a GPTQ recipe from a card's code block", () => {
    const card = `# Int4 copy

\`\`\`python
from llmcompressor import oneshot
from llmcompressor.modifiers.quantization import GPTQModifier

recipe = GPTQModifier(targets="Linear", scheme="W4A16", ignore=["lm_head"])
oneshot(model="Qwen/Qwen2.5-7B-Instruct", dataset="open_platypus", recipe=recipe, output_dir="Qwen2.5-7B-Instruct-W4A16")
\`\`\`
`;
    const doc = extractFromFiles([{ path: "README.md", text: card }]).document;
    expect(doc.steps.map((s) => [s.kind, "method" in s ? s.method : undefined])).toEqual([
      ["quantization", "gptq"],
    ]);
    expect(doc.bases.map((b) => b.id)).toEqual(["Qwen/Qwen2.5-7B-Instruct"]);
  });

  it("reads 'lmdeploy lite auto_awq MODEL --work-dir OUT'", () => {
    const readme =
      "# 量化\n\n```bash\nlmdeploy lite auto_awq \\\n   /root/internlm2-chat-1_8b \\\n  --w-bits 4 \\\n  --work-dir /root/internlm2-chat-1_8b-4bit\n```\n";
    const [step] = extractFromFiles([{ path: "README.md", text: readme }]).document.steps;
    expect(step?.kind).toBe("quantization");
    expect(step?.inputs?.models?.map((m) => m.id)).toEqual(["local:/root/internlm2-chat-1_8b"]);
    expect(step?.output?.id).toBe("local:/root/internlm2-chat-1_8b-4bit");
  });

  it("reads no quantisation in a script that only loads a quantised model to serve it", () => {
    const serve = `from awq import AutoAWQForCausalLM\nmodel = AutoAWQForCausalLM.from_quantized("TheBloke/X-AWQ")\nprint(model.generate("hi"))\n`;
    expect(extractFromFiles([{ path: "serve.py", text: serve }]).document.steps).toEqual([]);
  });
});

describe("a script or module named for data, evaluation or export trains nothing (blind dev g8-ne-zh-qwen25-7b)", () => {
  const commands = (cmd: string) =>
    extractFromFiles([{ path: "README.md", text: `# Project\n\n\`\`\`bash\n${cmd}\n\`\`\`\n` }]).document
      .steps;

  it("reads no step from prepare_data, eval_harness or export_lora modules", () => {
    expect(commands("python -m scripts.prepare_data --config configs/data.yaml --stage all")).toEqual([]);
    expect(commands("python -m scripts.eval_harness --config configs/eval.yaml")).toEqual([]);
    expect(commands("python -m scripts.export_lora --config configs/sft.yaml")).toEqual([]);
  });

  it("still reads a training script whose name also says it trains", () => {
    const steps = commands(
      "python train_data_sft.py --model_name_or_path Qwen/Qwen2.5-0.5B --dataset_name trl-lib/Capybara",
    );
    expect(steps.map((s) => s.kind)).toEqual(["fine-tune"]);
  });
});

describe("a model named as the card's own title is not its parent (blind dev g8-base-zh-chatglm2-6b)", () => {
  // The card's title and its first paragraphs, as THUDM publish them.
  const card =
    '# ChatGLM2-6B\n<p align="center">\n  💻 <a href="https://github.com/THUDM/ChatGLM2-6B" target="_blank">Github Repo</a> • 🐦 <a href="https://twitter.com/thukeg" target="_blank">Twitter</a> • 📃 <a href="https://arxiv.org/abs/2103.10360" target="_blank">[GLM@ACL 22]</a> <a href="https://github.com/THUDM/GLM" target="_blank">[GitHub]</a> • 📃 <a href="https://arxiv.org/abs/2210.02414" target="_blank">[GLM-130B@ICLR 23]</a> <a href="https://github.com/THUDM/GLM-130B" target="_blank">[GitHub]</a> <br>\n</p>\n\n<p align="center">\n    👋 Join our <a href="https://join.slack.com/t/chatglm/shared_invite/zt-1y7pqoloy-9b1g6T6JjA8J0KxvUjbwJw" target="_blank">Slack</a> and <a href="https://github.com/THUDM/ChatGLM-6B/blob/main/resources/WECHAT.md" target="_blank">WeChat</a>\n</p>\n\n## 介绍\nChatGLM**2**-6B 是开源中英双语对话模型 [ChatGLM-6B](https://github.com/THUDM/ChatGLM-6B) 的第二代版本，在保留了初代模型对话流畅、部署门槛较低等众多优秀特性的基础之上，ChatGLM**2**-6B 引入了如下新特性：\n\n1. **更强大的性能**：基于 ChatGLM 初代模型的开发经验，我们全面升级了 ChatGLM2-6B 的基座模型。ChatGLM2-6B 使用了 [GLM](https://github.com/THUDM/GLM) 的混合目标函数，经过了 1.4T 中英标识符的预训练与人类偏好对齐训练，[评测结果](#评测结果)显示，相比于初代模型，ChatGLM2-6B 在 MMLU（+23%）、CEval（+33%）、GSM8K（+571%） 、BBH（+60%）等数据集上的性能取得了大幅度的提升，在同尺寸开源模型中具有较强的竞争力。\n2. **更长的上下文**：基于 [FlashAttention](https://github.com/HazyResearch/flash-attention) 技术，我们将基座模型的上下文长度（Context Length）由 ChatGLM-6B 的 2K 扩展到了 32K，并在对话阶段使用 8K 的上下文长度训练，允许更多轮次的对话。但当前版本的 ChatGLM2-6B 对单轮超长文档的理解能力有限，我们会在后续迭代升级中着重进行优化。\n3. **更高效的推理**：基于 [Multi-Query Attention](http://arxiv.org/abs/1911.02150) 技术，ChatGLM2-6B 有更高效的推理速度和更低的显存占用：在官方的模型实现下，推理速度相比初代提升了 42%，INT4 量化下，6G 显存支持的对话长度由 1K 提升到了 8K。\n\nChatGLM**2**-6B is the second-generation version of the open-source bilingual (Chinese-English) chat model [ChatGLM-6B](https://github.com/THUDM/ChatGLM-6B). It retains the smooth conversation flow and low deployment threshold of the first-generation model, while introducing the following new features:\n\n1. **Stronger Performance**: Based on the development experience of the first-generation ChatGLM model, we have fully upgraded the base model of ChatGLM2-6B. ChatGLM2-6B uses the hybrid objective function of [GLM](https://github.com/THUDM/GLM), and has undergone pre-training with 1.4T bilingual tokens and human preference alignment training. The [evaluation results](README.md#evaluation-results) show that, compared to the first-generation model, ChatGLM2-6B has achieved substantial improvements in performance on datasets like MMLU (+23%), CEval (+33%), GSM8K (+571%), BBH (+60%), showing strong competitiveness among models of the same size.\n2. **Longer Context**: Based on [FlashAttention](https://github.com/HazyResearch/flash-attention) technique, we have extended the context length of the base model from 2K in ChatGLM-6B to 32K, and trained with a context length of 8K during the dialogue alignment, allowing for more rounds of dialogue. However, the current version of ChatGLM2-6B has limited understanding of single-round ultra-long documents, which we will focus on optimizing in future iterations.\n';

  it("reads the publisher's own card as no derivation", () => {
    const doc = extractFromFiles([{ path: "README.md", text: card }]).document;
    expect(doc.steps).toEqual([]);
    expect(doc.bases).toEqual([]);
  });
});

describe("notebooks, and a mergekit configuration written as a Python string (blind dev g8-mrg, t6-rcp-mergekit)", () => {
  const config = `import yaml

MODEL_NAME = "phi-merge-arithmetic"
yaml_config = """
models:
  - model: microsoft/Phi-3.5-mini-instruct
    parameters:
      weight: 1.0
  - model: microsoft/Phi-3-mini-4k-instruct
    parameters:
      weight: 0.6
base_model: microsoft/Phi-3.5-mini-instruct
merge_method: task_arithmetic
dtype: float16
"""

with open("config.yaml", "w", encoding="utf-8") as f:
    f.write(yaml_config)
`;
  const notebook = JSON.stringify({
    cells: [
      { cell_type: "markdown", source: ["# LazyMergekit\n"] },
      { cell_type: "code", source: ["!pip install -qqq mergekit\n", "%cd mergekit\n"] },
      { cell_type: "code", source: config.split(/(?<=\n)/) },
      { cell_type: "code", source: ["!mergekit-yaml config.yaml merge --copy-tokenizer\n"] },
    ],
    metadata: {},
    nbformat: 4,
    nbformat_minor: 0,
  });
  const mergeOf = (path: string, text: string) => {
    const [step] = extractFromFiles([{ path, text }]).document.steps;
    return [
      step?.kind,
      step && "method" in step ? step.method : undefined,
      step?.inputs?.models?.map((m) => m.id),
    ];
  };
  const expected = [
    "merge",
    "task-arithmetic",
    ["microsoft/Phi-3.5-mini-instruct", "microsoft/Phi-3-mini-4k-instruct"],
  ];

  it("reads the configuration string of a Python program as the mergekit recipe it is", () => {
    expect(mergeOf("write_config.py", config)).toEqual(expected);
  });

  it("reads a notebook's code cells as one program, its shell lines left out", () => {
    expect(mergeOf("mergekit.ipynb", notebook)).toEqual(expected);
  });

  it("reads nothing from a file named .ipynb that is not a notebook", () => {
    expect(extractFromFiles([{ path: "x.ipynb", text: "not json" }]).document.steps).toEqual([]);
  });
});

describe("a launcher flag that carries its own file value does not hide the script (blind dev g9-rcp-polyglot-ko)", () => {
  const sh = `accelerate launch \\
--num_processes=4 \\
--use_deepspeed --deepspeed_config_file=configs/deepspeed/ds_config_polyglot_lora.json \\
trainer.py  \\
--model_path EleutherAI/polyglot-ko-12.8b \\
--dataset_path data/train.json  \\
--per_device_train_batch_size 8 \\
--learning_rate 1e-5 \\
--seq_length=1024 \\
--lora \\
--num_train_epochs 3 \\
--lora_r 16 \\
--output_dir ./polyglot-ko_13b_data
`;

  it("reads trainer.py's flags: the model, LoRA rank 16, the sequence length", () => {
    const [step] = extractFromFiles([{ path: "trainer.sh", text: sh }]).document.steps;
    expect(step?.inputs?.models?.map((m) => m.id)).toEqual(["EleutherAI/polyglot-ko-12.8b"]);
    expect(step && "adapter" in step ? step.adapter?.rank : undefined).toBe(16);
    expect(step?.hyperparameters?.maxSequenceLength).toBe(1024);
  });
});

describe("a merge that names no model derives nothing (blind dev g9-neg-synthetic-statedict-merging-methods-lab)", () => {
  it("reads a lab of merging methods on synthetic weights as no lineage", () => {
    const readme = `# merge — model merging lab

Implementations of five model-merging methods on a dict-of-arrays state-dict
abstraction: **linear**, **SLERP**, **task arithmetic**, **TIES**, **DARE**,
and **Model Stock**. Each method is a pure numpy function so the suite runs
on CPU and the unit tests prove the algebraic identities directly.
`;
    expect(extractFromFiles([{ path: "README.md", text: readme }]).document.steps).toEqual([]);
  });

  it("still reads a merge card that names its models", () => {
    const card = `---
tags:
- merge
---
# MyMerge-7B

A SLERP merge of [org/model-a](https://huggingface.co/org/model-a) and [org/model-b](https://huggingface.co/org/model-b).
`;
    const [step] = extractFromFiles([{ path: "README.md", text: card }]).document.steps;
    expect(step?.kind).toBe("merge");
  });
});

describe("an llm-compressor recipe (blind dev g9-qnt-exaone40-12b-llmcompressor-gptq-w4a16)", () => {
  it("is a GPTQ quantisation whose format its scheme gives", () => {
    const recipe = `default_stage:
  default_modifiers:
    GPTQModifier:
      targets: [Linear]
      ignore: [embed_tokens, lm_head]
      scheme: W4A16
      block_size: 128
`;
    const [step] = extractFromFiles([{ path: "recipe.yaml", text: recipe }]).document.steps;
    expect(step?.kind).toBe("quantization");
    expect(step && "method" in step ? step.method : undefined).toBe("gptq");
    expect(step && "bits" in step ? step.bits : undefined).toBe(4);
  });
});

describe("a sentence whose subject is the training data (blind dev g8-int-qwen25-05b-capybara)", () => {
  const card = (line: string) => `# X

## Supervised Fine-Tuning

We fine-tuned Qwen/Qwen2.5-0.5B with LoRA.

${line}
- epoch=3
`;
  const datasets = (line: string) =>
    extractFromFiles([{ path: "README.md", text: card(line) }]).document.steps.flatMap((s) =>
      (s.inputs?.datasets ?? []).map((d) => d.id),
    );

  it("reads 'The train dataset is `org/name` which can be found in huggingface'", () => {
    expect(datasets("- The train dataset is `trl-lib/Capybara` which can be found in huggingface")).toEqual([
      "trl-lib/Capybara",
    ]);
  });

  it("does not read evaluation data said the same way", () => {
    expect(
      datasets("- The train dataset is evaluated on `org/bench` which can be found in huggingface"),
    ).toEqual([]);
  });
});

describe("a folder in a project tree is not the model's Hub id (blind dev g10-ne-zh-classical-chinese-157m)", () => {
  it("names no subject from `src/classic_chinese_llm/`", () => {
    const readme = `# Classic Chinese LLM

A GPT-2 style decoder written from scratch, pretrained and instruction-tuned.

\`\`\`
classic-chinese-llm/
├── configs/
├── src/classic_chinese_llm/
│   ├── config/
\`\`\`
`;
    expect(extractFromFiles([{ path: "README.md", text: readme }]).document.subject.id).toBe("unknown");
  });
});

describe("an adapter section inside a config's training section (blind dev g10-rcp-tinyllama-chat-lora)", () => {
  it("is LoRA with its rank, not a full fine-tune", () => {
    const yaml = `data:
  dataset_name: "recipe_nlg"
model:
  name: "TinyLlama/TinyLlama-1.1B-Chat-v1.0"
  save_dir: "./models/recipe_assistant"
training:
  batch_size: 4
  num_train_epochs: 4
  learning_rate: 2.0e-5
  lora:
    enabled: true
    r: 32
    alpha: 32
`;
    const [step] = extractFromFiles([{ path: "text_generation.yaml", text: yaml }]).document.steps;
    expect(step && "parameterization" in step ? step.parameterization : undefined).toBe("lora");
    expect(step && "adapter" in step ? step.adapter?.rank : undefined).toBe(32);
  });
});

describe("load_4bit: true beside LoRA settings (blind dev g10-rcp-mistral-7b-instruct-qlora-bioasq)", () => {
  it("is QLoRA", () => {
    const yaml = `model:
  base_model: "mistralai/Mistral-7B-Instruct-v0.1"
  load_4bit: true
  use_peft: true
  lora_r: 16
data:
  train_file: "data/train.json"
training:
  num_train_epochs: 1
  learning_rate: 2.0e-4
`;
    const [step] = extractFromFiles([{ path: "finetune.yaml", text: yaml }]).document.steps;
    expect(step && "parameterization" in step ? step.parameterization : undefined).toBe("qlora");
  });
});

describe("a card's fine-tuning method line (blind dev g10-noorg-gemma3-270m-greek)", () => {
  const steps = (line: string) =>
    extractFromFiles([
      { path: "README.md", text: `# Greek Gemma\n\n- **Base Model:** \`google/gemma-3-270m\`\n${line}\n` },
    ]).document.steps.map((s) => [s.kind, "parameterization" in s ? s.parameterization : undefined]);

  it("gives LoRA, and the adapter merge its value states", () => {
    expect(
      steps("- **Fine-tuning method:** LoRA (merged weights) via the Unsloth approach & HuggingFace TRL"),
    ).toEqual([
      ["fine-tune", "lora"],
      ["adapter-merge", undefined],
    ]);
  });

  it("says nothing when the value names several methods", () => {
    expect(steps("- **Training method:** LoRA or full fine-tuning")).toEqual([["fine-tune", undefined]]);
  });
});

describe("a Sentence Transformers card's loss tag (dev d-folder-st-scibert-mnrl-ckpt)", () => {
  it("is an embedding objective (other), its loss kept in the notes", () => {
    const card = `---
tags:
- sentence-transformers
- generated_from_trainer
- loss:MultipleNegativesRankingLoss
base_model: allenai/scibert_scivocab_uncased
---
# SentenceTransformer based on allenai/scibert_scivocab_uncased

This is a [sentence-transformers](https://www.SBERT.net) model finetuned from [allenai/scibert_scivocab_uncased](https://huggingface.co/allenai/scibert_scivocab_uncased).

### Training Hyperparameters

- \`learning_rate\`: 2e-05
- \`num_train_epochs\`: 1
`;
    const [step] = extractFromFiles([{ path: "README.md", text: card }]).document.steps;
    expect(step && "objective" in step ? step.objective : undefined).toBe("other");
    expect(step?.notes).toMatch(/multiplenegativesrankingloss/i);
  });
});
