/**
 * Phrases that state a card's base model in Chinese, Japanese, Korean, Russian, German, French, Spanish and
 * Portuguese, collected from real cards and READMEs. Each phrase names the card it was collected from (`dev:` items
 * are in test/fixtures/corpus/dev; others are public GitHub files). Phrases marked "issue 6" were listed in the issue
 * and have no collected card yet: they are kept because they are the standard wording, and they carry the same
 * rules (a model must be read right beside them).
 *
 * Data, not code: `multilingual.ts` reads this table.
 */
import { BASE_LABELS, WEAK_BASE_LABELS } from "./ml-labels.js";
import { VI_ID_TR_TUNED_FROM } from "./ml-vi-id-tr.js";

/** Where the model sits relative to the phrase. */
export type Side = "after" | "before";

export interface BasePhrase {
  text: string;
  side: Side;
  /** A training word must occur near the phrase (the phrase alone does not say the model was trained from). */
  needsVerb?: boolean;
  /** The phrase itself says the model was fine-tuned (enough for a fine-tune step with the base). */
  fineTune?: boolean;
  /** A label (`Base model: X`): a colon must follow it. */
  label?: boolean;
  /**
   * An English label that is also a plain noun ("compared against the pretrained model X"): only a separator makes
   * it a label; without one it names nothing (other labels also take a Hub id right after them).
   */
  colon?: boolean;
  /** The reference may come a few words after the phrase (`基于QLoRA开源的[33B guanaco](…)训练`). */
  scan?: boolean;
  /** A training word must follow the phrase within this many characters (`X 进行指令微调`). */
  verbAfter?: number;
  /** The model must follow the phrase with nothing but spaces or emphasis between (`微调 ChatGLM3-6B`). */
  direct?: boolean;
  /** Text that must follow the reference (`使用 X 模型`). */
  followedBy?: string;
  /** The value may be a local path (`模型路径 : /root/…/Qwen2___5-0___5B-Instruct`): the label says it is the model. */
  path?: boolean;
  /**
   * A label that says "model" only: it must open its item or row, and the card must speak of training around it
   * (`- **模型**：Qwen2-7B-Instruct` beside `- **方法**：LoRA`).
   */
  weak?: boolean;
  /** What the text right after the reference must start with (`Modelo X ajustado con …`): anchored, bounded. */
  trail?: RegExp;
  /** What the text right after the phrase must start with (`Xを LoRAでファインチューニング`): anchored, bounded. */
  next?: RegExp;
  confidence: number;
}

/** Label phrases from the label classes of `ml-labels.ts`. */
const labels = (words: readonly string[], confidence: number, weak?: boolean): BasePhrase[] =>
  words.map((text) => ({ text, side: "after", label: true, confidence, ...(weak ? { weak } : {}) }));

/**
 * After a model and a Japanese object particle: the data and a means particle (`X を D で …`, the phrasing battery round
 * 5), one method word with or without a means particle (`LoRAで`, `SO8Tで`, `LoRA ファインチューニング`), then a fine-tuning
 * verb (`Qwen2.5-7B を LoRA でファインチューニング`, `Llama-2-7bを微調整`); `学習` only after a method's name and `で`.
 */
const JA_TUNED =
  /^\s{0,2}(?:[^\sで]{1,160}\s{0,2}(?:で|を用いて|を使って)\s{0,2})?(?:[\w.+-]{1,20}\s{0,2}(?:で|を用いて|により|を使って|を使用して)?\s{0,2})?(?:ファインチューニング|ファインチューン|微調整|チューニング|追加学習|再学習|fine-?tun|sft)|^\s{0,2}(?:sft|dpo|orpo|kto|grpo|ppo|q?lora|dora)\s{0,2}で\s{0,2}学習/;
/**
 * The same after a Korean object particle (`Llama-3-8B를 QLoRA로 파인튜닝`, `X를 D 데이터셋으로 LoRA 파인튜닝`); `학습` alone is
 * not enough (`데이터를 학습`).
 */
const KO_TUNED =
  /^\s{0,2}(?:[^\s]{1,160}\s{1,2}(?:데이터셋|데이터)(?:으로|로|을 통해|를 통해|을 이용해|를 이용해)\s{0,2})?(?:[\w.+()-]{1,24}\s{0,2}(?:로|으로|를 통해|을 통해|를 이용해|을 이용해|를 사용해|을 사용해|를 활용해|을 활용해|방식으로)?\s{0,2})?(?:파인튜닝|파인 튜닝|미세조정|미세 조정|튜닝|추가 학습|재학습|fine-?tun|sft)/;
/** A participle of training right after the model (`Modelo X ajustado con LoRA`, `Модель X, дообученная …`). */
const TUNED_AFTER =
  /^[\s*_`]{0,4},?\s{0,3}(?:ajustad[oa]|afinad[oa]|entrenad[oa]|treinad[oa]|affinée?|fine-?tunée?|entraînée?|дообученн|обученн|fine-?tuned)/;

/** A German participle of fine-tuning right after the model (`aus X feinabgestimmt`). */
const DE_TUNED_AFTER = /^[\s*_`]{0,4}(?:feinabgestimmt|feinjustiert|nachtrainiert|fine-?getunt|finegetunt)\b/;

/**
 * Phrase classes read across public READMEs (find_string ids of the stored files) besides the dev items: a model
 * as the object of a fine-tuning verb, "on the basis of X", and the label classes of `ml-labels.ts`.
 */
const MORE_PHRASES: readonly BasePhrase[] = [
  // zh — find_string 971715688 "baseline采用glm4-8b-chat模型，直接进行lora微调"; 71061494366 "项目使用 Qwen3-8B 作为基础模型"
  { text: "采用", side: "after", needsVerb: true, followedBy: "模型", confidence: 0.7 },
  { text: "选用", side: "after", needsVerb: true, followedBy: "模型", confidence: 0.7 },
  { text: "为基础", side: "before", needsVerb: true, confidence: 0.8 },
  { text: "为底座", side: "before", confidence: 0.8 },
  { text: "作为底座", side: "before", confidence: 0.8 },
  { text: "作为基础", side: "before", needsVerb: true, confidence: 0.8 },
  // ja — find_string 60089017252 "GSM8K・MATH の拡張版で Llama-2 70B をファインチューニングした MetaMath 70B" (the object
  //      particle を, then the verb); 5684664445 "[日本語用GPT-2](…)\nをファインチューニングしたモデル"
  { text: "を", side: "before", fineTune: true, next: JA_TUNED, confidence: 0.7 },
  { text: "を元に", side: "before", needsVerb: true, confidence: 0.7 },
  { text: "をもとに", side: "before", needsVerb: true, confidence: 0.7 },
  { text: "を基に", side: "before", needsVerb: true, confidence: 0.7 },
  // ko — find_string 739203617 "Llama2를 기반으로 파인튜닝되어"; 26633229794 "Meta-Llama-3.1-8B-Instruct 모델을 Unsloth(4bit LoRA) …
  //      기반으로 파인튜닝하여"; 59481203309 "BAAI/bge-m3를 기반으로 파인튜닝"
  { text: "를", side: "before", fineTune: true, next: KO_TUNED, confidence: 0.7 },
  { text: "을", side: "before", fineTune: true, next: KO_TUNED, confidence: 0.7 },
  // ru — the object of the verb and "на базе" beside "на основе" (dev c-ne-ru-agents-course-gemma2-function-calling)
  { text: "на базе", side: "after", needsVerb: true, confidence: 0.8 },
  { text: "дообучили", side: "after", fineTune: true, direct: true, confidence: 0.7 },
  { text: "дообучения", side: "after", fineTune: true, direct: true, confidence: 0.7 },
  { text: "файнтюн", side: "after", fineTune: true, direct: true, confidence: 0.7 },
  // de, fr, es, pt — "fine-tuning of X" and "on the basis of X" as each language writes them
  { text: "basierend auf", side: "after", needsVerb: true, confidence: 0.8 },
  { text: "auf Basis von", side: "after", needsVerb: true, confidence: 0.8 },
  { text: "Feinabstimmung von", side: "after", fineTune: true, confidence: 0.7 },
  { text: "Fine-Tuning von", side: "after", fineTune: true, confidence: 0.7 },
  { text: "fine-tuning de", side: "after", fineTune: true, confidence: 0.7 },
  { text: "fine-tuning du", side: "after", fineTune: true, confidence: 0.7 },
  { text: "fine-tuning del", side: "after", fineTune: true, confidence: 0.7 },
  { text: "fine-tuning do", side: "after", fineTune: true, confidence: 0.7 },
  { text: "fine-tuning da", side: "after", fineTune: true, confidence: 0.7 },
  { text: "à partir du modèle", side: "after", needsVerb: true, confidence: 0.7 },
  { text: "a partir del modelo", side: "after", needsVerb: true, confidence: 0.7 },
  { text: "a partir do modelo", side: "after", needsVerb: true, confidence: 0.7 },
  { text: "com base no", side: "after", needsVerb: true, confidence: 0.8 },
  { text: "com base em", side: "after", needsVerb: true, confidence: 0.8 },
  // zh — "在 X 上进行 LoRA 微调", "在 X 基础上微调", "X 的微调版本" (the same classes as 的基础上 and 微调而来)
  { text: "在", side: "after", needsVerb: true, direct: true, followedBy: "上", confidence: 0.7 },
  { text: "基础上", side: "before", needsVerb: true, fineTune: true, confidence: 0.8 },
  { text: "的微调版本", side: "before", fineTune: true, confidence: 0.8 },
  { text: "微调版本", side: "before", fineTune: true, confidence: 0.7 },
  // ja — "Llama-3-8Bのファインチューニングモデル"; ko — "Llama-3 기반의 한국어 모델" (beside 기반으로)
  { text: "のファインチューニング", side: "before", fineTune: true, confidence: 0.7 },
  { text: "の微調整", side: "before", fineTune: true, confidence: 0.7 },
  { text: "기반의", side: "before", needsVerb: true, confidence: 0.7 },
  // de — "nachtrainierte Version von X", "auf Grundlage von X"; es — "entrenado a partir de X"
  { text: "nachtrainierte Version von", side: "after", fineTune: true, confidence: 0.8 },
  { text: "auf Grundlage von", side: "after", needsVerb: true, confidence: 0.8 },
  { text: "entrenado a partir de", side: "after", fineTune: true, confidence: 0.8 },
  { text: "treinado a partir do", side: "after", fineTune: true, confidence: 0.8 },
  { text: "entraîné à partir de", side: "after", fineTune: true, confidence: 0.8 },
  // fr — find_string 70081080132 "CARL est un modèle fine-tuné à partir de [alphaedge-ai/mmBERT-base-fra-32768](…)";
  // es — 69626815216 "un modelo afinado a partir de unsloth/phi-3.5-mini-instruct-bnb-4bit", 71134061191 "afinado a partir
  //      del codificador ucraniano Goader/modern-liberta-large"; pt — 31343560729 "O modelo foi ajustado a partir do YOLOv8"
  { text: "fine-tuné à partir de", side: "after", fineTune: true, confidence: 0.8 },
  { text: "finetuné à partir de", side: "after", fineTune: true, confidence: 0.8 },
  { text: "afinado a partir de", side: "after", fineTune: true, confidence: 0.8 },
  { text: "afinado a partir del", side: "after", fineTune: true, confidence: 0.8 },
  { text: "ajustado a partir do", side: "after", fineTune: true, confidence: 0.8 },
  { text: "ajustado a partir da", side: "after", fineTune: true, confidence: 0.8 },
  // es, pt, ru, fr — a model word, the model, a participle of training (the phrasing battery, round 5: "Modelo X ajustado
  //      con LoRA sobre …", "Модель X, дообученная с помощью LoRA", "Ce modèle est X affiné avec DPO")
  { text: "Modelo", side: "after", direct: true, trail: TUNED_AFTER, fineTune: true, confidence: 0.7 },
  { text: "Модель", side: "after", direct: true, trail: TUNED_AFTER, fineTune: true, confidence: 0.7 },
  { text: "modèle est", side: "after", direct: true, trail: TUNED_AFTER, fineTune: true, confidence: 0.7 },
  ...labels(BASE_LABELS, 0.8),
  ...labels(WEAK_BASE_LABELS, 0.7, true),
];

export const BASE_PHRASES: readonly BasePhrase[] = [
  // zh — dev c-ne-zh-anima33b-qlora-training: "Anima模型基于QLoRA开源的[33B guanaco](…)训练了10000 steps"
  // zh — dev c-ne-zh-agents-course-gemma2-function-calling: "我们将基于 [google/gemma-2-2b-it](…) 构建一个函数调用模型"
  { text: "基于", side: "after", needsVerb: true, scan: true, confidence: 0.8 },
  // zh — issue 6: "以 X 为基座", "在 X 的基础上"
  { text: "为基座", side: "before", confidence: 0.8 },
  { text: "作为基座", side: "before", confidence: 0.8 },
  { text: "作为基础模型", side: "before", confidence: 0.8 },
  { text: "的基础上", side: "before", needsVerb: true, fineTune: true, confidence: 0.8 },
  // zh — xueh88401-web/qwen2.5-7b-medical-finetune README: "需要与基础模型 `Qwen/Qwen2.5-7B-Instruct` 结合使用"
  { text: "基础模型", side: "after", label: true, confidence: 0.8 },
  // en label in a Korean README — dev c-ne-ko-denji-kanana-qlora-readme: "Base Model:\n🔗 kakaocorp/kanana-1.5-8b-instruct-2505"
  { text: "Base Model", side: "after", label: true, confidence: 0.8 },
  // en — the same label class under other names, beside the project's own model and data in public READMEs:
  // "- Pretrained Model: [MiniLM](https://huggingface.co/microsoft/MiniLM-L12-H384-uncased)" (find_string 34111898693),
  // "Pretrained model: [popcornell/chime7_task1_asr1_baseline](…)" (find_string 18387548); dev
  // m-card-qwen15-05b-openassist-readme: "- Raw model: [Qwen/Qwen1.5-0.5B](…)". A label alone: a model must follow it.
  { text: "Pretrained Model", side: "after", label: true, colon: true, confidence: 0.8 },
  { text: "Pre-trained Model", side: "after", label: true, colon: true, confidence: 0.8 },
  { text: "Raw Model", side: "after", label: true, colon: true, confidence: 0.8 },
  { text: "Foundation Model", side: "after", label: true, colon: true, confidence: 0.8 },
  { text: "Base Checkpoint", side: "after", label: true, colon: true, confidence: 0.8 },
  // en — dev cln-falcon7b-sharded-koalpaca-lora-falcontune-ko (audit corpus): "**Origin Model** : ybelkada/falcon-7b-sharded-bf16"
  //      over the data and the link to the tuned model; the same label class as "Parent model:", "Backbone:"
  { text: "Origin Model", side: "after", label: true, colon: true, confidence: 0.8 },
  { text: "Parent Model", side: "after", label: true, colon: true, confidence: 0.8 },
  { text: "Backbone Model", side: "after", label: true, colon: true, confidence: 0.8 },
  { text: "Backbone", side: "after", label: true, colon: true, confidence: 0.7 },
  { text: "基座模型", side: "after", label: true, confidence: 0.8 },
  // zh — dev k-ne-zh-panbinghong-lf-qwen25-05b-paths: "- 模型路径 : /root/autodl-tmp/xinference/modelscope/hub/qwen/Qwen2___5-0___5B-Instruct"
  { text: "模型路径", side: "after", label: true, path: true, confidence: 0.7 },
  // zh — dev l3-ne-zh-zeronlp-baichuan2-7b-chat-dpo-lora: "2. 使用的模型是`baichuan2-7b-chat`" (a label: 是 separates)
  { text: "使用的模型", side: "after", label: true, confidence: 0.7 },
  // zh — issue 6 ("X 微调而来", "底座模型"); no card collected yet
  { text: "微调而来", side: "before", fineTune: true, confidence: 0.8 },
  { text: "底座模型", side: "after", label: true, confidence: 0.8 },
  // zh — CPU-DS/Code-AiHelper README: "使用 Qwen2.5-7B-Instruct 模型在数据集上进行Lora微调训练"
  { text: "使用", side: "after", needsVerb: true, followedBy: "模型", confidence: 0.7 },
  // zh — xueh88401-web/qwen2.5-7b-medical-finetune README: "使用 QLoRA 技术在 **QiZhenGPT** 医疗数据集上对 Qwen2.5-7B-Instruct 进行指令微调"
  { text: "进行", side: "before", verbAfter: 8, fineTune: true, confidence: 0.7 },
  // ja — dev c-ne-ja-tarot-tinyllama-qlora: "TinyLlama-1.1B-Chat-v1.0 をベースモデルとして採用"
  { text: "をベースモデルとして", side: "before", confidence: 0.8 },
  { text: "をベースモデルに", side: "before", confidence: 0.8 },
  // ja — dev k-ne-ja-swallow-matcha-simplification-lora: "今回使用したLLMは，[tokyotech-llm/Llama-3-Swallow-8B-Instruct-v0.1](…)です"
  { text: "使用したLLM", side: "after", label: true, confidence: 0.8 },
  // ja — issue 6: "X をベースに", "X をファインチューニング", "ベースモデル: X"
  { text: "をベースに", side: "before", confidence: 0.8 },
  { text: "をベースとして", side: "before", confidence: 0.8 },
  { text: "をベースとした", side: "before", confidence: 0.8 },
  { text: "を追加学習", side: "before", fineTune: true, confidence: 0.8 },
  { text: "をファインチューニング", side: "before", fineTune: true, confidence: 0.8 },
  { text: "ベースモデル", side: "after", label: true, confidence: 0.8 },
  // ko — sanguk-project/master model/gemma-7b-r16-master/README.md: "이 모델은 Google의 Gemma-7B를 기반으로 LoRA(…) 기법을
  //      사용하여 fine-tuning된 모델입니다", "**베이스 모델:** google/gemma-7b"
  { text: "기반으로", side: "before", needsVerb: true, confidence: 0.8 },
  // ko — dev l3-qnt-ko-qwen25-kowiki-gguf-ollama (teddylee777/langserve_ollama): "Qwen2.5 7B 베이스 한국어 파인튜닝 모델";
  //      the same repo's Llama-3-Open-Ko-8B/README.md: "Llama-3 8B 베이스 한국어 파인튜닝 모델"
  { text: "베이스", side: "before", needsVerb: true, confidence: 0.7 },
  { text: "베이스 모델", side: "after", label: true, confidence: 0.8 },
  { text: "기반 모델", side: "after", label: true, confidence: 0.8 },
  // ko — issue 6 ("X를 파인튜닝한 모델"); no card collected yet
  { text: "를 파인튜닝", side: "before", fineTune: true, confidence: 0.8 },
  { text: "을 파인튜닝", side: "before", fineTune: true, confidence: 0.8 },
  // ko — dev c-ne-ko-ohlora-v4-kanana-lora-report: "[Kanana-1.5-2.1B-instruct-2505](…) 를 baseline 모델로 채택"
  { text: "baseline 모델로", side: "before", confidence: 0.8 },
  { text: "베이스 모델로", side: "before", confidence: 0.8 },
  // ru — dev c-ne-ru-agents-course-gemma2-function-calling: "мы создадим модель вызова функций на основе [google/gemma-2-2b-it](…)"
  { text: "на основе", side: "after", needsVerb: true, confidence: 0.8 },
  // ru — dev c-noorg-ru-warhammer-qwen25-7b-lora: "Дообучение Qwen 2.5 7B на историях Warhammer 40K"
  { text: "Дообучение", side: "after", fineTune: true, confidence: 0.7 },
  { text: "дообученная версия", side: "after", fineTune: true, confidence: 0.8 },
  // ru — issue 6: "Базовая модель: X"
  { text: "Базовая модель", side: "after", label: true, confidence: 0.8 },
  // de — issue 6: "basiert auf X", "feinabgestimmte Version von X"
  { text: "basiert auf", side: "after", needsVerb: true, confidence: 0.8 },
  { text: "feinabgestimmte Version von", side: "after", fineTune: true, confidence: 0.8 },
  { text: "Basismodell", side: "after", label: true, confidence: 0.8 },
  // de — public GitHub file (find_string id 71516282746): "Er ist ein feinabgestimmtes Qwen3.5-VL 9B, das den kurzen
  //      Nutzerwunsch … umschreibt"
  { text: "ein feinabgestimmtes", side: "after", fineTune: true, confidence: 0.7 },
  // fr — dev c-ne-fr-agents-course-gemma2-function-calling: "construire un modèle d'appel de fonctions basé sur [google/gemma-2-2b-it](…)"
  { text: "basé sur", side: "after", needsVerb: true, confidence: 0.8 },
  { text: "basée sur", side: "after", needsVerb: true, confidence: 0.8 },
  // fr — issue 6: "affiné à partir de X"
  { text: "affiné à partir de", side: "after", fineTune: true, confidence: 0.8 },
  { text: "version affinée de", side: "after", fineTune: true, confidence: 0.8 },
  { text: "version fine-tunée de", side: "after", fineTune: true, confidence: 0.8 },
  { text: "version finetunée de", side: "after", fineTune: true, confidence: 0.8 },
  { text: "Modèle de base", side: "after", label: true, confidence: 0.8 },
  // es — dev c-ne-es-agents-course-gemma2-function-calling: "construiremos un modelo de llamadas a funciones basado en [google/gemma-2-2b-it](…)"
  { text: "basado en", side: "after", needsVerb: true, confidence: 0.8 },
  // es — issue 6: "ajustado a partir de X"
  { text: "ajustado a partir de", side: "after", fineTune: true, confidence: 0.8 },
  { text: "versión ajustada de", side: "after", fineTune: true, confidence: 0.8 },
  { text: "versión afinada de", side: "after", fineTune: true, confidence: 0.8 },
  // es — 0xnavarro/IA-PARA-TODOS llama3.2_finetuning README: "## 🦙 Ajuste Fino de Llama 3.2 en 30 Líneas de Python"
  { text: "Ajuste fino de", side: "after", fineTune: true, confidence: 0.7 },
  { text: "Ajuste fino del", side: "after", fineTune: true, confidence: 0.7 },
  // es — 0xnavarro/IA-PARA-TODOS llm_finetuning_tutorials/llama3.2_finetuning/README.md: "Ajusta el modelo Llama 3.2 usando la biblioteca Unsloth"
  { text: "Ajusta el modelo", side: "after", fineTune: true, confidence: 0.7 },
  { text: "Modelo base", side: "after", label: true, confidence: 0.8 },
  // pt — DEV-Leonardo10/fine_tuning_teste README: "Este projeto faz o fine-tuning de uma Large Language Model (LLM) usando o modelo TinyLlama 1.1B"
  { text: "usando o modelo", side: "after", needsVerb: true, confidence: 0.7 },
  // pt — issue 6: "baseado no X"
  { text: "baseado no", side: "after", needsVerb: true, confidence: 0.8 },
  { text: "baseado em", side: "after", needsVerb: true, confidence: 0.8 },
  { text: "versão ajustada do", side: "after", fineTune: true, confidence: 0.8 },
  // pt — the same with the English word glossed between (`versão ajustada (fine-tuned) do X`): the gloss and `do`
  //      are skipped by the reference reader
  { text: "versão ajustada", side: "after", fineTune: true, confidence: 0.8 },
  // de, fr, es, pt — the first person of the verbs above, the model right after it ("Wir haben X mit DPO
  //      feinabgestimmt", "Nous avons affiné X avec LoRA", "Ajustamos X con QLoRA"); no card collected yet
  //      (the phrasing battery, src/extract/phrasing-battery.test.ts)
  { text: "Wir haben", side: "after", needsVerb: true, direct: true, confidence: 0.7 },
  // fr — "Affinage de X" (the noun of affiner, as "Feinabstimmung von X"); ja — "X に対して QLoRA でファインチューニング"
  { text: "Affinage de", side: "after", fineTune: true, confidence: 0.7 },
  { text: "Affinage du", side: "after", fineTune: true, confidence: 0.7 },
  { text: "に対して", side: "before", needsVerb: true, confidence: 0.7 },
  // es, pt, fr — "from X" right before the model with a training word near ("Entrenado con DPO a partir de X")
  { text: "a partir de", side: "after", needsVerb: true, direct: true, confidence: 0.7 },
  { text: "a partir del", side: "after", needsVerb: true, direct: true, confidence: 0.7 },
  { text: "a partir do", side: "after", needsVerb: true, direct: true, confidence: 0.7 },
  { text: "à partir de", side: "after", needsVerb: true, direct: true, confidence: 0.7 },
  { text: "avons affiné", side: "after", fineTune: true, direct: true, confidence: 0.7 },
  { text: "avons fine-tuné", side: "after", fineTune: true, direct: true, confidence: 0.7 },
  { text: "avons entraîné", side: "after", fineTune: true, direct: true, confidence: 0.7 },
  { text: "Ajustamos", side: "after", fineTune: true, direct: true, confidence: 0.7 },
  { text: "Afinamos", side: "after", fineTune: true, direct: true, confidence: 0.7 },
  { text: "Entrenamos", side: "after", fineTune: true, direct: true, confidence: 0.7 },
  { text: "Treinamos", side: "after", fineTune: true, direct: true, confidence: 0.7 },
  { text: "ajuste fino do", side: "after", fineTune: true, confidence: 0.7 },
  // es, pt — the noun with "of a model of/from X" between ("AJUSTE FINO DE UN MODELO DE https://huggingface.co/X", dev
  // p-ne-es-upch-tinyllama-patologia-lora-readme; "ajuste fino del modelo X" is read by the one above and the scan)
  { text: "ajuste fino de un modelo de", side: "after", fineTune: true, confidence: 0.7 },
  { text: "ajuste fino de um modelo de", side: "after", fineTune: true, confidence: 0.7 },
  { text: "ajuste fino del modelo", side: "after", fineTune: true, confidence: 0.7 },
  // zh — dev j-ne-zh-chatglm3-6b-qlora-advertisegen: "可在 RTX-5080/256GB 的环境下微调 ChatGLM3-6B",
  //      "使用 BitsAndBytes 4-bit + LoRA 训练 ChatGLM3-6B"; dev j-ne-zh-gzh-writing-qwen25-7b-qlora-readme: "用 QLoRA 微调
  //      Qwen2.5-7B-Instruct". The verb comes before the model: a model must follow right after it.
  { text: "微调", side: "after", fineTune: true, direct: true, confidence: 0.7 },
  { text: "训练", side: "after", fineTune: true, direct: true, confidence: 0.7 },
  // ko — dev j-ne-ko-ryukh-gpt2-small-lora-koalpaca: "GPT-2 Small 모델을 LoRA(Low-Rank Adaptation)를 통해 효율적으로 파인튜닝하는"
  { text: "모델을", side: "before", verbAfter: 50, fineTune: true, confidence: 0.7 },
  // es, pt, fr — a method applied "on" a model (the phrasing battery, round 7: "Obtenido aplicando GRPO sobre el checkpoint
  //      base X", "aplicando GRPO directamente sobre X"); the plain "sobre X" is too common to read alone
  { text: "sobre el checkpoint base", side: "after", fineTune: true, confidence: 0.7 },
  { text: "sobre el checkpoint", side: "after", needsVerb: true, fineTune: true, confidence: 0.7 },
  { text: "sobre el modelo base", side: "after", fineTune: true, confidence: 0.7 },
  { text: "sobre o modelo base", side: "after", fineTune: true, confidence: 0.7 },
  { text: "sur le modèle de base", side: "after", fineTune: true, confidence: 0.7 },
  { text: "directamente sobre", side: "after", needsVerb: true, direct: true, confidence: 0.7 },
  { text: "diretamente sobre", side: "after", needsVerb: true, direct: true, confidence: 0.7 },
  // pt, es, fr — the model as the subject of "was fine-tuned" ("O X foi ajustado com o dataset D", round 7); "trained"
  //      alone is left out (a base model's card says its own pretraining so)
  { text: "foi ajustado", side: "before", fineTune: true, confidence: 0.7 },
  { text: "foi afinado", side: "before", fineTune: true, confidence: 0.7 },
  { text: "foi refinado", side: "before", fineTune: true, confidence: 0.7 },
  { text: "fue ajustado", side: "before", fineTune: true, confidence: 0.7 },
  { text: "fue afinado", side: "before", fineTune: true, confidence: 0.7 },
  { text: "a été affiné", side: "before", fineTune: true, confidence: 0.7 },
  { text: "a été fine-tuné", side: "before", fineTune: true, confidence: 0.7 },
  // de, fr, es, pt — "X as the base model" and "initialised with X" (the phrasing battery, round 8: "wir nutzen X als
  //      Basismodell", "als Basismodell wird X verwendet", "Le notebook utilise X comme modèle de base"; "inicializado com
  //      X" with the model right after it: round 8's "inicializado com todos os pesos do checkpoint X" is not read)
  { text: "als Basismodell", side: "before", confidence: 0.8 },
  { text: "als Basismodell wird", side: "after", confidence: 0.8 },
  { text: "comme modèle de base", side: "before", confidence: 0.8 },
  { text: "como modelo base", side: "before", confidence: 0.8 },
  { text: "como modelo de base", side: "before", confidence: 0.8 },
  { text: "inicializado com", side: "after", confidence: 0.7 },
  { text: "inicializado con", side: "after", confidence: 0.7 },
  { text: "initialisé avec", side: "after", confidence: 0.7 },
  { text: "initialisé à partir de", side: "after", confidence: 0.7 },
  { text: "initialisiert mit", side: "after", confidence: 0.7 },
  // de — "sondern aus X feinabgestimmt" (round 7): "aus" only with the participle right after the model
  { text: "aus", side: "after", direct: true, trail: DE_TUNED_AFTER, fineTune: true, confidence: 0.7 },
  ...MORE_PHRASES,
  ...VI_ID_TR_TUNED_FROM.map(
    (text): BasePhrase => ({ text, side: "after", fineTune: true, confidence: 0.8 }),
  ),
];
