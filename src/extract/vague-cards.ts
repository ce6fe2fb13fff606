/**
 * A card that says only *how* a model is trained in general words ("we fine-tune common LLMs with LoRA",
 * "微调", "trained with QLoRA"), and names no model, no dataset and no setting, describes no derivation: it is
 * vague (the corpus guide's "fine-tuned for our use case" with nothing concrete), not an instance. Its method
 * words are dropped with a warning, so the document classifies as `not-lineage`. Concrete facts of any kind (a
 * base or parent, a dataset, a hyperparameter, a rank, the model's own id, an output, the framework versions a
 * trainer wrote), a method stated more
 * clearly than a prose guess (confidence above 0.7), or a pipeline of several objectives keep every step.
 */
import type { FileFacts, StepFacts } from "./facts.js";
import type { ExtractWarning } from "./types.js";

/** Does the step name anything concrete: a model, a dataset, a setting, a rank, an output? */
function concrete(step: StepFacts): boolean {
  return (
    step.inputs.some((i) => i.value.id) ||
    step.datasets.some((d) => d.value.id) ||
    Object.keys(step.hyperparameters).length > 0 ||
    Object.keys(step.adapter).length > 0 ||
    step.output !== undefined ||
    step.mergeBase !== undefined ||
    // A Trainer/TRL card's "Framework versions" list is written by the run itself.
    step.software.length > 0 ||
    step.framework !== undefined ||
    step.kind !== "fine-tune"
  );
}

/**
 * Drops the steps of a group of cards (no recipe, no output-folder file) when nothing in it is concrete.
 * Returns the warning to report, or undefined when the group names something.
 */
export function dropVagueSteps(group: FileFacts[]): ExtractWarning | undefined {
  if (group.length === 0 || group.some((f) => f.kind !== "model-card")) return undefined;
  if (group.some((f) => f.bases.length > 0 || f.subject || f.trainingQuantBits)) return undefined;
  const steps = group.flatMap((f) => f.steps);
  if (steps.length === 0 || steps.some(concrete) || steps.some(stated)) return undefined;
  // Several objectives in order (pretraining, SFT, reward model, PPO) describe a pipeline, not a generality.
  if (new Set(steps.map((s) => s.objective?.value)).size > 1) return undefined;
  for (const f of group) f.steps = [];
  const files = group.map((f) => f.file).join(", ");
  return {
    code: "extract.vague",
    message: `${files}: says how a model was trained (${[...new Set(steps.flatMap(words))].join(", ")}) but names no model, dataset or setting; not read as a training step`,
    file: group[0]?.file ?? "",
  };
}

/** A method the card states clearly (a trainer's own sentence, a tag, a table): above a prose guess (0.7). */
function stated(step: StepFacts): boolean {
  return [step.objective, step.parameterization].some((f) => f && (f.source.confidence ?? 1) > 0.7);
}

function words(step: StepFacts): string[] {
  return [step.objective?.value, step.parameterization?.value].filter((x): x is NonNullable<typeof x> =>
    Boolean(x),
  );
}
