/**
 * Phrases that state a card's datasets, method and hyperparameters in Chinese, Japanese, Korean, Russian, German,
 * French, Spanish and Portuguese (the base-model phrases are in `ml-base-phrases.ts`), collected from real cards
 * and READMEs. Each phrase names the card it was collected from (`dev:` items are in test/fixtures/corpus/dev; others are public GitHub files).
 * Phrases marked "issue 6" were listed in the issue and have no collected card yet: they are kept because they
 * are the standard wording, and they carry the same rules (a model must be read right beside them).
 *
 * Data, not code: `multilingual.ts` reads these tables.
 */

import type { Objective } from "../../model/vocabulary.js";
import { BASE_LABELS, DATASET_LABELS, MORE_HYPERPARAMETER_LABELS } from "./ml-labels.js";
import { VI_ID_TR_DATASET_WORDS, VI_ID_TR_TRAINING_WORDS } from "./ml-vi-id-tr.js";

/**
 * Items that are only a label, the base model being the next item, under a heading about fine-tuning:
 * dev c-ne-ko-deepseek-coder-diagram-sft ("* LLM\n  * **deepseek-coder-1.3b-instruct**"), dev
 * c-ne-ko-ohlora-v4-kanana-lora-report ("* 사용 LLM\n  * [Kanana-1.5-2.1B-instruct-2505](…)").
 */
export const BASE_LABEL_ITEMS: readonly string[] = [
  "llm",
  "사용 llm",
  "사용 모델",
  "베이스 모델",
  "base model",
  "基础模型",
  "基座模型",
  "ベースモデル",
  "базовая модель",
  "basismodell",
  "modèle de base",
  "modelo base",
  ...BASE_LABELS,
];

/**
 * Words that say a model was trained, in every language read here (lower case; CJK as written). A `needsVerb`
 * phrase counts only with one of these near it.
 */
export const TRAINING_WORDS: readonly string[] = [
  // zh — dev c-ne-zh-anima33b-qlora-training ("训练了"), xueh88401-web/qwen2.5-7b-medical-finetune ("指令微调")
  "训练",
  "微调",
  "精调",
  "构建",
  // ja — dev c-ne-ja-tarot-tinyllama-qlora ("ファインチューニングを実施")
  "ファインチューニング",
  "学習",
  // ko — sanguk-project/master ("fine-tuning된 모델"), dev c-ne-ko-denji-kanana-qlora-readme ("학습")
  "파인튜닝",
  "학습",
  "미세 조정",
  // ko — dev j-ne-ko-adstyles-kogpt2-nsmc-finetune ("**KoGPT2**를 기반으로 한국어 영화 리뷰 도메인 특화 모델을 구축한 사례입니다"):
  //      "build a model on X", as zh 构建, ru создадим, fr construire, es construiremos
  "구축",
  // ru — dev c-ne-ru-agents-course ("создадим модель … на основе"), dev c-noorg-ru-warhammer ("Дообучение")
  "дообуч",
  "обуч",
  "создадим",
  // de, fr, es, pt — dev agents-course pages ("construire", "construiremos"), DEV-Leonardo10/fine_tuning_teste ("fine-tuning")
  "feinabgestimm",
  "trainiert",
  "construire",
  "entraîn",
  "affiné",
  "finetuné",
  "construiremos",
  "entrena",
  "ajust",
  "treina",
  "fine-tun",
  "finetun",
  "fine tun",
  "lora",
  // The same verbs as other cards write them: ja "微調整"/"チューニング" (find_string 60089017252 "指示チューニング"), ko "미세조정"
  // (26633229794 "상위층만 의학 도메인에 맞게 미세조정"), "튜닝"; ru "файнтюн"; de "feinabstimm"/"nachtrainier"; es/pt "afina"
  "微調整",
  "チューニング",
  "미세조정",
  "튜닝",
  "файнтюн",
  "feinabstimm",
  "nachtrainier",
  "afina",
  "sft",
  ...VI_ID_TR_TRAINING_WORDS,
];

/** Labels of a training dataset (a colon follows), and words that make a sentence about training data. */
export const DATASET_WORDS: readonly string[] = [
  // zh — dev c-ne-zh-linksoul-chinese-llama2-7b: "- 数据集：[https://huggingface.co/datasets/LinkSoul/instruction_merge_set](…)"
  "数据集",
  "训练数据",
  // ja — dev c-ne-ja-tarot-tinyllama-qlora: "dataset.jsonl (Fine-tuning用データ)"
  "データセット",
  "学習データ",
  "用データ",
  // ja — dev l3-ne-ja-so8t-qwen25-ollama-finetune-report: "- **データファイル**: data/japanese_complex_dataset.jsonl"
  "データファイル",
  "データセットファイル",
  // ko — dev c-ne-ko-ohlora-v4-kanana-lora-report: "* 학습 데이터셋\n  * [OhLoRA_fine_tuning_v4.csv](…)";
  //      dev c-ne-ko-denji-kanana-qlora-readme: "학습 데이터 예시는 /data/denji.jsonl에 포함되어 있습니다."
  "데이터셋",
  "학습 데이터",
  // ru — Zasada1980/trustcheck-israel TRAINING_STOP_REPORT.md: "**Датасет:** TrustCheck Hebrew (10 примеров)"
  "датасет",
  "набор данных",
  // de, fr, es, pt — issue 6; es — 0xnavarro/IA-PARA-TODOS: "Utiliza el conjunto de datos FineTome-100k para el entrenamiento"
  "datensatz",
  "trainingsdaten",
  "jeu de données",
  "données d'entraînement",
  "conjunto de datos",
  "datos de entrenamiento",
  "conjunto de dados",
  "dados de treinamento",
  ...DATASET_LABELS,
  ...VI_ID_TR_DATASET_WORDS,
];

/** Hyperparameter labels, lower case, mapped to the trainer's key names. */
export const HYPERPARAMETER_LABELS: readonly (readonly [string, string])[] = [
  // zh — issue 6; Akegarasu-style train script comments "最大训练 epoch"; CPU-DS/Code-AiHelper "训练细节"
  ["学习率", "learning_rate"],
  ["批次大小", "per_device_train_batch_size"],
  ["批大小", "per_device_train_batch_size"],
  ["批量大小", "per_device_train_batch_size"],
  ["训练轮数", "num_train_epochs"],
  ["训练轮次", "num_train_epochs"],
  ["epoch数", "num_train_epochs"],
  ["梯度累积步数", "gradient_accumulation_steps"],
  ["梯度累积", "gradient_accumulation_steps"],
  ["最大序列长度", "max_seq_length"],
  ["lora秩", "lora_r"],
  // ja — teikoku-hishikawa/teikoku_testProgram anyParameters.py comments: "# エポック数", "# 学習率", "# trainバッチサイズ", "# LoRAのランク"
  ["学習率", "learning_rate"],
  ["エポック数", "num_train_epochs"],
  ["バッチサイズ", "per_device_train_batch_size"],
  ["loraのランク", "lora_r"],
  ["勾配累積", "gradient_accumulation_steps"],
  // ja — dev e-ne-ja-technavi-gemma3-270m-mlx-lora MODELS.md: "- **最大シーケンス長**: 512トークン"
  ["最大シーケンス長", "max_seq_length"],
  // ko — issue 6; dev c-ne-ko-ohlora-v4-kanana-lora-report uses English labels ("training batch size : **2**")
  ["학습률", "learning_rate"],
  ["에폭 수", "num_train_epochs"],
  ["에폭", "num_train_epochs"],
  ["배치 크기", "per_device_train_batch_size"],
  ["배치 사이즈", "per_device_train_batch_size"],
  ["training batch size", "per_device_train_batch_size"],
  ["total training epochs", "num_train_epochs"],
  // ru — Zasada1980/trustcheck-israel ("**Эпоха:**"); issue 6
  ["скорость обучения", "learning_rate"],
  ["количество эпох", "num_train_epochs"],
  ["число эпох", "num_train_epochs"],
  ["эпохи", "num_train_epochs"],
  ["эпох", "num_train_epochs"],
  ["размер батча", "per_device_train_batch_size"],
  // de — issue 6
  ["lernrate", "learning_rate"],
  ["anzahl der epochen", "num_train_epochs"],
  ["epochen", "num_train_epochs"],
  ["batchgröße", "per_device_train_batch_size"],
  // fr — Joji-Stan/Banc-d-essai-NLP README: "**Nombre d’époques**"; issue 6
  ["taux d'apprentissage", "learning_rate"],
  ["nombre d'époques", "num_train_epochs"],
  ["époques", "num_train_epochs"],
  ["taille de batch", "per_device_train_batch_size"],
  ["taille du lot", "per_device_train_batch_size"],
  // es — issue 6
  ["tasa de aprendizaje", "learning_rate"],
  ["número de épocas", "num_train_epochs"],
  ["épocas", "num_train_epochs"],
  ["tamaño de lote", "per_device_train_batch_size"],
  ["tamaño del lote", "per_device_train_batch_size"],
  // pt — andredallacosta/ai-4-dummies experimentos.md ("| Learning Rate |", "Rank"); issue 6
  ["taxa de aprendizado", "learning_rate"],
  ["taxa de aprendizagem", "learning_rate"],
  ["tamanho do lote", "per_device_train_batch_size"],
  ...MORE_HYPERPARAMETER_LABELS,
];

/** Words after a length (`16K контекст`) that make it the maximum sequence length. */
export const CONTEXT_UNITS: readonly string[] = [
  // ru — dev c-noorg-ru-warhammer-qwen25-7b-lora: "(104 истории, 16K контекст, LoRA)"
  "контекст",
  "контекста",
  "上下文",
  "コンテキスト",
  "컨텍스트",
  "kontext",
  "contexte",
  "contexto",
];

/** Words after a count that make it a number of epochs (`2epoch`, `3 эпохи`, `3轮`). */
export const EPOCH_UNITS: readonly string[] = [
  // ko — dev c-ne-ko-denji-kanana-qlora-readme: "- 2epoch"
  "epochs",
  "epoch",
  "에폭",
  "エポック",
  "个epoch",
  "轮",
  "эпохи",
  "эпох",
  "epochen",
  "époques",
  "épocas",
];

/** Method words: the parameterisation or objective they state. */
export const METHOD_WORDS: readonly (readonly [string, "full" | Objective])[] = [
  // zh — xueh88401-web/qwen2.5-7b-medical-finetune: "使用 QLoRA 技术在 **QiZhenGPT** 医疗数据集上对 Qwen2.5-7B-Instruct 进行指令微调"
  ["指令微调", "sft"],
  ["指令精调", "sft"],
  ["有监督微调", "sft"],
  ["监督微调", "sft"],
  // zh — issue 6: "全参数/全量微调"
  ["全参数微调", "full"],
  ["全量微调", "full"],
  ["全参微调", "full"],
  // ja — 大規模言語モデルのファインチューニング course ("指示ファインチューニング Instruction Tuning"); issue 6
  ["指示ファインチューニング", "sft"],
  ["フルファインチューニング", "full"],
  // ko — dev c-ne-ko-deepseek-coder-diagram-sft: "지도학습을 통해 모델이 diagram format 에 맞는 text 를 생성하도록 유도"
  ["지도학습", "sft"],
  ["지도 학습", "sft"],
  ["풀 파인튜닝", "full"],
  // ru, de, fr, es, pt — issue 6
  ["полное дообучение", "full"],
  ["инструктивное дообучение", "sft"],
  ["direkte präferenzoptimierung", "dpo"],
  // zh — issue 6; the Chinese-LLaMA family of READMEs says "中文增量预训练" / "二次预训练" (no card collected here)
  ["增量预训练", "continued-pretraining"],
  ["继续预训练", "continued-pretraining"],
  ["持续预训练", "continued-pretraining"],
  ["二次预训练", "continued-pretraining"],
  ["直接偏好优化", "dpo"],
  // ja, ko — issue 6
  ["継続事前学習", "continued-pretraining"],
  ["추가 사전학습", "continued-pretraining"],
  // fr, es, pt, de — the phrasing battery, round 8 ("un pré-entraînement continu via QLoRA", "ajuste supervisado")
  ["pré-entraînement continu", "continued-pretraining"],
  ["preentrenamiento continuo", "continued-pretraining"],
  ["pre-entrenamiento continuo", "continued-pretraining"],
  ["pré-treinamento contínuo", "continued-pretraining"],
  ["fortgesetztes vortraining", "continued-pretraining"],
  ["ajuste supervisado", "sft"],
  ["ajuste fino supervisado", "sft"],
  ["ajuste fino supervisionado", "sft"],
  ["fine-tuning supervisé", "sft"],
  ["affinage supervisé", "sft"],
];

/** Headings of sections that are not about how the model was trained, in the languages read here. */
export const SKIP_HEADING =
  /失败|失敗|실패|미 적용|评估|评测|测评|推理|引用|许可|协议|局限|免责|部署|示例|演示|更新|结果|評価|推論|使い方|ライセンス|結果|考察|평가|추론|사용법|예시|결과|라이선스|оценк|использован|лиценз|пример|результат|evaluierung|ergebnis|lizenz|verwendung|beispiel|évaluation|résultat|licence|utilisation|exemple|evaluación|resultado|licencia|ejemplo|avaliação|licença|exemplo|evaluat|result|benchmark|usage|inference|licen[cs]e|citation|example|limitation|quantiz/i;
