/**
 * The frameworks' own configuration check, where it cannot run here (no PyPI): a written recipe is checked
 * against the keys and types transcribed from each framework's configuration classes (src/recipe/keys/), plus
 * the enumerations those classes check (`lr_scheduler_type`, `optim`, `merge_method`, `stage`, `rl`).
 */
import { parse } from "yaml";
import type { Objective } from "../model/vocabulary.js";
import { HANDBOOK_KEY_GROUPS } from "./keys/alignment-handbook.js";
import { AXOLOTL_KEY_GROUPS } from "./keys/axolotl.js";
import {
  type ConfigProblem,
  checkKeys,
  keyMap,
  MERGEKIT_METHODS,
  TRANSFORMERS_OPTIMIZERS,
  TRANSFORMERS_SCHEDULERS,
} from "./keys/key-table.js";
import { MERGEKIT_KEY_GROUPS } from "./keys/mergekit.js";
import { TRL_KEY_GROUPS } from "./keys/trl.js";
import type { RecipeFormat } from "./model.js";
import { axolotlDatasetClass, axolotlKeys } from "./write-axolotl.js";
import { factoryKeys } from "./write-llama-factory.js";
import { trlKeys } from "./write-trl.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function checkList(
  value: unknown,
  path: string,
  classes: string[],
  groups: Parameters<typeof keyMap>[0],
): ConfigProblem[] {
  if (!Array.isArray(value)) return [];
  const keys = keyMap(groups, classes);
  return value.flatMap((item, i) =>
    isObj(item)
      ? checkKeys(item, keys, `${path}[${i}]`, classes.join("/"))
      : [{ path: `${path}[${i}]`, message: `${path}[${i}]: expected a mapping` }],
  );
}

function checkEnum(obj: Obj, key: string, allowed: readonly string[], source: string): ConfigProblem[] {
  const value = obj[key];
  if (value === undefined || allowed.includes(String(value))) return [];
  return [{ path: key, message: `${key}: ${JSON.stringify(value)} is not one of ${source}'s values` }];
}

function checkTraining(format: RecipeFormat, objective: Objective, obj: Obj): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  problems.push(
    ...checkEnum(obj, "lr_scheduler_type", TRANSFORMERS_SCHEDULERS, "transformers SchedulerType"),
  );
  problems.push(...checkEnum(obj, "optim", TRANSFORMERS_OPTIMIZERS, "transformers OptimizerNames"));
  if (format === "trl" || format === "alignment-handbook") {
    problems.push(
      ...checkKeys(
        obj,
        trlKeys(objective, format === "alignment-handbook"),
        "",
        `TRL's ${objective} configuration`,
      ),
    );
    problems.push(...checkList(obj.datasets, "datasets", ["DatasetConfig"], TRL_KEY_GROUPS));
    const mixture = obj.dataset_mixture;
    if (isObj(mixture)) {
      problems.push(
        ...checkKeys(
          mixture,
          keyMap(HANDBOOK_KEY_GROUPS, ["DatasetMixtureConfig"]),
          "dataset_mixture",
          "DatasetMixtureConfig",
        ),
      );
      problems.push(
        ...checkList(mixture.datasets, "dataset_mixture.datasets", ["DatasetConfig"], HANDBOOK_KEY_GROUPS),
      );
    }
  } else if (format === "axolotl") {
    problems.push(...checkKeys(obj, axolotlKeys(), "", "AxolotlInputConfig"));
    const data = axolotlDatasetClass(objective);
    problems.push(...checkList(obj.datasets, "datasets", [data], AXOLOTL_KEY_GROUPS));
    problems.push(
      ...checkList(
        obj.pretraining_dataset,
        "pretraining_dataset",
        ["PretrainingDataset"],
        AXOLOTL_KEY_GROUPS,
      ),
    );
    if (isObj(obj.trl))
      problems.push(...checkKeys(obj.trl, keyMap(AXOLOTL_KEY_GROUPS, ["TRLConfig"]), "trl", "TRLConfig"));
  } else problems.push(...checkKeys(obj, factoryKeys(), "", "LLaMA-Factory's arguments"));
  return problems;
}

function checkMergekit(obj: Obj): ConfigProblem[] {
  const problems = checkKeys(
    obj,
    keyMap(MERGEKIT_KEY_GROUPS, ["MergeConfiguration"]),
    "",
    "MergeConfiguration",
  );
  problems.push(...checkEnum(obj, "merge_method", MERGEKIT_METHODS, "mergekit's merge methods"));
  problems.push(...checkList(obj.models, "models", ["InputModelDefinition"], MERGEKIT_KEY_GROUPS));
  problems.push(...checkList(obj.slices, "slices", ["OutputSliceDefinition"], MERGEKIT_KEY_GROUPS));
  if (obj.models === undefined && obj.slices === undefined)
    problems.push({ path: "models", message: "MergeConfiguration needs models or slices" });
  return problems;
}

/** Problems of a written recipe against the framework's transcribed configuration classes; [] when it fits. */
export function checkRecipe(
  format: RecipeFormat,
  objective: Objective | undefined,
  text: string,
): ConfigProblem[] {
  const obj = parse(text) as unknown;
  if (obj === null || obj === undefined) return [];
  if (!isObj(obj)) return [{ path: "", message: "a recipe is a mapping of keys" }];
  if (format === "mergekit") return checkMergekit(obj);
  return checkTraining(format, objective ?? "sft", obj);
}
