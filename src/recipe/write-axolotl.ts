/**
 * axolotl recipes: `base_model`, `datasets[].path/name/split/type`, `rl` for preference and RL objectives
 * (none for SFT), `pretraining_dataset` for continued pre-training, `adapter: lora|qlora`, `lora_*`,
 * `load_in_4bit`, and the hyperparameters under axolotl's names (`micro_batch_size`, `num_epochs`,
 * `sequence_len`, `rl_beta`). A dataset's prompt format (`type`) is not lineage: it is always a placeholder.
 */
import { LOSS_VARIANTS } from "../extract/recipe-objective.js";
import type { Objective } from "../model/vocabulary.js";
import type { FineTuneStep, LineageDocument } from "../schema/lineage.js";
import { dropAdapter, writeAdapter } from "./adapter.js";
import { dropDatasetFields, namedDatasets, noDatasets, writeInputModel, writeOutput } from "./common.js";
import { AXOLOTL_KEY_GROUPS } from "./keys/axolotl.js";
import { type KeyInfo, keyMap } from "./keys/key-table.js";
import { Plan } from "./plan.js";
import { objectiveVariant, writeHyperparameters, writeOtherKeys } from "./training.js";

/** axolotl's `rl` value for each objective it trains with TRL's preference and RL trainers. */
export const AXOLOTL_RL: Partial<Record<Objective, string>> = {
  dpo: "dpo",
  ipo: "ipo",
  kto: "kto",
  orpo: "orpo",
  simpo: "simpo",
  grpo: "grpo",
};

const DATASET_CLASSES = [
  "SFTDataset",
  "DPODataset",
  "KTODataset",
  "PretrainingDataset",
  "StepwiseSupervisedDataset",
  "SyntheticDataset",
  "UserDefinedDPOType",
  "UserDefinedKTOType",
  "UserDefinedPrompterType",
  "TRLConfig",
  "EBFTConfig",
  "LrGroup",
  "RoleBoundarySpec",
];

/** The top-level keys of an axolotl config. */
export function axolotlKeys(): Map<string, KeyInfo> {
  const all = new Set(AXOLOTL_KEY_GROUPS.map((g) => g.cls).filter((c) => !DATASET_CLASSES.includes(c)));
  return keyMap(AXOLOTL_KEY_GROUPS, [...all]);
}

function writeParameterization(plan: Plan, step: FineTuneStep, keys: Map<string, KeyInfo>): void {
  const p = step.parameterization;
  const bits = step.adapter?.quantizationBits;
  if (p === undefined) {
    plan.placeholder("adapter", "parameterisation (full, LoRA, QLoRA or DoRA)");
    return;
  }
  if (p === "full") {
    dropAdapter(plan, step);
    return;
  }
  plan.put("adapter", p === "qlora" ? "qlora" : "lora");
  if (p === "dora") plan.put("peft_use_dora", true);
  if (p === "qlora" && (bits === undefined || bits === 4)) plan.put("load_in_4bit", true);
  else if (bits === 8) plan.put("load_in_8bit", true);
  else if (bits !== undefined)
    plan.drop("adapter.quantizationBits", bits, "axolotl loads a base in 4 or 8 bits only");
  writeAdapter(plan, { ...step, adapter: { ...step.adapter, quantizationBits: undefined } }, "axolotl", keys);
}

/** The dataset model axolotl validates a step's datasets with. */
export function axolotlDatasetClass(objective: Objective): string {
  if (objective === "continued-pretraining") return "PretrainingDataset";
  if (objective === "kto") return "KTODataset";
  return AXOLOTL_RL[objective] && objective !== "grpo" ? "DPODataset" : "SFTDataset";
}

function writeData(plan: Plan, step: FineTuneStep, objective: Objective): void {
  const key = objective === "continued-pretraining" ? "pretraining_dataset" : "datasets";
  const named = namedDatasets(plan, step);
  if (named.length === 0) {
    noDatasets(plan, step, key, "[{path: ORG/NAME, type: …}]");
    return;
  }
  const pretraining = key === "pretraining_dataset";
  const fields = keyMap(AXOLOTL_KEY_GROUPS, [axolotlDatasetClass(objective)]);
  const carried = (["subset", "split", "revision"] as const).filter((f) =>
    fields.has(f === "subset" ? "name" : f),
  );
  for (const { data, index } of named) dropDatasetFields(plan, data, index, carried, "axolotl");
  const has = (f: "subset" | "revision") => (carried as readonly string[]).includes(f);
  const list = named.map(({ data }) => ({
    path: data.id,
    ...(data.subset !== undefined && has("subset") ? { name: data.subset } : {}),
    ...(data.split !== undefined ? { split: data.split } : {}),
    ...(data.revision !== undefined && has("revision") ? { revision: data.revision } : {}),
    ...(pretraining ? { type: "pretrain" } : {}),
  }));
  if (!pretraining)
    named.forEach((_, i) => {
      plan.unknown.push({
        key: `${key}[${i}].type`,
        what: "dataset prompt format",
        reason:
          "axolotl needs the dataset's prompt format (chat_template, alpaca, chatml.intel, …); the lineage does not record it",
      });
    });
  plan.put(
    key,
    list,
    pretraining
      ? undefined
      : `UNKNOWN: ${key}[].type (the prompt format of each dataset) — not recorded in the lineage`,
  );
}

/** Writes an axolotl recipe for a fine-tune step. */
export function writeAxolotl(doc: LineageDocument, step: FineTuneStep, objective: Objective) {
  const keys = axolotlKeys();
  const plan = new Plan();
  writeInputModel(plan, doc, step, "base_model", "revision_of_model");
  writeParameterization(plan, step, keys);
  plan.section("Objective and data");
  const rl = AXOLOTL_RL[objective];
  if (rl) plan.put("rl", rl);
  if (objective === "reward-model") plan.put("reward_model", true);
  const variant = objectiveVariant(plan, step, LOSS_VARIANTS);
  if (variant) plan.put("trl", { loss_type: variant });
  if (objective === "grpo")
    plan.placeholder(
      "trl.reward_funcs",
      "reward functions",
      "GRPO needs what it rewards; the lineage does not record it",
      "",
      "trl: {reward_funcs: [rewards.accuracy_reward]}",
    );
  writeData(plan, step, objective);
  plan.section("Training");
  writeHyperparameters(plan, step, "axolotl", keys);
  const written = new Set(plan.entries.flatMap((e) => ("key" in e ? [e.key] : [])));
  writeOtherKeys(plan, step.hyperparameters?.other, "hyperparameters.other", keys, written, "axolotl");
  writeOutput(plan, step, { hub: "hub_model_id", dir: "output_dir" }, "./outputs");
  return { plan, run: "axolotl train RECIPE.yaml" };
}
