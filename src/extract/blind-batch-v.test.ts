/**
 * Rules written from the first-run misses of the blind dev batches `v1-` and `v2-` (test/fixtures/corpus/dev,
 * labelled by helpers who never ran ftl, stop 27). Each case is rewritten from the layout of a batch file, as a
 * user would pass it to `ftl import`; each was checked to fail without its rule.
 */
import { describe, expect, it } from "vitest";
import { refKind } from "../model/refs.js";
import { extractFromFiles } from "./extract-from-files.js";

const docOf = (text: string, path = "README.md") => extractFromFiles([{ path, text }]).document;

describe("never a subject from another site's address (v1-ne-zh-qwen25-15b-instruct-qlora-sft-then-dpo-belle)", () => {
  it("a repository named in a star-history badge's query is not the model of the title", () => {
    const card = [
      "# Chinese-LLM-Tuning",
      "",
      "本项目使用 QLoRA 对 Qwen2.5-1.5B-Instruct 进行 SFT，然后进行 DPO。",
      "",
      "[![Star History Chart](https://api.star-history.com/image?repos=someone/Chinese-LLM-Tuning&type=date)](https://www.star-history.com/?repos=someone%2FChinese-LLM-Tuning)",
    ].join("\n");
    expect(docOf(card).subject.id).toBe("unknown");
  });

  it("still reads the model of the title written as a Hub id", () => {
    const card = [
      "# Chinese-LLM-Tuning",
      "",
      "We fine-tuned Qwen/Qwen2.5-1.5B-Instruct with QLoRA and published someone/Chinese-LLM-Tuning.",
    ].join("\n");
    expect(docOf(card).subject.id).toBe("someone/Chinese-LLM-Tuning");
  });
});

describe("a model the card compares with is not its base (v1-ne-zh-toucan-7b-chinese-llama-full-ft-4bit)", () => {
  it("zh: '效果略好于ChatGLM-6B', '与ChatGLM-6B 效果相当'", () => {
    const card = [
      "# Toucan",
      "",
      "本项目提供微调训练代码。我们提供的Toucan-7B的效果略好于ChatGLM-6B. 4 bit 量化后的模型与ChatGLM-6B 效果相当。",
      "",
      "模型全参数微调+deepspeed。",
    ].join("\n");
    expect(docOf(card).bases.map((b) => b.id)).not.toContain("THUDM/chatglm-6b");
  });

  it("keeps a base the sentence names as such", () => {
    const card = "# X\n\n本模型基于 ChatGLM-6B 进行 LoRA 微调训练。\n";
    expect(docOf(card).bases.map((b) => b.id)).toContain("THUDM/chatglm-6b");
  });
});

describe("a variable's name is a placeholder, not a file (v1-ne-zh-toucan-7b-chinese-llama-full-ft-4bit)", () => {
  it("data_path, model_save_path and llama_to_hf_path name nothing", () => {
    for (const v of ["data_path", "model_save_path", "llama_to_hf_path", "train_file", "output_dir"])
      expect(refKind(v)).toBe("placeholder");
    for (const v of ["data/train.json", "./output_dir", "alpaca_data.json", "my-model"])
      expect(refKind(v)).not.toBe("placeholder");
  });

  it("a command's `--data_path data_path` lists no dataset", () => {
    const card = [
      "# Toucan",
      "",
      "```",
      "torchrun --nproc_per_node=4 train.py \\",
      "    --model_name_or_path llama_to_hf_path \\",
      "    --data_path data_path \\",
      "    --output_dir model_save_path \\",
      "    --num_train_epochs 2 \\",
      "    --learning_rate 8e-6",
      "```",
    ].join("\n");
    const ids = docOf(card).steps.flatMap((s) => (s.inputs?.datasets ?? []).map((d) => d.id));
    expect(ids).toEqual([]);
  });
});

describe("quantised copies of the v2 batch (v2-qnt-thaillm-30b-nvfp4-study, v2-qnt-codeshell-7b-chat-int4-mirror)", () => {
  const study = [
    "# ThaiLLM-30B → NVFP4 on NVIDIA DGX Spark",
    "",
    "A reproducible quantization study: [ThaiLLM/ThaiLLM-30B](https://huggingface.co/ThaiLLM/ThaiLLM-30B) quantized to **NVFP4** with NVIDIA TensorRT Model Optimizer and compared against BF16.",
    "",
    "| | BF16 | NVFP4 |",
    "|---|---|---|",
    "| Decode | 27.1 tok/s | 63.1 tok/s |",
    "",
    "*(References are instruction-tuned, scored raw-completion style.)*",
  ].join("\n");

  it("'quantized to **NVFP4**' with emphasis states the copy; the compared models' words are no training", () => {
    const [step, ...rest] = docOf(study).steps;
    expect(rest).toEqual([]);
    expect(step?.kind).toBe("quantization");
    expect((step?.inputs?.models ?? []).map((m) => m.id)).toEqual(["ThaiLLM/ThaiLLM-30B"]);
  });

  it("the unquantised reference (BF16) is not the format of an NVFP4 copy", () => {
    const [step] = docOf(study).steps;
    expect(step?.kind === "quantization" ? step.format : undefined).toBe("nvfp4");
  });

  it("'This repository is for the Int4 quantized model of X' is a copy, its source unnamed", () => {
    const card = [
      "# CodeShell",
      "",
      "CodeShell is a multi-language code LLM. This repository is for the Int4 quantized model of CodeShell-7B-Chat.",
    ].join("\n");
    const [step] = docOf(card).steps;
    expect(step?.kind).toBe("quantization");
  });
});

describe("a title's LoRA is refined by the QLoRA the text states (x2-card-mistral-uz-7b-uzbek-self-instruct-qlora)", () => {
  it("'... with LoRA' in the title, 'using **QLoRA**' in the text: QLoRA", () => {
    const card = [
      "# Instruction-Tuned Uzbek Language Model with LoRA",
      "",
      "## Fine-Tuning the Model",
      "",
      "I fine-tuned the [`mistralai/Mistral-7B-v0.1`](https://huggingface.co/mistralai/Mistral-7B-v0.1) base model using **QLoRA** for memory-efficient training.",
    ].join("\n");
    const [step] = docOf(card).steps;
    expect(step?.kind === "fine-tune" ? step.parameterization : undefined).toBe("qlora");
  });
});

describe("first runs of the x1 batch (x1-ne-es-kai-qwen35-4b-lora-oig-gguf, x1-ne-ko-koalpaca-polyglot-gptq-autogptq)", () => {
  it("es: a settings table's 'Modelo base', 'Técnica' and 'Pasos' rows; Qwen3.5 named without its org", () => {
    const card = [
      "# Kai ML Notebooks",
      "",
      "## Lo que entrenamos",
      "",
      "| Parámetro | Valor |",
      "|-----------|-------|",
      "| **Modelo base** | Qwen3.5-4B (Alibaba, Feb 2026) |",
      "| **Técnica** | LoRA — r=16, alpha=16 |",
      "| **Dataset** | [LAION OIG chip2](https://huggingface.co/datasets/laion/OIG) — 500 ejemplos |",
      "| **Pasos** | 100 steps (~15 min en T4) |",
    ].join("\n");
    const [step] = docOf(card).steps;
    expect(step?.kind).toBe("fine-tune");
    if (step?.kind !== "fine-tune") return;
    expect((step.inputs?.models ?? []).map((m) => m.id)).toEqual(["Qwen/Qwen3.5-4B"]);
    expect(step.parameterization).toBe("lora");
    expect(step.hyperparameters?.maxSteps).toBe(100);
  });

  it("ko: an AutoGPTQ example command quantises the model it names, beside words that say GPTQ 양자화", () => {
    const card = [
      "# GPTQ-for-KoAlpaca",
      "[AutoGPTQ](https://github.com/PanQiWei/AutoGPTQ)를 사용하여 GPTQ 양자화 알고리즘을 KoAlpaca에 적용하기 위한 코드입니다.",
      "## 양자화",
      "```",
      "python quant_with_alpaca.py --pretrained_model_dir beomi/KoAlpaca-Polyglot-5.8B --quantized_model_dir ./model",
      "```",
    ].join("\n");
    const [step, ...rest] = docOf(card).steps;
    expect(rest).toEqual([]);
    expect(step?.kind).toBe("quantization");
    if (step?.kind !== "quantization") return;
    expect(step.method).toBe("gptq");
    expect((step.inputs?.models ?? []).map((m) => m.id)).toEqual(["beomi/KoAlpaca-Polyglot-5.8B"]);
  });
});

describe("first run of the z1 batch (z1-qnt-mungert-qwen25-05b-instruct-gguf-iq-quants, v2-qnt-minicpm5-2b-mlx-gguf-mirror)", () => {
  const card = [
    "---",
    "base_model: Qwen/Qwen2.5-0.5B",
    "---",
    "",
    '# <span style="color: #7FFF7F;">Qwen2.5-0.5B-Instruct GGUF Models</span>',
    "",
    "| Model Format | Precision | Memory Usage |",
    "|---|---|---|",
    "| **BF16** | Highest | High |",
    "| **Q4_K** | Medium Low | Low |",
    "",
    "# Qwen2.5-0.5B-Instruct",
    "",
    "## Introduction",
    "",
    "Qwen2.5 is the latest series of Qwen large language models. The model was instruction-tuned (SFT) on our data.",
    "",
    "```python",
    'model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-0.5B-Instruct")',
    "```",
  ].join("\n");

  it("a GGUF copy that quotes its source's card under the source's own name is a quantisation, its subject unnamed", () => {
    const doc = docOf(card);
    expect(doc.steps.map((s) => s.kind)).toEqual(["quantization"]);
    expect(doc.subject.id).toBe("unknown");
  });

  it("a switch's table row that holds no switch value ('| **BF16** | Highest |') sets nothing", () => {
    const [step] = docOf(card).steps;
    expect(JSON.stringify(step)).not.toContain("Highest");
  });

  it("a size with thousands separators in a table of builds is no layer range of a merge", () => {
    const builds = [
      "# MiniCPM5-2B",
      "",
      "| Build | Bytes | Upstream |",
      "| --- | ---: | --- |",
      "| bf16 | 5,033,557,096 | [`openbmb/MiniCPM5-2B`](https://huggingface.co/openbmb/MiniCPM5-2B) |",
      "| MLX 4-bit | 1,416,035,216 | [`openbmb/MiniCPM5-2B-MLX`](https://huggingface.co/openbmb/MiniCPM5-2B-MLX) |",
    ].join("\n");
    expect(docOf(builds).steps.some((s) => s.kind === "merge")).toBe(false);
  });
});

describe("a Trainer card's training_steps (x2-tac-whisper-tiny-norwegian-bokmal-ncc-s)", () => {
  it("is max_steps, as transformers' TrainingSummary writes it", () => {
    const card = [
      "---",
      "tags:",
      "- generated_from_trainer",
      "---",
      "# x",
      "",
      "This model is a fine-tuned version of [openai/whisper-tiny](https://huggingface.co/openai/whisper-tiny) on the NbAiLab/NCC_S dataset.",
      "",
      "### Training hyperparameters",
      "",
      "The following hyperparameters were used during training:",
      "- learning_rate: 3e-06",
      "- train_batch_size: 256",
      "- lr_scheduler_warmup_steps: 1000",
      "- training_steps: 100000",
    ].join("\n");
    const [step] = docOf(card).steps;
    expect(step?.kind === "fine-tune" ? step.hyperparameters?.maxSteps : undefined).toBe(100000);
  });
});

describe("a base linked under a heading that names it so (v1-ne-zh-baichuan7b-qlora-belle-05m)", () => {
  it("zh: '### 大模型' over '百川7B https://huggingface.co/baichuan-inc/baichuan-7B'", () => {
    const card = [
      "# baichuan_sft_lora",
      "采用qlora的量化微调的方式对百川大模型进行人类意图对齐训练。",
      "",
      "### 大模型",
      "百川7B ",
      "https://huggingface.co/baichuan-inc/baichuan-7B",
      "",
      "### sft 数据集",
      "https://huggingface.co/datasets/BelleGroup/train_0.5M_CN",
    ].join("\n");
    expect(docOf(card).bases.map((b) => b.id)).toEqual(["baichuan-inc/baichuan-7B"]);
  });

  it("not under a heading that only contains the words", () => {
    const card = [
      "# x",
      "We fine-tuned with LoRA on our data.",
      "",
      "### Comparison with other base models",
      "See https://huggingface.co/org/other-model for the numbers.",
    ].join("\n");
    expect(docOf(card).bases.map((b) => b.id)).not.toContain("org/other-model");
  });
});
