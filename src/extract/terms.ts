/**
 * Words people and tools use for methods, parameterisations, merge and quantisation methods, mapped to the
 * format's vocabulary. Data, not code: every rule that reads prose or a config looks here.
 */

import { lookupTable } from "../model/lookup.js";
import type { MergeMethod, Objective, Parameterization, QuantizationMethod } from "../model/vocabulary.js";

/** Prose patterns for training objectives, most specific first. */
export const OBJECTIVE_PATTERNS: readonly (readonly [RegExp, Objective])[] = [
  [/\bORPO\b|odds[- ]ratio preference/i, "orpo"],
  [/\bSimPO\b/i, "simpo"],
  [/\bKTO\b|kahneman[- ]tversky/i, "kto"],
  [/\bIPO\b(?![- ]?\w*(?:offering|market))/, "ipo"],
  [/\bCPO\b|contrastive preference optimi[sz]ation/i, "cpo"],
  [/\bGRPO\b|group relative policy/i, "grpo"],
  [/\bRLOO\b/i, "rloo"],
  // "PPO clip loss", "PPO-style clipping", "PPO裁剪损失": the clipped surrogate loss GRPO and others borrow, not PPO
  // training (dev t1-ne-zh-aflow-roll-qwen25-7b-grpo-lora-workflows).
  [/\bPPO\b(?![- ]?(?:clip|style|ratio)|\s?(?:裁剪|截断|剪裁))|proximal policy/i, "rlhf-ppo"],
  [/\bDPO(?:Trainer)?\b|direct \w+ optimi[sz]ation|\bAPO\b/i, "dpo"],
  [
    /\breward model(?:l?ing)\b|\btrain(?:ed|ing|s)? (?:a |the |our )?reward model\b|\bRM training\b/i,
    "reward-model",
  ],
  [
    /continu(?:ed|es|e|ing) pre-?training|continual(?:ly)? pre-?train(?:ed|ing)|further pre-?train(?:ed|ing)|domain-adaptive pre-?training/i,
    "continued-pretraining",
  ],
  [/\bdistill(?:ed|ation)\b(?! data)/i, "distillation"],
  [
    /\bSFT(?:Trainer)?\b|supervised fine-?tun\w*|instruct(?:ion|ed)[- ]tun\w*|\binstruct(?:ion)?[- ]SFT\b|(?:initially|first) fine-?tuned/i,
    "sft",
  ],
];

/** Objectives that train on preference pairs (their datasets look like preference data). */
export const PREFERENCE_OBJECTIVES: readonly Objective[] = ["dpo", "ipo", "kto", "orpo", "simpo", "cpo"];

/** Canonical order when prose gives steps without saying which came first. */
export const OBJECTIVE_ORDER: Readonly<Record<Objective, number>> = {
  "continued-pretraining": 0,
  sft: 1,
  distillation: 1,
  "reward-model": 2,
  dpo: 3,
  ipo: 3,
  kto: 3,
  orpo: 3,
  simpo: 3,
  cpo: 3,
  "rlhf-ppo": 4,
  grpo: 4,
  rloo: 4,
  other: 5,
};

/** Short method names as they appear in chains and config values (`safety-DPO`, `rl: dpo`, `stage: rm`). */
export const OBJECTIVE_WORDS: Readonly<Record<string, Objective>> = lookupTable({
  sft: "sft",
  dpo: "dpo",
  ipo: "ipo",
  kto: "kto",
  kto_pair: "kto",
  orpo: "orpo",
  simpo: "simpo",
  cpo: "cpo",
  ppo: "rlhf-ppo",
  rlhf: "rlhf-ppo",
  grpo: "grpo",
  rloo: "rloo",
  rm: "reward-model",
  pt: "continued-pretraining",
  cpt: "continued-pretraining",
  pretrain: "continued-pretraining",
  apo: "dpo",
  apo_zero: "dpo",
  distill: "distillation",
  distillation: "distillation",
  // TRL's card tags.
  "reward-trainer": "reward-model",
  "reward-model": "reward-model",
  "ppo-trainer": "rlhf-ppo",
  // Cards' own tags (`tags: [reward model, RLHF]` on a reward model's card, dev q-card-aira-rewardmodel-pt-bert).
  "reward model": "reward-model",
  "reward modeling": "reward-model",
  "reward modelling": "reward-model",
});

/**
 * Objective words in the names of scripts, modules, recipe files, runs and configs: the shared words, and the ones
 * only a name uses (`train_reward.py`, `reward_config.yaml`, `prm`, `pretraining`).
 */
export const NAME_OBJECTIVE_WORDS: Readonly<Record<string, Objective>> = lookupTable({
  ...OBJECTIVE_WORDS,
  reward: "reward-model",
  prm: "reward-model",
  pretraining: "continued-pretraining",
});

/** Prose patterns for parameterisations, most specific first. */
export const PARAMETERIZATION_PATTERNS: readonly (readonly [RegExp, Parameterization])[] = [
  [/\bQLoRA\b/i, "qlora"],
  [/\bDoRA\b/i, "dora"],
  [/\bLoRA\b|low-rank adapt/i, "lora"],
  [/\bIA3\b|\bIA³/i, "ia3"],
  [/\bfull[- ](?:parameter )?fine-?tun\w*|\bfull[- ]parameter\b/i, "full"],
];

/** PEFT `peft_type` values. */
export const PEFT_TYPES: Readonly<Record<string, Parameterization>> = lookupTable({
  lora: "lora",
  adalora: "lora",
  loha: "other",
  lokr: "other",
  ia3: "ia3",
  prefix_tuning: "prefix-tuning",
  prompt_tuning: "prompt-tuning",
  p_tuning: "prompt-tuning",
});

/** mergekit `merge_method` values. */
export const MERGE_METHOD_WORDS: Readonly<Record<string, MergeMethod>> = lookupTable({
  linear: "linear",
  slerp: "slerp",
  nuslerp: "slerp",
  ties: "ties",
  dare_ties: "dare-ties",
  dare_linear: "dare-linear",
  task_arithmetic: "task-arithmetic",
  model_stock: "model-stock",
  passthrough: "passthrough",
  breadcrumbs: "other",
  breadcrumbs_ties: "other",
  della: "other",
  della_linear: "other",
});

/** Quantisation words in tags, names and prose. */
export const QUANT_PATTERNS: readonly (readonly [RegExp, QuantizationMethod])[] = [
  [/\bGGUF\b|\bGGML\b|llama\.cpp/i, "gguf"],
  [/\bGPTQ\b/i, "gptq"],
  [/\bAWQ\b/i, "awq"],
  [/\bEXL2\b|exllama/i, "exl2"],
  [/\bHQQ\b/i, "hqq"],
  [/bitsandbytes|\bbnb\b|\bnf4\b/i, "bitsandbytes"],
  [/\bmlx\b/i, "other"],
];

/** GGUF quantisation types (`Q4_K_M`, `Q8_0`, …) and their bits. */
export const GGUF_TYPE = /\b(I?Q[2-8](?:_[0-9KSLMXS]+)*|F16|BF16)\b/;
/**
 * A GGUF type written in a sentence or a file name (`unsloth.Q4_K_M.gguf`, `enbeddrus-v0.2-q8_0.gguf`): not inside a
 * longer word, so `_` and `.` may stand beside it.
 */
export const GGUF_TYPE_IN_NAME =
  /(?<![A-Za-z0-9])(Q[2-8]_K(?:_[SML])?|Q[4-8]_[01]|IQ[1-4]_[A-Z]{1,3}|F16|BF16)(?![A-Za-z0-9])/i;

/** Names of well-known pre-training corpora: listed on a fine-tune's card they describe its base. */
export const PRETRAINING_CORPORA = [
  "slimpajama",
  "redpajama",
  "starcoderdata",
  "the-stack",
  "thepile",
  "pile",
  "refinedweb",
  "fineweb",
  "dolma",
  "c4",
  "roots",
  "wikipedia",
  "proof-pile",
] as const;

/** Words in a dataset's name that say it holds preference pairs. */
export const PREFERENCE_DATASET =
  /pref|feedback|dpo|pairs|binarized|orpo|kto|rlhf|chosen|reward|comparison|hh-rlhf/i;

/** Framework names as cards and configs write them, to the name ftl records. */
export const FRAMEWORK_NAMES: Readonly<Record<string, string>> = lookupTable({
  trl: "trl",
  transformers: "transformers",
  peft: "peft",
  pytorch: "pytorch",
  torch: "pytorch",
  datasets: "datasets",
  tokenizers: "tokenizers",
  axolotl: "axolotl",
  "llama-factory": "llama-factory",
  llamafactory: "llama-factory",
  unsloth: "unsloth",
  mergekit: "mergekit",
  "open-instruct": "open-instruct",
  "alignment-handbook": "alignment-handbook",
  deepspeed: "deepspeed",
  accelerate: "accelerate",
});

/** Frameworks that train, in order of preference when several are named (the others are `software`). */
export const TRAINING_FRAMEWORKS = [
  "axolotl",
  "llama-factory",
  "open-instruct",
  "alignment-handbook",
  "unsloth",
  "mergekit",
  "trl",
  "transformers",
] as const;

/**
 * Prompt-based methods a training type names (`--train_type ptuning --pre_seq_len 16`, ChatGLM's P-Tuning v2,
 * which trains a prefix at every layer as prefix tuning does; NeMo's `peft_scheme: ptuning` is read the same way).
 */
export const PROMPT_METHODS: Readonly<Record<string, Parameterization>> = lookupTable({
  ptuning: "prefix-tuning",
  "p-tuning": "prefix-tuning",
  p_tuning: "prefix-tuning",
  "ptuning-v2": "prefix-tuning",
  prefix: "prefix-tuning",
  prefix_tuning: "prefix-tuning",
  "prefix-tuning": "prefix-tuning",
  prompt_tuning: "prompt-tuning",
  "prompt-tuning": "prompt-tuning",
});
