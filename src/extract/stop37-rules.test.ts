/**
 * Rules written at stop 37 from the dev misses of non-English technical notes (layouts rewritten, not copied).
 * Each case was checked to fail without its rule.
 */
import { describe, expect, it } from "vitest";
import { extractFromFiles } from "./extract-from-files.js";

const docOf = (text: string, path = "README.md") => extractFromFiles([{ path, text }]).document;
const fence = (lines: string[]) => ["```python", ...lines, "```"].join("\n");

describe("plain assignments in a card's Python fence (v2-ne-vi-legal-llama32-3b-sft-unsloth)", () => {
  const card = [
    "# Ghi chú kỹ thuật",
    "- **Base Model**: `unsloth/Llama-3.2-3B-Instruct-bnb-4bit`",
    "## LoRA Parameters",
    fence([
      "r = 32                     # rank",
      "lora_alpha = 16",
      "target_modules = [",
      '    "q_proj", "v_proj",  # attention',
      "]",
    ]),
    "## Training Arguments",
    fence(["num_train_epochs = 2", "learning_rate = 2e-4", 'lr_scheduler_type = "cosine"']),
  ];

  it("reads the settings and the adapter, a list over several rows included", () => {
    const step = docOf(card.join("\n\n")).steps[0];
    expect(step?.hyperparameters).toMatchObject({ epochs: 2, learningRate: 2e-4, scheduler: "cosine" });
    expect(step?.kind === "fine-tune" ? step.adapter : undefined).toMatchObject({
      rank: 32,
      alpha: 16,
      targetModules: ["q_proj", "v_proj"],
    });
  });

  it("does not read generation code, nor advice under an out-of-memory heading", () => {
    const generation = [card[0], card[1], fence(["max_length = 512", "seed = 42", "temperature = 0.7"])];
    expect(docOf(generation.join("\n\n")).steps[0]?.hyperparameters ?? {}).toEqual({});
    const advice = [
      card[0],
      card[1],
      "## Sorun Giderme",
      "### Out of memory",
      fence(["per_device_train_batch_size = 1  # 2 yerine 1", "max_length = 64"]),
    ];
    expect(docOf(advice.join("\n\n")).steps[0]?.hyperparameters ?? {}).toEqual({});
  });
});

describe("Vietnamese, Indonesian and Turkish cards (evidence/ml-vi-id-tr.ts)", () => {
  const baseOf = (text: string) => docOf(text).bases.map((b) => b.id);

  it("reads the base of 'versi fine-tuned dari X' (id) and 'được fine-tune từ X' (vi)", () => {
    expect(
      baseOf(
        "# Deteksi Spam\n\nModel ini adalah versi fine-tuned dari [`microsoft/deberta-v3-small`](https://huggingface.co/microsoft/deberta-v3-small) untuk klasifikasi teks.\n",
      ),
    ).toEqual(["microsoft/deberta-v3-small"]);
    expect(
      baseOf(
        "# Trợ lý lập trình\n\nDự án là một trợ lý AI, được fine-tune từ **Qwen/Qwen2.5-1.5B-Instruct** với 10.000 bài học.\n",
      ),
    ).toEqual(["Qwen/Qwen2.5-1.5B-Instruct"]);
  });

  it("reads a Turkish base label beside a training word, and the dataset the training used", () => {
    const doc = docOf(
      [
        "# Hukuk Asistanı (İnce Ayar)",
        "## Teknik Detaylar",
        "- Ana Model: Qwen/Qwen2.5-7B-Instruct",
        "- Eğitim Yöntemi: LoRA ile ince ayar",
        "## Veri",
        "Model, acme/hukuk-qa veri seti ile eğitilmiştir.",
      ].join("\n\n"),
    );
    expect(doc.bases.map((b) => b.id)).toEqual(["Qwen/Qwen2.5-7B-Instruct"]);
    expect(doc.steps[0]?.inputs?.datasets?.map((d) => d.id)).toContain("acme/hukuk-qa");
  });

  it("takes no base from an architecture trained from scratch (sıfırdan)", () => {
    expect(
      baseOf(
        "# Vergi Modeli\n\nGPT-2 mimarisi temel alınmış ve model sıfırdan Türkçe verilerle eğitilmiştir.\n",
      ),
    ).toEqual([]);
  });
});

describe("the chain a quantised copy's quoted card tells (y5-qnt-zephyr-7b-beta-gguf-thebloke-card, y1-qnt-mythomax-l2-13b-gptq)", () => {
  const copy = (quoted: string[], datasets: string[] = []) =>
    [
      "---",
      "base_model: acme/Helper-7B",
      ...(datasets.length ? ["datasets:", ...datasets.map((d) => `- ${d}`)] : []),
      "---",
      "# Helper 7B - GGUF",
      "- Model creator: [Acme](https://huggingface.co/acme)",
      "- Original model: [Helper 7B](https://huggingface.co/acme/Helper-7B)",
      "## Description",
      "This repo contains GGUF format model files for Acme's Helper 7B.",
      "# Original model card: Acme's Helper 7B",
      ...quoted,
    ].join("\n\n");

  it("puts the source's own training before the quantisation, with the copy's datasets", () => {
    const doc = docOf(
      copy(
        [
          "Helper is a fine-tuned version of [mistralai/Mistral-7B-v0.1](https://huggingface.co/mistralai/Mistral-7B-v0.1) on a mix of public datasets.",
          "It was first fine-tuned on [stingning/ultrachat](https://huggingface.co/datasets/stingning/ultrachat), then aligned with DPO.",
        ],
        ["HuggingFaceH4/ultrachat_200k"],
      ),
    );
    expect(doc.steps.map((s) => s.kind)).toEqual(["fine-tune", "fine-tune", "quantization"]);
    const [sft, dpo, quantised] = doc.steps;
    expect(sft?.inputs?.models?.map((m) => m.id)).toEqual(["mistralai/Mistral-7B-v0.1"]);
    expect(sft?.inputs?.datasets?.map((d) => d.id)).toEqual(["HuggingFaceH4/ultrachat_200k"]);
    expect(dpo?.kind === "fine-tune" ? dpo.objective : undefined).toBe("dpo");
    expect(dpo?.output?.id).toBe("acme/Helper-7B");
    expect(quantised?.inputs?.models?.map((m) => m.id)).toEqual(["acme/Helper-7B"]);
    expect(sft?.provenance?.confidence).toBeLessThanOrEqual(0.7);
  });

  it("reads a merge told as '[A](…) and [B](…) merge'", () => {
    const doc = docOf(
      copy([
        "An improved variant of my [Logic-L2](https://huggingface.co/acme/Logic-L2-13b) and [Muse](https://huggingface.co/other/Muse-13b) merge using an experimental tensor merge technique.",
      ]),
    );
    expect(doc.steps.map((s) => s.kind)).toEqual(["merge", "quantization"]);
    expect(doc.steps[0]?.inputs?.models?.map((m) => m.id)).toEqual(["acme/Logic-L2-13b", "other/Muse-13b"]);
  });

  it("adds nothing from a base model's card, which names no model it came from", () => {
    const doc = docOf(
      copy(["Helper 7B is an instruction-tuned language model. It was post-trained with SFT and RLHF."]),
    );
    expect(doc.steps.map((s) => s.kind)).toEqual(["quantization"]);
  });
});

describe("settings and formats offered, not the run's (y6-ne-fa-paradise-llama31-8b-qlora-rtx3080, y6-ne-vi-vieneu-tts-from-neutts-air)", () => {
  it("keeps the first fence's value when a later fence offers another", () => {
    const card = [
      "# راهنمای آموزش",
      "- **Base Model**: `meta-llama/Meta-Llama-3.1-8B-Instruct`",
      fence(["LORA_R = 64", "LORA_ALPHA = 16", "LEARNING_RATE = 2e-4", "NUM_EPOCHS = 5"]),
      "## تنظیمات پیشرفته",
      fence(["LORA_R = 128  # از 64 به 128", "LORA_ALPHA = 32"]),
    ];
    const step = docOf(card.join("\n\n")).steps[0];
    expect(step?.kind === "fine-tune" ? step.adapter : undefined).toMatchObject({ rank: 64, alpha: 16 });
    expect(step?.hyperparameters).toMatchObject({ learningRate: 2e-4, epochs: 5 });
  });

  it("does not take a list of release formats for a GGUF conversion", () => {
    const card = [
      "# TTS tiếng Việt",
      "Được fine-tune từ [Acme Voice](https://huggingface.co/acme/voice-base) trên dữ liệu tiếng Việt.",
      "- **Format**: Safetensors và GGUF (Q8, Q4)",
    ].join("\n\n");
    expect(docOf(card).steps.map((s) => s.kind)).toEqual(["fine-tune"]);
  });
});

describe("a quantisation pipeline's title names its source (t2-qz-qwen36-27b-gguf-pipeline-readme)", () => {
  const card = (title: string) =>
    [
      `# ${title}`,
      "Production-ready GGUF quantization pipeline with benchmarking.",
      "```bash",
      "q36 download Acme/Helper-27B --output-dir models/",
      "q36 convert models/Helper-27B --outtype f16",
      "llama-quantize model-f16.gguf model-Q4_K_M.gguf Q4_K_M",
      "```",
    ].join("\n\n");

  it("starts the quantisation from the one Hub id whose name the title puts before a format word", () => {
    const doc = docOf(card("Q36: Helper-27B GGUF Quantization Pipeline"));
    const step = doc.steps.find((s) => s.kind === "quantization");
    expect(step?.inputs?.models?.map((m) => m.id)).toEqual(["Acme/Helper-27B"]);
  });

  it("names nothing when the title does not put a format word after the name", () => {
    const doc = docOf(card("Helper-27B tooling"));
    const step = doc.steps.find((s) => s.kind === "quantization");
    expect(step?.inputs?.models ?? []).toEqual([]);
  });
});

describe("'This is a [X](…) <kind> model fine-tuned on …' (x2-int-whisper-turbo-kaz-rus-lora-on-ksc2-checkpoint)", () => {
  it("names the original base when the front matter names an intermediate checkpoint", () => {
    const card = [
      "---",
      "base_model: acme/whisper-turbo-kk",
      "library_name: peft",
      "---",
      "# Model Card",
      "This is a [**whisper-large-v3-turbo**](https://huggingface.co/openai/whisper-large-v3-turbo) speech-to-text model",
      "fine-tuned on [Kazakh Speech Corpus 2](https://huggingface.co/datasets/issai/Kazakh_Speech_Corpus_2).",
    ].join("\n");
    const doc = docOf(card);
    expect(doc.bases.map((b) => b.id)).toEqual(["openai/whisper-large-v3-turbo"]);
    expect(doc.steps[0]?.output?.id).toBe("acme/whisper-turbo-kk");
  });

  it("does not read a model the sentence only compares with", () => {
    const card = "# Card\n\nThis is a [X](https://huggingface.co/acme/x) model card, not trained by us.\n";
    expect(docOf(card).bases).toEqual([]);
  });
});

describe("the base a card's local adapter loads onto (y6-ne-pl-bielik11b-cybernetyka-lora)", () => {
  const card = (adapter: string) =>
    [
      "# Fine-tuning Bielik z korpusem",
      "Trening LoRA (SFT) na własnym korpusie.",
      "```python",
      "from peft import PeftModel",
      'base_model = AutoModelForCausalLM.from_pretrained("speakleash/Bielik-11B-v2.2-Instruct")',
      `model = PeftModel.from_pretrained(base_model, "${adapter}")`,
      "```",
    ].join("\n\n");

  it("takes the model a local adapter is loaded onto as the base", () => {
    expect(docOf(card("./bielik-lora")).bases.map((b) => b.id)).toEqual([
      "speakleash/Bielik-11B-v2.2-Instruct",
    ]);
  });

  it("does not when the adapter is someone's Hub id", () => {
    expect(docOf(card("other/some-adapter")).bases.map((b) => b.id)).toEqual([]);
  });
});

describe("a reader's template field is no dataset (y7-card-camoscio-italian-alpaca-lora-llama7b)", () => {
  const script = (data: string) =>
    [
      "python finetune.py \\",
      "  --base_model='acme/llama-7b-hf' \\",
      `  --data_path='${data}' \\`,
      "  --num_epochs=3",
    ].join("\n");
  const datasets = (text: string) =>
    extractFromFiles([{ path: "train.sh", text }]).document.steps.flatMap((s) => s.inputs?.datasets ?? []);

  it("drops `{your_dataset_path.json}` and keeps a real file", () => {
    expect(datasets(script("{your_dataset_path.json}"))).toEqual([]);
    expect(datasets(script("data/alpaca_it.json")).map((d) => d.id)).toEqual(["data/alpaca_it.json"]);
  });
});

describe("a base labelled in a table before a name in a sentence (y7-ne-es-okla-llama3-8b-qlora-gguf-colab)", () => {
  it("takes the table's base", () => {
    const table = [
      "| Componente | Configuración |",
      "| --- | --- |",
      "| **Modelo base** | Meta-Llama-3-8B-Instruct |",
      "| **Método** | QLoRA (PEFT) |",
    ].join("\n");
    const card = ["# Fine-Tuning Llama 3 8B con QLoRA", "Entrenamiento con QLoRA en Colab.", table].join(
      "\n\n",
    );
    expect(docOf(card).bases.map((b) => b.id)).toEqual(["meta-llama/Meta-Llama-3-8B-Instruct"]);
  });
});

describe("an es settings table under '| Componente | Configuración |' (y7-ne-es-okla-llama3-8b-qlora-gguf-colab)", () => {
  it("reads its rows, a number before a label as that label's value", () => {
    const table = [
      "| Componente | Configuración |",
      "| --- | --- |",
      "| **Modelo base** | Meta-Llama-3-8B-Instruct |",
      "| **Learning rate** | 2e-4 con cosine annealing |",
      "| **Batch size** | 2 × 8 gradient accumulation = 16 efectivo |",
    ].join("\n");
    const card = ["# Ajuste fino con QLoRA", "Entrenamiento del asistente con QLoRA.", table].join("\n\n");
    expect(docOf(card).steps[0]?.hyperparameters).toMatchObject({
      learningRate: 2e-4,
      scheduler: "cosine",
      perDeviceBatchSize: 2,
      gradientAccumulationSteps: 8,
    });
  });
});

describe("an Ollama Modelfile beside a card that trained a model (y7-qnt-enbeddrus-mbert-en-ru-ollama-q8)", () => {
  const card = [
    "# Enbeddrus",
    "This model is a fine-tuned version of [google-bert/bert-base-multilingual-cased](https://huggingface.co/google-bert/bert-base-multilingual-cased) on parallel sentences.",
  ].join("\n\n");
  const kinds = (from: string) =>
    extractFromFiles([
      { path: "README.md", text: card },
      { path: "models/Modelfile.pc", text: `FROM ${from}\nPARAMETER num_ctx 512\n` },
    ]).document.steps.map((s) => [s.kind, s.kind === "quantization" ? s.output?.id : undefined]);

  it("is the GGUF export of the card's model", () => {
    expect(kinds("./enbeddrus-v0.2-q8_0.gguf")).toEqual([
      ["fine-tune", undefined],
      ["quantization", "./enbeddrus-v0.2-q8_0.gguf"],
    ]);
  });

  it("says nothing when it pulls a library model", () => {
    expect(kinds("qwen2.5:0.5b")).toEqual([["fine-tune", undefined]]);
  });
});

describe("the usage line of a script's own docstring (y1-qnt-sentinelops-qwen-coder-lora-awq)", () => {
  const script = [
    '"""',
    "merge_lora.py",
    "",
    "Usage:",
    "    python merge_lora.py \\",
    "        --base-model Qwen/Qwen2.5-Coder-7B-Instruct \\",
    "        --adapter outputs/x-lora \\",
    "        --output outputs/x-merged",
    '"""',
    "import argparse",
    "parser = argparse.ArgumentParser()",
    'parser.add_argument("--base-model", required=True)',
    'parser.add_argument("--adapter", required=True)',
    'parser.add_argument("--output", required=True)',
  ].join("\n");

  it("reads a program with required flags only as its usage line runs it", () => {
    const [step] = extractFromFiles([{ path: "merge_lora.py", text: script }]).document.steps;
    expect(step?.kind).toBe("adapter-merge");
    expect(step?.inputs?.models?.map((m) => m.id)).toContain("Qwen/Qwen2.5-Coder-7B-Instruct");
    expect(step?.output?.id).toBe("local:outputs/x-merged");
  });
});
