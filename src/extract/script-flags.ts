/**
 * Flags of training scripts that are not a framework's own CLI: Hugging Face's causal-LM example scripts and
 * the many projects that copy them (`run_clm.py`, `pretrain_clm.py`, `finetune_clm_lora.py`,
 * `run_clm_sft_with_peft.py`), open-instruct's push-to-Hub flags, OLMo-core's seed. Each rule names the script
 * or documentation the flag comes from.
 */

import { lookupTable } from "../model/lookup.js";
import type { Entry } from "./command-args.js";
import { extracted, fact, inferred, type StepFacts } from "./facts.js";

type Obj = Record<string, unknown>;

/** Flag names, to the names the recipe readers know. */
export const SCRIPT_ALIASES: Readonly<Record<string, string>> = lookupTable({
  // transformers examples/pytorch/language-modeling/run_clm.py (DataTrainingArguments.train_file) and its
  // copies taking several files (FlagAlpha/Llama2-Chinese train/sft/finetune_clm_lora.py `--train_files a b`)
  train_file: "dataset",
  train_files: "dataset",
  // run_clm.py DataTrainingArguments.block_size: "Optional input sequence length after tokenization"
  block_size: "max_seq_length",
  // OLMo-core launch scripts: `--init_seed=42` (dev r-rcp-openinstruct-olmo-hybrid-7b-sft-olmocore)
  init_seed: "seed",
});

/**
 * ms-swift 2.x flag names, to the 3.x names the readers know (ms-swift 2.x
 * docs/source_en/LLM/Command-line-parameters.md: `--sft_type` "Fine-tuning method … If using qlora, you need to
 * set `--sft_type lora --quantization_bit 4`", `--model_id_or_path`, `--batch_size` "Batch_size during
 * training", `--custom_train_dataset_path` "deprecated, please use `--dataset`"; dev
 * e-rcp-climate-zoo-swift-llava-next-8b-lora).
 */
export const SWIFT2_ALIASES: Readonly<Record<string, string>> = lookupTable({
  sft_type: "train_type",
  model_id_or_path: "model_name_or_path",
  batch_size: "per_device_train_batch_size",
  custom_train_dataset_path: "dataset",
});

/** `--load_in_bits 4` (FlagAlpha finetune_clm_lora.py), `--load_in_kbits 16` (ymcui run_clm_sft_with_peft.py). */
const BITS_FLAGS = ["load_in_bits", "load_in_kbits"] as const;

/**
 * Rewrites flags into the keys the recipe readers know, before they read them: a quantised load stated as a
 * number of bits, and open-instruct's `--hf_entity E --hf_repo_id R` (the repository it pushes to,
 * open_instruct/dpo_tune_cache.py and finetune.py arguments) as `hub_model_id: E/R`.
 */
/** A flag group named for a dataclass of settings (`base_config`, `grpo_config`, `training_args`, `cfg`). */
const SETTINGS_GROUP = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*_(?:config|args|cfg|arguments)$|^(?:config|args|cfg)$/i;
/** A group named for its objective (`grpo_config`, `dpo_args`). */
const OBJECTIVE_GROUP = /^(grpo|dpo|ppo|orpo|kto|simpo|rloo|sft)_(?:config|args|cfg|arguments)$/i;

/**
 * Flags of a CLI built from dataclass groups (tyro, simple-parsing: `--base_config.model_name X`,
 * `--grpo_config.lr 5e-6`; dev s3-rcp-curious-qwen25-05b-grpo-gsm8k): the key after the group, when no plain flag
 * says it; a group named for an objective states that objective.
 */
function flattenGroups(obj: Obj): void {
  for (const key of Object.keys(obj)) {
    const dot = key.indexOf(".");
    if (dot <= 0 || dot !== key.lastIndexOf(".")) continue;
    const group = key.slice(0, dot);
    if (!SETTINGS_GROUP.test(group)) continue;
    const last = key.slice(dot + 1);
    if (obj[last] === undefined) obj[last] = obj[key];
    const objective = OBJECTIVE_GROUP.exec(group)?.[1];
    if (objective && obj.rl === undefined && obj.loss_type === undefined) obj.rl = objective.toLowerCase();
  }
}

export function normaliseScriptFlags(obj: Obj): void {
  flattenGroups(obj);
  // `--model_name org/x` (a project's own script, as its Python constants call it: python-scan.ts) names the model
  // when it is an id or a path; a bare name is an architecture (OLMo-core's `--model_name=olmo2.5-7b`).
  const name = obj.model_name;
  if (typeof name === "string" && name.includes("/") && obj.model_name_or_path === undefined)
    obj.model_name_or_path = name;
  for (const key of BITS_FLAGS) {
    const bits = Number(obj[key]);
    if (bits === 4 && obj.load_in_4bit === undefined) obj.load_in_4bit = true;
    if (bits === 8 && obj.load_in_8bit === undefined) obj.load_in_8bit = true;
  }
  const entity = obj.hf_entity;
  const repo = obj.hf_repo_id;
  if (typeof repo === "string" && obj.hub_model_id === undefined && obj.push_to_hub !== false)
    obj.hub_model_id = typeof entity === "string" && !repo.includes("/") ? `${entity}/${repo}` : repo;
}

const has = (obj: Obj, pattern: RegExp) => Object.keys(obj).some((k) => pattern.test(k));

/** Does the command state any adapter setting (a LoRA rank, PEFT, an adapter type)? */
function statesAdapter(obj: Obj): boolean {
  return has(obj, /^(lora_|use_peft|use_lora|use_qlora|use_dora|peft|adapter|finetuning_type|train_type)/);
}

/**
 * What a project's own training script states about its parameters when the framework readers said nothing:
 * a LoRA rank (`--lora_rank 64`, `--lora_r 8`) is a LoRA run, QLoRA with a 4- or 8-bit load or FastChat's
 * `--q_lora True`; a causal-LM script
 * (`*_clm*.py`, the transformers example and its copies, which have no adapter support) given no adapter flag
 * trains all weights.
 */
export function scriptParameterization(entry: Entry, obj: Obj, step: StepFacts, file: string): void {
  const current = step.parameterization;
  // FastChat's `--q_lora True` (train_lora.py's LoraArguments) and `--use_qlora` load the frozen base quantised.
  const quantised =
    obj.load_in_4bit === true ||
    obj.load_in_8bit === true ||
    [obj.q_lora, obj.use_qlora].some((v) => v === true || v === "True" || v === "true");
  if (current?.value === "lora" && quantised && current.source.source === "inferred") {
    const key = BITS_FLAGS.find((k) => obj[k] !== undefined) ?? "load_in_4bit";
    step.parameterization = fact("qlora", inferred(file, `LoRA with a ${key} quantised load`, 0.8, key));
    return;
  }
  if (current) return;
  // `--peft lora` (Intel Extension for Transformers' finetune_clm.py, dev y4-long-itrex-rlhf-ppo-llama2).
  const peft = typeof obj.peft === "string" ? obj.peft.toLowerCase() : undefined;
  if (peft === "lora" || peft === "qlora") {
    step.parameterization = fact(
      peft === "qlora" || quantised ? "qlora" : "lora",
      extracted(file, { field: "peft", confidence: 0.9, note: `--peft ${peft}` }),
    );
    return;
  }
  const key = ["lora_rank", "lora_r"].find((k) => Number(obj[k]) > 0);
  if (key) {
    step.parameterization = fact(
      quantised ? "qlora" : "lora",
      extracted(file, { field: key, confidence: 0.9, note: "a LoRA rank is set" }),
    );
    return;
  }
  const script = (entry.name.split("/").pop() ?? entry.name).toLowerCase();
  if (entry.kind === "script" && /(^|_)clm(_|\.py$)/.test(script) && !statesAdapter(obj))
    step.parameterization = fact(
      "full",
      inferred(file, `${script} is a causal-LM training script and the command sets no adapter`, 0.75),
    );
}

/**
 * Flags that say a run is PPO: open-instruct's `grpo_fast.py --use_value_model` trains a value model with GAE
 * advantages, whatever the script's name says (dev r-rcp-openinstruct-vip-qwen25-3b-ppo-value-model); TRL's PPO
 * example scripts give `--ppo_epochs` and a `--reward_model_name`.
 */
export function ppoFlagsObjective(obj: Obj, step: StepFacts, file: string, lines: Map<string, number>): void {
  // `rl_training.py --reward_model_name=… --ppo_epochs=4` (dev y4-long-itrex-rlhf-ppo-llama2).
  const weak = !step.objective || step.objective.source.source === "inferred";
  if (
    obj.ppo_epochs !== undefined &&
    obj.reward_model_name !== undefined &&
    weak &&
    step.objective?.value !== "rlhf-ppo"
  ) {
    step.objective = fact(
      "rlhf-ppo",
      extracted(file, {
        field: "ppo_epochs",
        line: lines.get("ppo_epochs"),
        confidence: 0.85,
        note: "PPO epochs against a reward model",
      }),
    );
    return;
  }
  if (obj.use_value_model !== true) return;
  step.objective = fact(
    "rlhf-ppo",
    extracted(file, {
      field: "use_value_model",
      line: lines.get("use_value_model"),
      confidence: 0.85,
      note: "a value model (GAE): PPO",
    }),
  );
}
