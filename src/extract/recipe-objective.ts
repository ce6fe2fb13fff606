/**
 * The objective of a training recipe, from what the file says, most explicit first: `reward_model: true`, a
 * `loss_type`/`pref_loss` variant, axolotl's `rl`, LLaMA-Factory's `stage`, then the recipe's own names.
 * Variants map to their objectives (`sigmoid`, `hinge`, `apo_zero` are DPO losses; `simpo`, `ipo`, `kto_pair`,
 * `orpo` are their own); an unknown variant is kept by name as objective `other`, never folded into DPO.
 */
import type { Objective } from "../model/vocabulary.js";
import { OBJECTIVE_WORDS } from "./terms.js";

/** Preference-loss variants of TRL's DPOTrainer, LLaMA-Factory's `pref_loss` and open-instruct's `loss_type`. */
export const LOSS_VARIANTS: Readonly<Record<string, Objective>> = {
  sigmoid: "dpo",
  dpo: "dpo",
  dpo_norm: "dpo",
  hinge: "dpo",
  robust: "dpo",
  bco_pair: "dpo",
  sppo_hard: "dpo",
  nca_pair: "dpo",
  exo_pair: "dpo",
  aot: "dpo",
  aot_pair: "dpo",
  apo_zero: "dpo",
  apo_down: "dpo",
  discopop: "dpo",
  sft: "sft",
  ipo: "ipo",
  simpo: "simpo",
  kto_pair: "kto",
  kto: "kto",
  orpo: "orpo",
  cpo: "cpo",
  grpo: "grpo",
  dr_grpo: "grpo",
  dapo: "grpo",
  bnpo: "grpo",
};

/** axolotl `rl:` values. */
const AXOLOTL_RL: Readonly<Record<string, Objective>> = {
  dpo: "dpo",
  ipo: "ipo",
  kto: "kto",
  kto_pair: "kto",
  orpo: "orpo",
  simpo: "simpo",
  grpo: "grpo",
  cpo: "cpo",
  ppo: "rlhf-ppo",
};

export interface RecipeObjective {
  objective: Objective;
  field?: string;
  /** The variant as the file names it, when it is not the objective's own name. */
  variant?: string;
}

const lower = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim().toLowerCase() : undefined);

function fromVariant(
  field: string,
  name: string,
  table: Readonly<Record<string, Objective>>,
): RecipeObjective {
  const objective = table[name];
  if (objective) return { objective, field, ...(name !== objective ? { variant: name } : {}) };
  return { objective: "other", field, variant: name };
}

/** The objective a recipe's keys state, or undefined when they state none. */
export function statedObjective(obj: Record<string, unknown>): RecipeObjective | undefined {
  if (obj.reward_model === true || obj.process_reward_model === true)
    return {
      objective: "reward-model",
      field: obj.reward_model === true ? "reward_model" : "process_reward_model",
    };
  const stage = lower(obj.stage);
  const loss = lower(obj.loss_type) ?? lower(obj.pref_loss);
  const lossField = lower(obj.loss_type) ? "loss_type" : "pref_loss";
  if (stage) {
    const base = OBJECTIVE_WORDS[stage];
    if (!base) return { objective: "other", field: "stage", variant: stage };
    if (base === "dpo" && loss) return fromVariant(lossField, loss, LOSS_VARIANTS);
    return { objective: base, field: "stage" };
  }
  const rl = lower(obj.rl);
  if (rl) {
    if ((rl === "dpo" || rl === "ipo") && loss) return fromVariant(lossField, loss, LOSS_VARIANTS);
    return fromVariant("rl", rl, AXOLOTL_RL);
  }
  if (loss) return fromVariant(lossField, loss, LOSS_VARIANTS);
  // Firefly's train args (`task_type: dpo`, `pretrain`, `sft`). PEFT's `task_type: CAUSAL_LM` is not an objective,
  // so only an objective word is taken.
  const task = lower(obj.task_type);
  const byTask = task ? OBJECTIVE_WORDS[task] : undefined;
  if (byTask) return { objective: byTask, field: "task_type" };
  return undefined;
}

/** TRL CLI commands and training scripts (TRL's `trl/scripts/`, alignment-handbook's `scripts/`), by objective. */
const RUN_WORDS: Readonly<Record<string, Objective>> = {
  sft: "sft",
  dpo: "dpo",
  kto: "kto",
  orpo: "orpo",
  grpo: "grpo",
  rloo: "rloo",
  reward: "reward-model",
};

/**
 * The objective a TRL-style recipe states in a comment giving its run command (`# Run: trl dpo --config …`,
 * `# accelerate launch scripts/orpo.py --config …`): the trainer is the command, which the YAML keys do not name.
 */
export function runCommandObjective(text: string): RecipeObjective | undefined {
  let line = 0;
  for (const row of text.split("\n", 200)) {
    line++;
    if (!row.trimStart().startsWith("#")) continue;
    const m = /\btrl ([a-z]+) --config\b/.exec(row) ?? /\bscripts\/([a-z]+)\.py --config\b/.exec(row);
    const objective = m?.[1] ? RUN_WORDS[m[1]] : undefined;
    if (objective) return { objective, field: `comment line ${line}` };
  }
  return undefined;
}
