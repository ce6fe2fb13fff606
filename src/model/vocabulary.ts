/**
 * Closed vocabularies of the ftl/v1 format. Each list is data (`as const`), its type is derived from it, and
 * every label table is checked against it with `satisfies`, so adding a term is a one-line change.
 */

/** The kinds of derivation step a lineage is made of. */
export const STEP_KINDS = ["fine-tune", "merge", "quantization", "adapter-merge", "other"] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** What a fine-tuning step optimises (the training objective). */
export const OBJECTIVES = [
  "sft",
  "dpo",
  "ipo",
  "kto",
  "orpo",
  "simpo",
  "cpo",
  "rlhf-ppo",
  "grpo",
  "rloo",
  "reward-model",
  "continued-pretraining",
  "distillation",
  "other",
] as const;
export type Objective = (typeof OBJECTIVES)[number];

export const OBJECTIVE_LABELS = {
  sft: "SFT",
  dpo: "DPO",
  ipo: "IPO",
  kto: "KTO",
  orpo: "ORPO",
  simpo: "SimPO",
  cpo: "CPO",
  "rlhf-ppo": "RLHF (PPO)",
  grpo: "GRPO",
  rloo: "RLOO",
  "reward-model": "reward model",
  "continued-pretraining": "continued pre-training",
  distillation: "distillation",
  other: "other objective",
} as const satisfies Record<Objective, string>;

/** Which weights a fine-tuning step changes and how (the parameterisation). */
export const PARAMETERIZATIONS = [
  "full",
  "lora",
  "qlora",
  "dora",
  "ia3",
  "prefix-tuning",
  "prompt-tuning",
  "other",
] as const;
export type Parameterization = (typeof PARAMETERIZATIONS)[number];

export const PARAMETERIZATION_LABELS = {
  full: "full",
  lora: "LoRA",
  qlora: "QLoRA",
  dora: "DoRA",
  ia3: "IA³",
  "prefix-tuning": "prefix tuning",
  "prompt-tuning": "prompt tuning",
  other: "other",
} as const satisfies Record<Parameterization, string>;

/** Parameterisations that train an adapter and so have a rank. */
export const ADAPTER_PARAMETERIZATIONS = [
  "lora",
  "qlora",
  "dora",
] as const satisfies readonly Parameterization[];

/** Weight-merging methods (mergekit's names where they exist). */
export const MERGE_METHODS = [
  "linear",
  "slerp",
  "ties",
  "dare-ties",
  "dare-linear",
  "task-arithmetic",
  "model-stock",
  "passthrough",
  "other",
] as const;
export type MergeMethod = (typeof MERGE_METHODS)[number];

/** Post-training quantisation methods and formats. */
export const QUANTIZATION_METHODS = ["gptq", "awq", "gguf", "bitsandbytes", "exl2", "hqq", "other"] as const;
export type QuantizationMethod = (typeof QUANTIZATION_METHODS)[number];

/** Units a dataset size can be counted in. */
export const SIZE_UNITS = ["examples", "pairs", "conversations", "tokens", "samples"] as const;
export type SizeUnit = (typeof SIZE_UNITS)[number];

/** How a fact came to be in a document. */
export const PROVENANCE_SOURCES = ["declared", "extracted", "inferred"] as const;
export type ProvenanceSource = (typeof PROVENANCE_SOURCES)[number];

/** Digest algorithms and the length of their hex value. */
export const DIGEST_ALGORITHMS = ["sha256", "sha384", "sha512", "sha1", "git-sha1", "blake3"] as const;
export type DigestAlgorithm = (typeof DIGEST_ALGORITHMS)[number];
export const DIGEST_HEX_LENGTH = {
  sha256: 64,
  sha384: 96,
  sha512: 128,
  sha1: 40,
  "git-sha1": 40,
  blake3: 64,
} as const satisfies Record<DigestAlgorithm, number>;

/** Numeric precision used for training. */
export const PRECISIONS = ["fp32", "tf32", "fp16", "bf16", "fp8", "mixed", "other"] as const;
export type Precision = (typeof PRECISIONS)[number];

/** Severity of a validation issue. */
export const SEVERITIES = ["error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The three verdicts of classification. */
export const LINEAGE_CLASSES = ["lineage", "partial", "not-lineage"] as const;
export type LineageClass = (typeof LINEAGE_CLASSES)[number];

/** The current format identifier. */
export const FORMAT_V1 = "ftl/v1" as const;
