/**
 * `writeRecipe`: the configuration that re-runs one step of a lineage, in the chosen framework's format, with
 * what the lineage does not know listed (see model.ts). A step the format cannot express is a `RecipeError`
 * naming the formats that can.
 */
import { OBJECTIVE_LABELS, PARAMETERIZATION_LABELS } from "../model/vocabulary.js";
import type { FineTuneStep, LineageDocument, Step } from "../schema/lineage.js";
import { emitYaml } from "./emit-yaml.js";
import {
  FORMAT_LABELS,
  FORMAT_OBJECTIVES,
  RECIPE_FORMATS,
  RecipeError,
  type RecipeFormat,
  type RecipeResult,
  TRAINING_PARAMETERIZATIONS,
} from "./model.js";
import type { Plan } from "./plan.js";
import { chooseStep } from "./resolve.js";
import { writeAxolotl } from "./write-axolotl.js";
import { writeLlamaFactory } from "./write-llama-factory.js";
import { writeMergekit } from "./write-mergekit.js";
import { writeTrl } from "./write-trl.js";

export interface RecipeOptions {
  format: RecipeFormat;
  /** The step's id; the last step when omitted. */
  step?: string;
  /** The recipe's file name, for the run command (default `RECIPE.yaml`). */
  file?: string;
}

const names = (formats: readonly RecipeFormat[]) =>
  formats.length > 0 ? formats.map((f) => FORMAT_LABELS[f]).join(", ") : "none of the formats ftl writes";

/** The formats that can express a step (its kind, objective and parameterisation). */
export function formatsFor(step: Step): RecipeFormat[] {
  if (step.kind === "merge") return ["mergekit"];
  if (step.kind !== "fine-tune" || step.objective === undefined) return [];
  const p = step.parameterization;
  if (p !== undefined && !(TRAINING_PARAMETERIZATIONS as readonly string[]).includes(p)) return [];
  const objective = step.objective;
  return RECIPE_FORMATS.filter((f) => (FORMAT_OBJECTIVES[f] as readonly string[]).includes(objective));
}

function refuse(step: Step, format: RecipeFormat): never {
  const can = formatsFor(step).filter((f) => f !== format);
  const what =
    step.kind === "merge"
      ? "a merge"
      : step.kind !== "fine-tune"
        ? `${/^[aeiou]/.test(step.kind) ? "an" : "a"} ${step.kind} step`
        : step.parameterization !== undefined &&
            !(TRAINING_PARAMETERIZATIONS as readonly string[]).includes(step.parameterization)
          ? `a ${PARAMETERIZATION_LABELS[step.parameterization]} fine-tune`
          : `${OBJECTIVE_LABELS[step.objective as keyof typeof OBJECTIVE_LABELS]} training`;
  throw new RecipeError(
    `${FORMAT_LABELS[format]} cannot express step '${step.id}' (${what}); formats that can: ${names(can)}`,
    "cannot-express",
    can,
  );
}

function plannedFor(doc: LineageDocument, step: Step, format: RecipeFormat): { plan: Plan; run: string } {
  if (format === "mergekit") {
    if (step.kind !== "merge") refuse(step, format);
    return writeMergekit(doc, step);
  }
  if (step.kind !== "fine-tune") refuse(step, format);
  if (step.objective === undefined)
    throw new RecipeError(
      `step '${step.id}' records no objective, and ${FORMAT_LABELS[format]} needs one to choose its trainer; record it first (ftl step add … --objective)`,
      "no-objective",
    );
  if (!formatsFor(step).includes(format)) refuse(step, format);
  const fine = step as FineTuneStep & { objective: NonNullable<FineTuneStep["objective"]> };
  switch (format) {
    case "trl":
      return writeTrl(doc, fine, fine.objective, false);
    case "alignment-handbook":
      return writeTrl(doc, fine, fine.objective, true);
    case "axolotl":
      return writeAxolotl(doc, fine, fine.objective);
    case "llama-factory":
      return writeLlamaFactory(doc, fine, fine.objective);
  }
}

/**
 * The recipe that re-runs a step of `doc`.
 * @example writeRecipe(zephyr, { format: "alignment-handbook", step: "dpo" }).text
 */
export function writeRecipe(doc: LineageDocument, options: RecipeOptions): RecipeResult {
  const step = chooseStep(doc, options.step);
  const planned = plannedFor(doc, step, options.format);
  const { plan } = planned;
  // Only a plain file name goes into the comment line (never a line break or shell syntax).
  const file = options.file && /^[\w.@+-]{1,200}$/.test(options.file) ? options.file : undefined;
  const run = file ? planned.run.replace("RECIPE.yaml", file) : planned.run;
  const header = [
    `Run: ${run}`,
    `Written by ftl recipe from step '${step.id}'${step.output ? ` (output ${step.output.id})` : ""} of a lineage.`,
    "Lines marked UNKNOWN are required values the lineage does not record: fill them in before running.",
  ];
  const footer =
    plan.defaulted.length > 0
      ? [
          `Not recorded in the lineage, left to ${FORMAT_LABELS[options.format]}'s default: ${plan.defaulted.map((d) => d.key).join(", ")}`,
        ]
      : [];
  return {
    format: options.format,
    step: step.id,
    run,
    text: emitYaml(header, plan.entries, footer),
    complete: plan.unknown.length === 0,
    unknown: plan.unknown,
    notCarried: plan.notCarried,
    defaulted: plan.defaulted,
  };
}
