/**
 * Label classes of model cards and READMEs in Chinese, Japanese, Korean, Russian, German, French, Spanish and
 * Portuguese: the words a card writes before a colon (`- 基座模型：Qwen/Qwen3-ASR-1.7B`), as a settings-table row
 * label (`| 基座模型 | microsoft/mdeberta-v3-base |`) or as a table header (`| 属性 | 值 |`). Each class was read
 * across several public READMEs (cited by repository and path where the stored file names them, else by the
 * `find_string` id of the stored file) besides the dev items; a member with no card of its own is the same label
 * in a sibling language and says so. Data, not code: `ml-base-phrases.ts`, `ml-phrases.ts` and
 * `ml-setting-labels.ts` take these lists in.
 */

import { VI_ID_TR_BASE_LABELS } from "./ml-vi-id-tr.js";

/**
 * Labels of the base model: a value follows a colon (or fills the row of a settings table). Lower case; CJK as
 * written.
 */
export const BASE_LABELS: readonly string[] = [
  ...VI_ID_TR_BASE_LABELS,
  // The trainer's own key names listed in another language's prose (`- base_model: Qwen/Qwen2.5-7B-Instruct`, the
  // same lists as find_string 55630498482 "- `epochs=2`" / "- `lora_rank=32`")
  "base_model",
  "base_model_name_or_path",
  "model_name_or_path",
  // zh — find_string 54487523322 "- 基座模型：`Qwen/Qwen3-ASR-1.7B`。", 51939157541 "- 基座模型：[Qwen2.5-1.5B-Instruct](…)",
  //      57629757504 "- 基础模型：`Qwen/Qwen3-Embedding-0.6B`", 59222723980 "- 起步模型：`Qwen/Qwen3-0.6B`。"
  "基座模型",
  "基础模型",
  "底座模型",
  "起步模型",
  "基模型",
  "基座",
  "底座",
  "基础大模型",
  "基座大模型",
  "预训练模型",
  "原始模型",
  // ja — find_string 53290021255 "- **ベースモデル**: Qwen/Qwen3-4B-Instruct-2507", 57359321665 "- **ベースモデル**: Qwen2.5-Coder-14B-Instruct"
  "ベースモデル",
  "元モデル",
  "ベースllm",
  "事前学習モデル",
  "学習済みモデル",
  // ko — find_string 54699455207 "베이스 모델: `LiquidAI/LFM2.5-8B-A1B`", 58757185757 "- 베이스 모델: https://huggingface.co/openbmb/MiniCPM5-1B"
  "베이스 모델",
  "베이스모델",
  "기반 모델",
  "기반모델",
  "기본 모델",
  "원본 모델",
  "사전학습 모델",
  // ru — find_string 56727471330 "Базовая модель: **ResNet-18**"
  "базовая модель",
  "исходная модель",
  "базовая llm",
  // de — the same label class (issue 6: "Basismodell: X")
  "basismodell",
  "basis-modell",
  "ausgangsmodell",
  "grundmodell",
  // fr — the same label class
  "modèle de base",
  "modèle source",
  "modèle pré-entraîné",
  // es, pt — find_string 63341599667 "- Modelo base: https://huggingface.co/allenai/Olmo-3-7B-Think", 69731264867
  //          "- Modelo base: https://huggingface.co/Qwen/Qwen3-8B-Base"
  "modelo base",
  "modelo de base",
  "modelo original",
  "modelo preentrenado",
  "modelo pré-treinado",
];

/**
 * Words that are a base label only at the start of an item or a table row, in a card that speaks of training
 * near them (the label "model" alone also names the card's own model elsewhere): `- **模型**：Qwen2-7B-Instruct`
 * over `- **方法**：LoRA` (find_string id of the stored file: a README titled "Qwen2-7B-Instruct-LoRA-Training-Pipeline").
 */
export const WEAK_BASE_LABELS: readonly string[] = [
  "模型",
  "使用模型",
  "モデル",
  "使用モデル",
  "모델",
  "사용 모델",
  "модель",
  "modell",
  "modèle",
  "modelo",
];

/** Labels of training data (a colon follows), beside `DATASET_WORDS` of `ml-phrases.ts`. */
export const DATASET_LABELS: readonly string[] = [
  // zh — find_string 25107681775 "- 数据来源：modelscope/self-cognition（阿里 ModelScope 平台）",
  //      61162859745 "| 数据源 | data_v2/train_SG.csv |"
  "数据来源",
  "数据源",
  "训练集",
  "微调数据",
  "训练语料",
  // zh (traditional, read after folding to simplified: 資料集 → 资料集, 訓練資料 → 训练资料)
  "资料集",
  "训练资料",
  // ja — the same label class
  "訓練データ",
  "使用データ",
  // ko — find_string 26633229794 "## 2. 데이터셋 (Dataset)" over "1) Name: ChuGyouk/PubMedQA-test-Ko"
  "훈련 데이터",
  "학습데이터",
  // ru — inflected after a preposition ("дообучена на датасете X", "на наборе данных X")
  "датасете",
  "датасета",
  "наборе данных",
  // ru, de, fr, es, pt — the same label class
  "обучающая выборка",
  "данные для обучения",
  "trainingsdatensatz",
  "données d'entraînement",
  "datos de entrenamiento",
  "dados de treino",
];

/** Labels of the method in a settings table's row (`| 训练方法 | Multi-LoRA |`, find_string 61162859745). */
export const METHOD_LABELS: readonly string[] = [
  "训练方法",
  "微调方法",
  "微调方式",
  "手法",
  "学習手法",
  "学習方法",
  "학습 방법",
  "학습 방식",
  "방식",
  "метод",
  "метод обучения",
  "methode",
  "méthode",
  "método",
  // es, pt, fr — blind dev x1-ne-es-kai-qwen35-4b-lora-oig-gguf: "| **Técnica** | LoRA — r=16, alpha=16 |"
  "técnica",
  "technique d'entraînement",
  "técnica de ajuste",
];

/** Hyperparameter labels beside `HYPERPARAMETER_LABELS` of `ml-phrases.ts`, mapped to the trainer's key names. */
export const MORE_HYPERPARAMETER_LABELS: readonly (readonly [string, string])[] = [
  // ja — find_string 53290021255 "- **LoRA ランク**: 16", "- **LoRA アルファ**: 32", "- **最大ステップ**: 150"
  ["lora ランク", "lora_r"],
  ["loraランク", "lora_r"],
  ["lora アルファ", "lora_alpha"],
  ["最大ステップ", "max_steps"],
  ["ステップ数", "max_steps"],
  ["学習ステップ数", "max_steps"],
  ["ウォームアップステップ", "warmup_steps"],
  ["シード", "seed"],
  // zh — the same labels in Chinese READMEs' settings lists
  // es, pt — blind dev x1-ne-es-kai-qwen35-4b-lora-oig-gguf: "| **Pasos** | 100 steps (~15 min en T4) |"
  ["pasos", "max_steps"],
  ["passos", "max_steps"],
  ["pasos de entrenamiento", "max_steps"],
  ["训练步数", "max_steps"],
  ["最大步数", "max_steps"],
  ["预热步数", "warmup_steps"],
  ["预热比例", "warmup_ratio"],
  ["权重衰减", "weight_decay"],
  ["随机种子", "seed"],
  ["截断长度", "max_seq_length"],
  ["最大长度", "max_seq_length"],
  ["lora 秩", "lora_r"],
  // ko
  ["lora 랭크", "lora_r"],
  ["러닝레이트", "learning_rate"],
  ["러닝 레이트", "learning_rate"],
  ["에포크", "num_train_epochs"],
  ["최대 길이", "max_seq_length"],
  ["최대 시퀀스 길이", "max_seq_length"],
  ["최대 스텝", "max_steps"],
  ["시드", "seed"],
  // ru, de, fr, es, pt
  ["ранг lora", "lora_r"],
  ["размер пакета", "per_device_train_batch_size"],
  ["batch-größe", "per_device_train_batch_size"],
  ["rang lora", "lora_r"],
  ["taille de lot", "per_device_train_batch_size"],
  ["rango lora", "lora_r"],
  ["tamaño de batch", "per_device_train_batch_size"],
  ["tamanho de lote", "per_device_train_batch_size"],
];

/** First cells of a two-column settings table's header, beside `SETTING_HEADERS` of `ml-setting-labels.ts`. */
export const MORE_SETTING_HEADERS: readonly string[] = [
  // zh — find_string 52907391072 "| 参数 | 值 |", 61162859745 "| 属性 | 值 |"
  "参数",
  "属性",
  "配置",
  "配置项",
  "超参数",
  "参数名",
  "項",
  "项",
  "パラメータ",
  "設定項目",
  "ハイパーパラメータ",
  "파라미터",
  "하이퍼파라미터",
  "항목",
  "гиперпараметр",
  "paramètre",
  "parámetro",
  "parâmetro",
  "hiperparámetro",
  "hiperparâmetro",
  // es — dev y7-ne-es-okla-llama3-8b-qlora-gguf-colab: "| Componente | Configuración |" over "| **Modelo base** | … |",
  //      "| **Learning rate** | 2e-4 con cosine annealing |" (the English "| Component | Detail |" of SETTING_HEADERS);
  //      pt, fr, de — the same header in those languages
  "componente",
  "composant",
  "komponente",
];

/** Second cells of that header. */
export const MORE_VALUE_HEADERS: readonly string[] = [
  "值",
  "取值",
  "数值",
  "设置",
  "配置",
  "値",
  "設定値",
  "값",
  "설정",
  "설정값",
  "wert",
  "valeur",
  // es, pt, fr, de — the value column beside "componente" (dev y7-ne-es-okla-llama3-8b-qlora-gguf-colab)
  "configuración",
  "configuração",
  "configuration",
  "konfiguration",
  "detalle",
  "detalhe",
];
