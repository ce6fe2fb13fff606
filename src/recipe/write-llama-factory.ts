/**
 * LLaMA-Factory recipes (`llamafactory-cli train FILE`): `stage` (pt, sft, rm, ppo, dpo, kto; IPO, ORPO and
 * SimPO are `stage: dpo` with a `pref_loss`), `finetuning_type`, `lora_*`, `quantization_bit`, `dataset`
 * (names registered in `data/dataset_info.json`: the entries to add are written as a comment), `template`
 * (not lineage: a placeholder), `cutoff_len`, `pref_beta` and transformers' training arguments. Newer
 * objectives such as GRPO are not in this layout: the error names the frameworks that have them.
 */
import { LOSS_VARIANTS } from "../extract/recipe-objective.js";
import type { Objective } from "../model/vocabulary.js";
import type { FineTuneStep, LineageDocument } from "../schema/lineage.js";
import { dropAdapter, writeAdapter } from "./adapter.js";
import { dropDatasetFields, namedDatasets, noDatasets, writeInputModel, writeOutput } from "./common.js";
import { type KeyInfo, keyMap, valueFits } from "./keys/key-table.js";
import { LLAMA_FACTORY_KEY_GROUPS } from "./keys/llama-factory.js";
import { Plan } from "./plan.js";
import { objectiveVariant, writeHyperparameters, writeOtherKeys } from "./training.js";

/** `stage` and `pref_loss` for each objective LLaMA-Factory trains. */
export const FACTORY_STAGES: Partial<Record<Objective, { stage: string; prefLoss?: string }>> = {
  sft: { stage: "sft" },
  "continued-pretraining": { stage: "pt" },
  "reward-model": { stage: "rm" },
  "rlhf-ppo": { stage: "ppo" },
  dpo: { stage: "dpo" },
  ipo: { stage: "dpo", prefLoss: "ipo" },
  orpo: { stage: "dpo", prefLoss: "orpo" },
  simpo: { stage: "dpo", prefLoss: "simpo" },
  kto: { stage: "kto" },
};

export function factoryKeys(): Map<string, KeyInfo> {
  return keyMap(LLAMA_FACTORY_KEY_GROUPS);
}

function writeParameterization(plan: Plan, step: FineTuneStep, keys: Map<string, KeyInfo>): void {
  const p = step.parameterization;
  const bits = step.adapter?.quantizationBits;
  if (p === undefined) {
    plan.placeholder("finetuning_type", "parameterisation (full, LoRA, QLoRA or DoRA)");
    return;
  }
  if (p === "full") {
    plan.put("finetuning_type", "full");
    dropAdapter(plan, step);
    return;
  }
  plan.put("finetuning_type", "lora");
  if (p === "dora") plan.put("use_dora", true);
  if (p === "qlora" && (bits === undefined || bits === 4)) plan.put("quantization_bit", 4);
  else if (bits === 8 && p !== "qlora") plan.put("quantization_bit", 8);
  else if (bits !== undefined)
    plan.drop("adapter.quantizationBits", bits, "not expressible with this parameterisation");
  writeAdapter(
    plan,
    { ...step, adapter: { ...step.adapter, quantizationBits: undefined } },
    "llama-factory",
    keys,
  );
}

function datasetInfo(step: FineTuneStep, ranking: boolean): string[] {
  const lines = ["data/dataset_info.json needs an entry per dataset, e.g.:"];
  for (const d of step.inputs?.datasets ?? []) {
    if (d.id === undefined) continue;
    const entry = {
      hf_hub_url: d.id,
      ...(d.subset !== undefined ? { subset: d.subset } : {}),
      ...(d.split !== undefined ? { split: d.split } : {}),
      ...(ranking ? { ranking: true } : {}),
    };
    lines.push(`  ${JSON.stringify(d.id)}: ${JSON.stringify(entry)}`);
  }
  return lines;
}

function writeData(plan: Plan, step: FineTuneStep, stage: string): void {
  const named = namedDatasets(plan, step);
  if (named.length === 0) {
    noDatasets(plan, step, "dataset", "NAME_IN_DATASET_INFO");
    return;
  }
  for (const { data, index } of named)
    dropDatasetFields(
      plan,
      data,
      index,
      [],
      "a LLaMA-Factory recipe (its data/dataset_info.json entry holds it)",
    );
  plan.put(
    "dataset",
    named.map(({ data }) => data.id).join(","),
    datasetInfo(step, stage === "dpo" || stage === "rm").join("\n"),
  );
}

/** Writes a LLaMA-Factory recipe for a fine-tune step. */
export function writeLlamaFactory(doc: LineageDocument, step: FineTuneStep, objective: Objective) {
  const keys = factoryKeys();
  const { stage, prefLoss } = FACTORY_STAGES[objective] as { stage: string; prefLoss?: string };
  const plan = new Plan();
  plan.section("model");
  writeInputModel(plan, doc, step, "model_name_or_path", "model_revision");
  plan.section("method");
  plan.put("stage", stage);
  plan.put("do_train", true);
  writeParameterization(plan, step, keys);
  const variant = objectiveVariant(plan, step, LOSS_VARIANTS);
  const loss = variant ?? prefLoss;
  const lossInfo = keys.get("pref_loss");
  if (loss !== undefined && lossInfo && valueFits(lossInfo.type, loss)) plan.put("pref_loss", loss);
  else if (loss !== undefined)
    plan.drop(
      "hyperparameters.other.pref_loss",
      loss,
      `not a value FinetuningArguments.pref_loss takes (${lossInfo?.type})`,
    );
  if (stage === "ppo")
    plan.placeholder(
      "reward_model",
      "reward model",
      "the lineage does not name the reward model PPO scores with",
    );
  plan.section("dataset");
  writeData(plan, step, stage);
  if (stage !== "pt")
    plan.placeholder(
      "template",
      "chat template",
      "LLaMA-Factory needs its prompt template's name; the lineage does not record it",
    );
  plan.section("train");
  writeHyperparameters(plan, step, "llama-factory", keys);
  const written = new Set(plan.entries.flatMap((e) => ("key" in e ? [e.key] : [])));
  writeOtherKeys(plan, step.hyperparameters?.other, "hyperparameters.other", keys, written, "llama-factory");
  plan.section("output");
  writeOutput(plan, step, { hub: "hub_model_id", push: "push_to_hub", dir: "output_dir" }, "saves");
  return { plan, run: "llamafactory-cli train RECIPE.yaml" };
}
