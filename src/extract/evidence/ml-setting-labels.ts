/**
 * Labels of training settings as cards write them in two-column settings tables (`| 項目 | 設定 |`, `| Param |
 * Valor |`, `| Параметр | Значение |`, `| Parameter | Value |`) and in inline settings lists of cards in other
 * languages (`正式設定：…、learning rate 5e-5、…`). Each label names the dev card it was read in
 * (test/fixtures/corpus/dev/…). Data, not code: `ml-settings.ts` reads these tables.
 *
 * A label maps to a trainer key name (`learning_rate`, read by `hyperparameterKeyFor`), to `lora_r` (the adapter
 * rank), or to one of the row kinds `base`, `dataset`, `method`, `quantization`.
 */
import { lookupTable } from "../../model/lookup.js";
import {
  BASE_LABELS,
  DATASET_LABELS,
  METHOD_LABELS,
  MORE_HYPERPARAMETER_LABELS,
  MORE_SETTING_HEADERS,
  MORE_VALUE_HEADERS,
} from "./ml-labels.js";
import { DATASET_WORDS, HYPERPARAMETER_LABELS } from "./ml-phrases.js";

/** First cells of a settings table's header (lower case, emphasis removed). */
export const SETTING_HEADERS: readonly string[] = [
  // zh — dev j-ne-zh-twmed-gemma3-taide-qlora-card: "| 項目 | 設定 |"
  "項目",
  "项目",
  // pt — dev j-ne-pt-lovelace-vicuna-7b-lora-table: "| Param | Valor |"
  "param",
  // ru — dev c-ne-ru-sxodim-qwen25-3b-sft-orpo: "| Параметр | Значение |"
  "параметр",
  // en — dev b-adp-hy-mt15-yoruba-pidgin-qlora, b-card-tinyllama-structured-json-qlora: "| Parameter | Value |";
  //      dev b-long-hermes-7b-sft-dpo: "|Hyperparameter|Value|"
  "parameter",
  "hyperparameter",
  "hyperparameters",
  // en — the same header under other words, and a table with an empty header row ("| | |", a common way to draw a
  //      two-column list in Markdown): its rows are read only when their labels are known setting labels
  "setting",
  "settings",
  "item",
  "key",
  "field",
  "property",
  "attribute",
  "configuration",
  "config",
  // en — dev s7-card-tinyllama-medical-flashcards-lora: "| LoRA Parameter | Value |" over "| Rank (r) | 16 |"
  "lora parameter",
  "lora parameters",
  "lora setting",
  "lora settings",
  "lora config",
  // en — blind dev w3-card-diwash-mistral-7b-v02-chatdoctor-qlora: "| Component | Detail |" over "| Base model | … |",
  //      "| LoRA rank / alpha | r=8, alpha=16 |", "| LR schedule | Cosine, peak LR 2e-4, 50 warmup steps |",
  //      "| Max steps | 900 (~1 epoch …) |", "| Effective batch size | 16 (per-device batch 8 × grad accumulation 2) |"
  "component",
  "",
  ...MORE_SETTING_HEADERS,
];

/** Second cells of a settings table's header. */
export const VALUE_HEADERS: readonly string[] = [
  "設定",
  "设定",
  "valor",
  "значение",
  "value",
  "values",
  "setting",
  "details",
  "detail",
  "",
  ...MORE_VALUE_HEADERS,
];

/** Row labels of settings tables (lower case, emphasis removed, as written). */
export const SETTING_ROWS: readonly (readonly [string, string])[] = [
  // zh — dev j-ne-zh-twmed-gemma3-taide-qlora-card: "| 方法 | 4-bit QLoRA，response-only loss |",
  //      "| LoRA | rank 16、alpha 16、dropout 0 |", "| 有效 batch | 16（A100 40GB：per-device 4、gradient accumulation 4） |",
  //      "| Max sequence | 2,048 |", "| Learning rate | 5e-5，cosine，warmup ratio 0.03 |", "| Epoch / seed | 1 / 3407 |"
  ["方法", "method"],
  ["lora", "method"],
  ["有效 batch", "total_train_batch_size"],
  ["max sequence", "max_seq_length"],
  ["learning rate", "learning_rate"],
  ["epoch", "num_train_epochs"],
  ["seed", "seed"],
  // pt — dev j-ne-pt-lovelace-vicuna-7b-lora-table: "| Base | vicuna-7b-v1.5 |", "| Épocas | **1** |", "| SeqLen | 1 024 |",
  //      "| Rank (LoRA) | 16 |", "| LR | 1e-4 (cosine) |"
  ["base", "base"],
  ["épocas", "num_train_epochs"],
  ["seqlen", "max_seq_length"],
  ["rank (lora)", "lora_r"],
  ["lr", "learning_rate"],
  // ru — dev c-ne-ru-sxodim-qwen25-3b-sft-orpo: "| Base model | Qwen/Qwen2.5-3B |", "| Method | QLoRA + ORPO |", "| LoRA r | 32 |",
  //      "| Epochs | 3 |", "| Learning Rate | 2e-4 |"
  ["base model", "base"],
  ["method", "method"],
  ["lora r", "lora_r"],
  ["epochs", "num_train_epochs"],
  // en — dev b-adp-hy-mt15-yoruba-pidgin-qlora: "| LoRA rank | 16 |", "| Effective batch size | 16 |", "| Scheduler | Cosine |";
  //      dev b-card-tinyllama-structured-json-qlora: "| Quantization | 4-bit NF4 |", "| Batch Size | 2 |",
  //      "| Gradient Accumulation | 4 |"
  ["lora rank", "lora_r"],
  ["rank (r)", "lora_r"],
  ["lora rank (r)", "lora_r"],
  ["effective batch size", "total_train_batch_size"],
  ["scheduler", "lr_scheduler_type"],
  ["quantization", "quantization"],
  ["quantisation", "quantization"],
  // ja — blind dev w1-ne-ja-llama32-3b-jcqa-qlora-sft-then-dpo: "| 量子化 | 4bit (bitsandbytes) |" beside "| LoRA R | 16 |";
  // zh, ko, ru — public cards by find_string: "| 量化 | 4-bit NF4 |" beside "| LoRA rank | 16 |" (62162443325),
  // "| 양자화 | 4-bit NF4, double quant, bfloat16 compute |" under LoRA settings (52037779833),
  // "| Квантизация | Q8_0 (8-bit GGUF) |" (61225294599)
  ["量子化", "quantization"],
  ["量化", "quantization"],
  ["양자화", "quantization"],
  ["квантизация", "quantization"],
  ["квантование", "quantization"],
  ["batch size", "per_device_train_batch_size"],
  ["gradient accumulation", "gradient_accumulation_steps"],
  // en — dev s2-card-roymacias-gemma3-4b-medmcqa-qlora: "| Epochs / max length | 1 / 1024 tokens |"
  ["max length", "max_seq_length"],
  ["max sequence length", "max_seq_length"],
  ["max seq length", "max_seq_length"],
  ["warmup ratio", "warmup_ratio"],
  // en — blind dev w3-card-diwash-mistral-7b-v02-chatdoctor-qlora (above)
  ["lora rank / alpha", "lora_r"],
  ["lr schedule", "lr_scheduler_type"],
  ["max steps", "max_steps"],
  ["warmup steps", "warmup_steps"],
  // en — the data and method rows such tables give beside the base ("| Dataset | org/x |", "| Training data | … |",
  //      "| Objective | DPO |", "| Training method | QLoRA |")
  ["dataset", "dataset"],
  ["datasets", "dataset"],
  ["data", "dataset"],
  ["training data", "dataset"],
  ["training dataset", "dataset"],
  ["train data", "dataset"],
  ["objective", "method"],
  ["fine-tuning", "method"],
  ["fine tuning", "method"],
  ["finetuning", "method"],
  ["fine-tuning method", "method"],
  ["peft", "method"],
  ["technique", "method"],
  ["training method", "method"],
  ["training objective", "method"],
  ["base llm", "base"],
  ["base checkpoint", "base"],
  // The label classes of `ml-labels.ts` and `ml-phrases.ts` as row labels (`| 基座模型 | microsoft/mdeberta-v3-base |`,
  // `| 训练方法 | Multi-LoRA |`, `| 数据源 | data_v2/train_SG.csv |`: find_string 61162859745).
  ...BASE_LABELS.map((label) => [label, "base"] as const),
  ...[...DATASET_WORDS, ...DATASET_LABELS].map((label) => [label, "dataset"] as const),
  ...METHOD_LABELS.map((label) => [label, "method"] as const),
  ...HYPERPARAMETER_LABELS,
  ...MORE_HYPERPARAMETER_LABELS,
];

/**
 * Labels read inside a value cell or an inline settings list, followed by their value (`per-device 4`,
 * `warmup ratio 0.03`, `rank 16`, `LoRA rank=16`): English labels that cards in other languages keep as written.
 */
export const INLINE_LABELS: readonly (readonly [string, string])[] = [
  // zh — dev j-ne-zh-twmed-gemma3-taide-qlora-card: "16（A100 40GB：per-device 4、gradient accumulation 4）",
  //      "5e-5，cosine，warmup ratio 0.03", "rank 16、alpha 16、dropout 0"
  ["per-device", "per_device_train_batch_size"],
  ["gradient accumulation", "gradient_accumulation_steps"],
  ["warmup ratio", "warmup_ratio"],
  ["rank", "lora_r"],
  // zh — dev j-ne-zh-twmed-gemma3-taide-qlora-readme: "正式設定：4-bit NF4、rank/alpha `16/16`、learning rate `5e-5`、
  //      max sequence length `2048`、effective batch `16`、seed `3407`、1 epoch"
  ["rank/alpha", "lora_r"],
  ["learning rate", "learning_rate"],
  ["max sequence length", "max_seq_length"],
  ["effective batch", "total_train_batch_size"],
  ["seed", "seed"],
  // zh — dev j-ne-zh-gzh-writing-qwen25-7b-qlora-readme: "**微调方法**：QLoRA（4-bit NF4 量化 + LoRA rank=16）"
  ["lora rank", "lora_r"],
  // The trainer's own key names written in other-language text (`batch 设置：\`per_device_train_batch_size=16\`，
  // \`gradient_accumulation_steps=8\``, find_string 54487523322; `- \`epochs=2\`` … `- \`lora_rank=32\``, 55630498482)
  ["per_device_train_batch_size", "per_device_train_batch_size"],
  ["gradient_accumulation_steps", "gradient_accumulation_steps"],
  ["num_train_epochs", "num_train_epochs"],
  ["learning_rate", "learning_rate"],
  ["warmup_ratio", "warmup_ratio"],
  ["warmup_steps", "warmup_steps"],
  ["max_seq_length", "max_seq_length"],
  ["max_steps", "max_steps"],
  ["lora_rank", "lora_r"],
  ["lora_r", "lora_r"],
  ["lora_alpha", "lora_alpha"],
  // en — dev s2-card-roymacias-gemma3-4b-medmcqa-qlora: "16 (`per_device=2` × `grad_accum=8`)"; dev
  //      s2-card-gennx-qwen25-15b-tool-calling-qlora: "| Batch size | 1 x 8 (gradient accumulation) | Effective batch size 8 |"
  ["per_device", "per_device_train_batch_size"],
  ["grad_accum", "gradient_accumulation_steps"],
  ["effective batch size", "total_train_batch_size"],
];

/** Scheduler names a value cell may add to a learning rate (`1e-4 (cosine)`, `5e-5，cosine`). */
export const SCHEDULERS: readonly string[] = ["cosine", "linear", "constant", "polynomial"];

/**
 * Short setting names some projects use for the trainer's keys, in `key: value` lists and in settings tables that
 * name the key in a cell (upper case as environment variables). dev k-ne-ru-vkvlm-llava-gemma-lora-report ("## 5)
 * Параметры обучения": "- batch_size: 1", "- grad_accum: 2", "- max_seq_len: 512"); dev
 * k-ne-es-llm-hpc-llama32-1b-qlora ("| `BATCH_SIZE` | 2 |", "| `GRAD_ACCUM` | 4 |", "| `LORA_R` | 16 |").
 */
export const SHORT_KEYS: Readonly<Record<string, string>> = lookupTable({
  batch_size: "per_device_train_batch_size",
  grad_accum: "gradient_accumulation_steps",
  max_seq_len: "max_seq_length",
  lora_r: "lora_r",
  lora_rank: "lora_r",
});
