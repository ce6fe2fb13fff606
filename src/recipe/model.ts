/**
 * What `ftl recipe` knows about its output: the five formats and what each can express, and the shared model
 * of what the lineage does not say — required values left as commented placeholders (`unknown`), facts the
 * format has no key for (`notCarried`), and optional settings the lineage does not record, for which the
 * framework's own default will apply (`defaulted`). Nothing is dropped or defaulted without being listed.
 */
import type { Objective, Parameterization } from "../model/vocabulary.js";

export const RECIPE_FORMATS = ["trl", "alignment-handbook", "axolotl", "llama-factory", "mergekit"] as const;
export type RecipeFormat = (typeof RECIPE_FORMATS)[number];

export const FORMAT_LABELS = {
  trl: "TRL",
  "alignment-handbook": "alignment-handbook",
  axolotl: "axolotl",
  "llama-factory": "LLaMA-Factory",
  mergekit: "mergekit",
} as const satisfies Record<RecipeFormat, string>;

/** Objectives each training format can express (mergekit writes merges only). */
export const FORMAT_OBJECTIVES = {
  trl: ["sft", "dpo", "ipo", "kto", "orpo", "grpo", "rloo", "reward-model"],
  "alignment-handbook": ["sft", "dpo", "ipo", "orpo"],
  axolotl: ["sft", "continued-pretraining", "dpo", "ipo", "kto", "orpo", "simpo", "grpo", "reward-model"],
  "llama-factory": [
    "sft",
    "continued-pretraining",
    "reward-model",
    "dpo",
    "ipo",
    "orpo",
    "simpo",
    "kto",
    "rlhf-ppo",
  ],
  mergekit: [],
} as const satisfies Record<RecipeFormat, readonly Objective[]>;

/** Parameterisations the training formats can express. */
export const TRAINING_PARAMETERIZATIONS = [
  "full",
  "lora",
  "qlora",
  "dora",
] as const satisfies readonly Parameterization[];

/** A required value the lineage does not record: written as a commented placeholder. */
export interface UnknownValue {
  /** The framework's key (`learning_rate`, `datasets[0].type`). */
  key: string;
  /** What it is, in words (`learning rate`). */
  what: string;
  reason: string;
}

/** A fact the lineage records that the format has no key for. */
export interface NotCarried {
  /** The step's field (`hyperparameters.globalBatchSize`, `inputs.datasets[0].size`). */
  field: string;
  value: unknown;
  reason: string;
}

/** An optional setting the lineage does not record: the framework's own default will apply (listed, not hidden). */
export interface Defaulted {
  key: string;
  what: string;
}

export interface RecipeResult {
  format: RecipeFormat;
  /** The id of the step written. */
  step: string;
  /** The command that runs the file, as the framework's documentation writes it. */
  run: string;
  text: string;
  /** True when no required value is unknown. */
  complete: boolean;
  unknown: UnknownValue[];
  notCarried: NotCarried[];
  defaulted: Defaulted[];
}

export type RecipeErrorCode = "no-steps" | "step-not-found" | "cannot-express" | "no-objective";

/** A step that cannot be written in the chosen format; `formats` names those that can. */
export class RecipeError extends Error {
  constructor(
    message: string,
    readonly code: RecipeErrorCode,
    readonly formats: readonly RecipeFormat[] = [],
  ) {
    super(message);
    this.name = "RecipeError";
  }
}
