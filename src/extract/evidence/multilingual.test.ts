/**
 * Statements in other languages, on snippets quoted from dev corpus cards (test/fixtures/corpus/dev/…) and from
 * public cards and READMEs (named beside each snippet).
 */
import { describe, expect, it } from "vitest";
import type { CardState } from "../card-body.js";
import { readWith } from "./_test-card.js";
import { readMultilingual } from "./multilingual.js";

const read = (text: string): CardState => readWith(readMultilingual, text);

const bases = (s: CardState) => s.proseBases.map((b) => b.value);
const datasets = (s: CardState) => s.proseDatasets.map((d) => d.value);
const hp = (s: CardState) => Object.fromEntries(s.hp.map((h) => [h.key, h.value]));
const methods = (s: CardState) =>
  s.prose.map((p) => [p.step.objective?.value, p.step.parameterization?.value]);

describe("training settings", () => {
  it("ja: settings listed under トレーニング設定 are a run's (dev e-ne-ja-technavi-gemma3-270m-mlx-lora MODELS.md)", () => {
    const s = read(
      "### トレーニング設定\n- **手法**: LoRA (Low-Rank Adaptation)\n- **学習率**: 1e-4\n- **バッチサイズ**: 1 (勾配蓄積付き)\n- **最大シーケンス長**: 512トークン",
    );
    expect(hp(s)).toMatchObject({ learning_rate: "1e-4", max_seq_length: "512" });
    expect(s.genericFineTune).toBeDefined();
  });

  it("settings under another heading do not make a run by themselves", () => {
    const s = read("### 推論設定\n- **学習率**: 1e-4");
    expect(s.genericFineTune).toBeUndefined();
  });
});

describe("base model", () => {
  it("zh: 基于 [X](hub link) 训练 (dev c-ne-zh-anima33b-qlora-training)", () => {
    const s = read(
      "Anima模型基于QLoRA开源的[33B guanaco](https://huggingface.co/timdettmers/guanaco-33b)训练了10000 steps。训练使用一个H100 GPU。",
    );
    expect(bases(s)).toEqual(["timdettmers/guanaco-33b"]);
    expect(s.proseBases[0]?.source).toMatchObject({ line: 1, confidence: 0.8 });
    expect(s.genericFineTune).toBe(1);
  });

  it("zh: 基于 X without a training word is not a base (dev c-ne-zh-linksoul-chinese-llama2-7b)", () => {
    const s = read(
      "- 7月31号 基于 Chinese-llama2-7b 的中英双语语音-文本 [LLaSM](https://github.com/LinkSoul-AI/LLaSM) 多模态模型开源 🔥🔥🔥",
    );
    expect(bases(s)).toEqual([]);
  });

  it("zh: 对 X 进行指令微调, with QLoRA (xueh88401-web/qwen2.5-7b-medical-finetune README)", () => {
    const s = read(
      "使用 QLoRA 技术在 **QiZhenGPT** 医疗数据集上对 Qwen2.5-7B-Instruct 进行指令微调，提升其在医疗问答中的专业性和准确性。",
    );
    expect(bases(s)).toEqual(["Qwen2.5-7B-Instruct"]);
    expect(methods(s)).toEqual([["sft", "qlora"]]);
  });

  it("zh: 使用 X 模型 … 微调训练 (CPU-DS/Code-AiHelper README); 使用 X 进行评估 is not", () => {
    expect(
      bases(
        read(
          "本项目展示了如何基于 transformers、peft 等框架，使用 Qwen2.5-7B-Instruct 模型在数据集上进行Lora微调训练",
        ),
      ),
    ).toEqual(["Qwen2.5-7B-Instruct"]);
    expect(bases(read("我们使用GPT4进行评估。"))).toEqual([]);
  });

  it("ja: X をベースモデルとして採用 (dev c-ne-ja-tarot-tinyllama-qlora)", () => {
    const s = read(
      "実装: TinyLlama-1.1B-Chat-v1.0 をベースモデルとして採用。独自の学習データ（20例）を用いて、QLoRAによる効率的なファインチューニングを実施した。",
    );
    expect(bases(s)).toEqual(["TinyLlama-1.1B-Chat-v1.0"]);
    expect(methods(s)).toEqual([[undefined, "qlora"]]);
  });

  it("ko: X를 기반으로 … fine-tuning된 모델, 베이스 모델: X (sanguk-project/master gemma-7b-r16-master README)", () => {
    const s = read(
      "이 모델은 Google의 Gemma-7B를 기반으로 LoRA(Low-Rank Adaptation) 기법을 사용하여 fine-tuning된 모델입니다.",
    );
    expect(bases(s)).toEqual(["Gemma-7B"]);
    expect(methods(s)).toEqual([[undefined, "lora"]]);
    expect(bases(read("- **베이스 모델:** google/gemma-7b"))).toEqual(["google/gemma-7b"]);
  });

  it("ko: [X](link) 를 baseline 모델로 채택 (dev c-ne-ko-ohlora-v4-kanana-lora-report)", () => {
    const s = read(
      "* 사용 LLM\n  * [Kanana-1.5-2.1B-instruct-2505](https://huggingface.co/kakaocorp/kanana-1.5-2.1b-instruct-2505) 를 baseline 모델로 채택",
    );
    expect(bases(s)).toEqual(["kakaocorp/kanana-1.5-2.1b-instruct-2505"]);
  });

  it("ko: a label item and its value item (dev c-ne-ko-deepseek-coder-diagram-sft)", () => {
    const s = read("## 1. LLM Fine-Tuning\n\n* LLM\n  * **deepseek-coder-1.3b-instruct**\n");
    expect(bases(s)).toEqual(["deepseek-coder-1.3b-instruct"]);
    expect(s.proseBases[0]?.source).toMatchObject({ line: 4, confidence: 0.7 });
  });

  it("en label in a Korean README: Base Model: 🔗 org/name (dev c-ne-ko-denji-kanana-qlora-readme)", () => {
    const s = read("Base Model:\n🔗 kakaocorp/kanana-1.5-8b-instruct-2505\n(로컬에 다운로드 후 QLoRA 적용)");
    expect(bases(s)).toEqual(["kakaocorp/kanana-1.5-8b-instruct-2505"]);
  });

  it("ru: Дообучение X на … (dev c-noorg-ru-warhammer-qwen25-7b-lora), with LoRA and the context length", () => {
    const s = read(
      "# Qwen 2.5 7B Fine-tuning для Warhammer 40K\n\nДообучение Qwen 2.5 7B на историях Warhammer 40K (104 истории, 16K контекст, LoRA)",
    );
    expect(bases(s)).toEqual(["Qwen 2.5 7B"]);
    expect(methods(s)).toEqual([[undefined, "lora"]]);
    expect(hp(s)).toEqual({ max_seq_length: "16384" });
  });

  it("ru, es, fr: «на основе» / «basado en» / «basé sur» [X](link) with a verb of building (dev agents-course pages)", () => {
    const link = "[google/gemma-2-2b-it](https://huggingface.co/google/gemma-2-2b-it)";
    expect(bases(read(`В этом руководстве мы создадим модель вызова функций на основе ${link}.`))).toEqual([
      "google/gemma-2-2b-it",
    ]);
    expect(
      bases(read(`En este tutorial, construiremos un modelo de llamadas a funciones basado en ${link}.`)),
    ).toEqual(["google/gemma-2-2b-it"]);
    expect(
      bases(
        read(`Dans ce tutoriel, nous allons construire un modèle d'appel de fonctions basé sur ${link}.`),
      ),
    ).toEqual(["google/gemma-2-2b-it"]);
  });

  it("de: ein feinabgestimmtes X (public README, find_string id 71516282746); «basiert auf» without training is not", () => {
    expect(
      bases(read("Er ist ein feinabgestimmtes Qwen3.5-VL 9B, das den kurzen Nutzerwunsch umschreibt.")),
    ).toEqual(["Qwen3.5-VL 9B"]);
    // Public READMEs (find_string "basiert auf Llama", "basiert auf dem Modell"): descriptions, not training.
    expect(bases(read("- Basiert auf Llama 3.3 70B"))).toEqual([]);
    expect(bases(read("Bereitgestellt in Europa, basiert auf dem Modell GPT-4o-mini von OpenAI."))).toEqual(
      [],
    );
  });

  it("pt: usando o modelo X, LoRA (DEV-Leonardo10/fine_tuning_teste README)", () => {
    const s = read(
      "Este projeto faz o fine-tuning de uma Large Language Model (LLM) usando o modelo TinyLlama 1.1B. A técnica de LoRA é usada para ajustar o modelo de forma eficiente.",
    );
    expect(bases(s)).toEqual(["TinyLlama 1.1B"]);
    expect(methods(s)).toEqual([[undefined, "lora"]]);
  });

  it("es: Ajusta el modelo X (0xnavarro/IA-PARA-TODOS llama3.2_finetuning README)", () => {
    expect(bases(read("- Ajusta el modelo Llama 3.2 usando la biblioteca Unsloth"))).toEqual(["Llama 3.2"]);
  });

  it("standard phrasings of issue 6 without a collected card (zh, ja, ko, fr, es)", () => {
    expect(bases(read("本模型由 Qwen2.5-7B-Instruct 微调而来。"))).toEqual(["Qwen2.5-7B-Instruct"]);
    expect(bases(read("Llama-3-8B をベースとしたモデルです。"))).toEqual(["Llama-3-8B"]);
    expect(bases(read("이 모델은 beomi/Llama-3-Open-Ko-8B를 파인튜닝한 모델입니다."))).toEqual([
      "beomi/Llama-3-Open-Ko-8B",
    ]);
    expect(bases(read("Ce modèle est une version fine-tunée de mistralai/Mistral-7B-v0.1."))).toEqual([
      "mistralai/Mistral-7B-v0.1",
    ]);
    // 0xnavarro/IA-PARA-TODOS llama3.2_finetuning README: "realizar el ajuste fino del modelo Llama 3.2"
    expect(
      bases(
        read(
          "Este script demuestra cómo realizar el ajuste fino del modelo Llama 3.2 usando la biblioteca Unsloth.",
        ),
      ),
    ).toEqual(["Llama 3.2"]);
  });

  it("a name ends at a common noun (`… Llama 3 8B Sprachmodell`)", () => {
    expect(bases(read("Das Modell ist ein feinabgestimmtes Llama 3 8B Sprachmodell."))).toEqual([
      "Llama 3 8B",
    ]);
  });

  it("ignores evaluation sections", () => {
    const s = read("## 评估\n\n我们基于 [org/model-7b](https://huggingface.co/org/model-7b) 训练。");
    expect(bases(s)).toEqual([]);
  });
});

describe("instruction-tuned base", () => {
  it("es: root → instruction tuning → base → this model (dev c-ne-es-agents-course-gemma2-function-calling)", () => {
    const s = read(
      [
        "1. El modelo es pre-entrenado. Por ejemplo, [google/gemma-2-2b](https://huggingface.co/google/gemma-2-2b).",
        "",
        "2. Por ejemplo, [google/gemma-2-2b-it](https://huggingface.co/google/gemma-2-2b-it) es un modelo ajustado para instrucciones por el equipo de Google detrás del proyecto Gemma.",
        "",
        "En este tutorial, construiremos un modelo de llamadas a funciones basado en [google/gemma-2-2b-it](https://huggingface.co/google/gemma-2-2b-it).",
      ].join("\n"),
    );
    expect(bases(s)[0]).toBe("google/gemma-2-2b");
    expect(
      s.prose.map((p) => [p.step.objective?.value, p.step.inputs[0]?.value.id, p.step.output?.value]),
    ).toEqual([
      ["sft", "google/gemma-2-2b", "google/gemma-2-2b-it"],
      [undefined, "google/gemma-2-2b-it", undefined],
    ]);
  });
});

describe("methods", () => {
  it("zh: continued pre-training then instruction tuning, with LoRA (issue 6 wording)", () => {
    expect(methods(read("我们先在中文语料上进行增量预训练，再使用指令数据进行指令微调（LoRA）。"))).toEqual([
      ["continued-pretraining", "lora"],
      ["sft", "lora"],
    ]);
  });

  it("zh: `指令微调模型` names a kind of model, not a step (dev c-ne-zh-agents-course-gemma2-function-calling)", () => {
    expect(
      methods(read("例如 google/gemma-2-2b-it 是由 Gemma 项目背后的谷歌团队进行的指令微调模型。")),
    ).toEqual([]);
  });
});

describe("datasets", () => {
  it("zh: 数据集：[hub link] (dev c-ne-zh-linksoul-chinese-llama2-7b)", () => {
    const url = "https://huggingface.co/datasets/LinkSoul/instruction_merge_set";
    expect(datasets(read(`- 数据集：[${url}](${url})`))).toEqual(["LinkSoul/instruction_merge_set"]);
  });

  it("ja: file (Fine-tuning用データ) (dev c-ne-ja-tarot-tinyllama-qlora); the RAG file is not", () => {
    const s = read("Data層: tarot_knowledge.txt (RAG用知識ベース), dataset.jsonl (Fine-tuning用データ)");
    expect(datasets(s)).toEqual(["dataset.jsonl"]);
  });

  it("ko: a label item and a linked file; a file in a sentence about training data (dev ohlora, denji)", () => {
    const s = read(
      "* 학습 데이터셋\n  * [OhLoRA_fine_tuning_v4.csv](../fine_tuning_dataset/OhLoRA_fine_tuning_v4.csv)",
    );
    expect(datasets(s)).toEqual(["../fine_tuning_dataset/OhLoRA_fine_tuning_v4.csv"]);
    expect(datasets(read("학습 데이터 예시는 /data/denji.jsonl에 포함되어 있습니다."))).toEqual([
      "/data/denji.jsonl",
    ]);
  });

  it("zh: an id before 数据集 in a sentence about training; a label with an org/name id", () => {
    expect(datasets(read("我们在 yahma/alpaca-cleaned 数据集上进行了LoRA微调。"))).toEqual([
      "yahma/alpaca-cleaned",
    ]);
    expect(datasets(read("- 数据集: BelleGroup/train_0.5M_CN"))).toEqual(["BelleGroup/train_0.5M_CN"]);
  });

  it("ko: a file used for testing is not training data (dev c-ne-ko-deepseek-coder-diagram-sft)", () => {
    const s = read(
      "[ORPO 데이터셋 생성용으로 작성한 프롬프트 200개](../create_dataset/orpo_dataset_llm.csv) 를 이용하여 테스트 결과",
    );
    expect(datasets(s)).toEqual([]);
  });
});

describe("hyperparameters", () => {
  it("labels in lists and tables, in several languages", () => {
    expect(hp(read("- 学习率：2e-5\n- 批大小: 16\n- 训练轮数为 3"))).toEqual({
      learning_rate: "2e-5",
      per_device_train_batch_size: "16",
      num_train_epochs: "3",
    });
    // teikoku-hishikawa/teikoku_testProgram anyParameters.py uses these labels as comments.
    expect(hp(read("| 学習率 | 2e-4 |\n| エポック数 | 3 |"))).toEqual({
      learning_rate: "2e-4",
      num_train_epochs: "3",
    });
    expect(hp(read("- Скорость обучения: 0,0002\n- Количество эпох: 3"))).toEqual({
      learning_rate: "0.0002",
      num_train_epochs: "3",
    });
    expect(hp(read("* taux d'apprentissage : 1e-4\n* tasa de aprendizaje: 3e-4"))).toEqual({
      learning_rate: "1e-4",
    });
  });

  it("ko: English labels in a Korean report, the first of several epochs (dev c-ne-ko-ohlora-v4-kanana-lora-report)", () => {
    const s = read(
      "* training batch size : **2**\n* total training epochs : **5 epochs (✅ 최종 채택) / 10 epochs**",
    );
    expect(hp(s)).toEqual({ per_device_train_batch_size: "2", num_train_epochs: "5" });
  });

  it("ko: a count item `2epoch` (dev c-ne-ko-denji-kanana-qlora-readme); results sections are skipped", () => {
    expect(hp(read("Training Method:\n- QLoRA (4bit quantization)\n- 2epoch"))).toEqual({
      num_train_epochs: "2",
    });
    expect(hp(read("## 2. LLM Fine-Tuning 결과 요약\n\n* 10 epochs 에서, 학습 후반부로 갈수록 …"))).toEqual(
      {},
    );
  });

  it("a table with the settings as columns; a table of logged losses is not one", () => {
    expect(
      hp(read("| 学习率 | 批大小 | epoch数 | LoRA秩 |\n|---|---|---|---|\n| 2e-5 | 16 | 3 | 8 |")),
    ).toEqual({
      learning_rate: "2e-5",
      per_device_train_batch_size: "16",
      num_train_epochs: "3",
      lora_r: "8",
    });
    expect(hp(read("| Epoch | Step | Validation Loss |\n|---|---|---|\n| 1.0 | 100 | 0.5 |"))).toEqual({});
  });

  it("a learning-rate label does not take the value of another setting (预热比例 is the warmup ratio's own label)", () => {
    expect(hp(read("- 学习率调度器：cosine\n- 学习率预热比例：0.03"))).toEqual({ warmup_ratio: "0.03" });
  });
});

describe("linear time", () => {
  // CPU time of this test's process (vitest runs each file in its own fork), so that other processes on a loaded
  // machine do not decide it; the limit is generous (about 1.5 s is usual), a quadratic rule takes minutes here.
  it("reads a 1 MB card of dense statements, and one phrase repeated 500,000 times, in bounded time", () => {
    const para =
      "Anima模型基于QLoRA开源的[33B guanaco](https://huggingface.co/timdettmers/guanaco-33b)训练了10000 steps。学习率：1e-4。Дообучение Qwen 2.5 7B на историях (LoRA). ";
    const dense = `# Card\n\n${`${para}\n\n`.repeat(Math.ceil(1_000_000 / (para.length + 2)))}`;
    for (const text of [dense, "基于".repeat(500_000), `${"[".repeat(500_000)}(`, ")".repeat(1_000_000)]) {
      const started = process.cpuUsage();
      read(text);
      const used = process.cpuUsage(started);
      expect((used.user + used.system) / 1000).toBeLessThan(4000);
    }
  });
});

describe("dataset label naming its hub (dev k-ne-ru-vkvlm-llava-gemma-lora-report)", () => {
  it("ru: датасет HuggingFace: `id`", () => {
    const s = readWith(readMultilingual, "Использован датасет HuggingFace: `deepvk/GQA-ru`.\n");
    expect(s.proseDatasets.map((d) => d.value)).toEqual(["deepvk/GQA-ru"]);
  });
});

describe("items under a training-data heading (dev k-ne-ru-vkvlm-model-card-template)", () => {
  it("reads the Hub ids the items start with, not the evaluation ones", () => {
    const s = readWith(
      readMultilingual,
      "## Training data (open VK datasets)\n- `deepvk/LLaVA-Instruct-ru` — instruction tuning (может быть gated)\n- `deepvk/GQA-ru` — (опционально) адаптация на train\n- `deepvk/MMBench-ru` — оценка\n",
    );
    expect(s.proseDatasets.map((d) => d.value)).toEqual(["deepvk/LLaVA-Instruct-ru", "deepvk/GQA-ru"]);
  });
});

describe("other-language method words outside this model's procedure", () => {
  it("skips a method named as a category, a tool's support list or a roadmap", () => {
    // dev k-ne-zh-hiahia-qwen-05b-chat-lora: "这是所有指令微调的基础" (the basis of all instruction tuning)
    expect(
      read("通过实现正确的标签屏蔽，确保模型只为回答计算损失。这是所有指令微调的基础。\n").prose,
    ).toEqual([]);
    expect(read("本工具支持LoRA、QLoRA和全参数微调。\n").prose).toEqual([]);
    expect(read("## 🗺️ 로드맵\n\n- QLoRA를 활용한 LLM 파인튜닝\n").prose).toEqual([]);
    // …and still reads the card's own statement.
    const own = read("我们使用QLoRA对模型进行指令微调。\n");
    expect(own.prose.map((p) => [p.step.objective?.value, p.step.parameterization?.value])).toEqual([
      ["sft", "qlora"],
    ]);
  });
});
