/**
 * TRL and alignment-handbook recipes. Both are YAML files of TRL's dataclasses (`TrainingArguments` + the
 * trainer's config + `ModelConfig` + `ScriptArguments`), run by `trl <command> --config FILE` or the handbook's
 * `scripts/<objective>.py`; the handbook names its data in a `dataset_mixture`, TRL in `dataset_name` or a
 * `datasets` list. The trainer is the command, which the file states in its first comment line.
 */

import { LOSS_VARIANTS } from "../extract/recipe-objective.js";
import type { Objective } from "../model/vocabulary.js";
import type { FineTuneStep, LineageDocument } from "../schema/lineage.js";
import { dropAdapter, writeAdapter } from "./adapter.js";
import { dropDatasetFields, namedDatasets, noDatasets, writeInputModel, writeOutput } from "./common.js";
import { HANDBOOK_KEY_GROUPS } from "./keys/alignment-handbook.js";
import { type KeyInfo, keyMap } from "./keys/key-table.js";
import { TRL_KEY_GROUPS } from "./keys/trl.js";
import { Plan } from "./plan.js";
import { objectiveVariant, writeHyperparameters, writeOtherKeys } from "./training.js";

interface Trainer {
  config: string;
  command: string;
  script: string;
  lossType?: string;
}

/** TRL's trainer for each objective it can express: its config class, CLI command and script. */
export const TRL_TRAINERS: Partial<Record<Objective, Trainer>> = {
  sft: { config: "SFTConfig", command: "trl sft", script: "scripts/sft.py" },
  dpo: { config: "DPOConfig", command: "trl dpo", script: "scripts/dpo.py" },
  ipo: { config: "DPOConfig", command: "trl dpo", script: "scripts/dpo.py", lossType: "ipo" },
  kto: { config: "KTOConfig", command: "trl kto", script: "scripts/kto.py" },
  orpo: { config: "ORPOConfig", command: "python examples/scripts/orpo.py", script: "scripts/orpo.py" },
  grpo: { config: "GRPOConfig", command: "trl grpo", script: "scripts/grpo.py" },
  rloo: { config: "RLOOConfig", command: "trl rloo", script: "scripts/rloo.py" },
  "reward-model": { config: "RewardConfig", command: "trl reward", script: "scripts/reward.py" },
};

const MODEL_CLASSES = ["TrainingArguments", "_BaseConfig", "ModelConfig", "ScriptArguments"];

/** The keys a TRL (or handbook) recipe for `objective` may hold. */
export function trlKeys(objective: Objective, handbook: boolean): Map<string, KeyInfo> {
  const trainer = TRL_TRAINERS[objective];
  const classes = [
    ...MODEL_CLASSES,
    ...(objective === "grpo" || objective === "rloo" ? ["GRPOScriptArguments"] : []),
    trainer?.config ?? "SFTConfig",
    ...(handbook ? [] : ["DatasetMixtureConfig"]),
  ];
  const keys = keyMap(TRL_KEY_GROUPS, classes);
  if (handbook)
    for (const [k, v] of keyMap(HANDBOOK_KEY_GROUPS, ["ScriptArguments", "SFTConfig"])) keys.set(k, v);
  return keys;
}

function writeParameterization(
  plan: Plan,
  step: FineTuneStep,
  keys: Map<string, KeyInfo>,
  format: "trl" | "alignment-handbook",
): void {
  const p = step.parameterization;
  const bits = step.adapter?.quantizationBits;
  if (p === undefined) {
    plan.placeholder("use_peft", "parameterisation (full, LoRA, QLoRA or DoRA)");
    return;
  }
  if (p === "full") {
    plan.put("use_peft", false);
    dropAdapter(plan, step);
    return;
  }
  plan.put("use_peft", true);
  if (p === "dora") plan.put("use_dora", true);
  if (p === "qlora" && (bits === undefined || bits === 4))
    plan.put("load_in_4bit", true, bits === undefined ? "QLoRA trains over a 4-bit base" : undefined);
  else if (bits === 8) plan.put("load_in_8bit", true);
  else if (bits !== undefined)
    plan.drop("adapter.quantizationBits", bits, "TRL loads a base in 4 or 8 bits only");
  writeAdapter(plan, { ...step, adapter: { ...step.adapter, quantizationBits: undefined } }, format, keys);
}

function writeTrlData(plan: Plan, step: FineTuneStep): void {
  const named = namedDatasets(plan, step);
  const only = named.length === 1 ? named[0] : undefined;
  if (named.length === 0) noDatasets(plan, step, "dataset_name", "ORG/NAME");
  else if (only) {
    plan.put("dataset_name", only.data.id);
    if (only.data.subset !== undefined) plan.put("dataset_config", only.data.subset);
    if (only.data.split !== undefined) plan.put("dataset_train_split", only.data.split);
    else plan.leaveDefault("dataset_train_split", "training split");
    dropDatasetFields(plan, only.data, only.index, ["subset", "split"], "trl");
  } else {
    plan.put(
      "datasets",
      named.map(({ data }) => ({
        path: data.id,
        ...(data.subset !== undefined ? { name: data.subset } : {}),
        ...(data.split !== undefined ? { split: data.split } : {}),
      })),
    );
    for (const { data, index } of named) dropDatasetFields(plan, data, index, ["subset", "split"], "trl");
  }
}

function writeMixture(plan: Plan, step: FineTuneStep): void {
  const named = namedDatasets(plan, step);
  if (named.length === 0) {
    noDatasets(plan, step, "dataset_mixture", "{datasets: [{id: ORG/NAME, split: train}]}");
    return;
  }
  named.forEach(({ data, index }) => {
    if (data.split === undefined)
      plan.leaveDefault(`dataset_mixture.datasets[${index}].split`, "split (train)");
    dropDatasetFields(plan, data, index, ["subset", "split", "weight"], "alignment-handbook");
  });
  plan.put("dataset_mixture", {
    datasets: named.map(({ data }) => ({
      id: data.id,
      ...(data.subset !== undefined ? { config: data.subset } : {}),
      ...(data.split !== undefined ? { split: data.split } : {}),
      ...(data.weight !== undefined ? { weight: data.weight } : {}),
    })),
  });
}

/** Writes a TRL (`handbook` false) or alignment-handbook recipe for a fine-tune step. */
export function writeTrl(doc: LineageDocument, step: FineTuneStep, objective: Objective, handbook: boolean) {
  const trainer = TRL_TRAINERS[objective] as Trainer;
  const format = handbook ? "alignment-handbook" : "trl";
  const keys = trlKeys(objective, handbook);
  const plan = new Plan();
  plan.section("Model arguments");
  writeInputModel(plan, doc, step, "model_name_or_path", "model_revision");
  writeParameterization(plan, step, keys, format);
  plan.section("Data arguments");
  if (handbook) writeMixture(plan, step);
  else writeTrlData(plan, step);
  plan.section(`${trainer.config} arguments`);
  const variant = objectiveVariant(plan, step, LOSS_VARIANTS);
  const lossType = variant ?? trainer.lossType;
  if (lossType && keys.has("loss_type")) plan.put("loss_type", lossType);
  if (objective === "grpo" || objective === "rloo")
    plan.placeholder(
      "reward_funcs",
      "reward functions (or reward_model_name_or_path)",
      `${objective.toUpperCase()} needs what it rewards; the lineage does not record it`,
      "[accuracy_reward]",
    );
  writeHyperparameters(plan, step, format, keys);
  const written = new Set(plan.entries.flatMap((e) => ("key" in e ? [e.key] : [])));
  writeOtherKeys(plan, step.hyperparameters?.other, "hyperparameters.other", keys, written, format);
  writeOutput(plan, step, { hub: "hub_model_id", push: "push_to_hub", dir: "output_dir" }, "data");
  const run = handbook
    ? `accelerate launch ${trainer.script} --config RECIPE.yaml`
    : `${trainer.command} --config RECIPE.yaml`;
  return { plan, run };
}
