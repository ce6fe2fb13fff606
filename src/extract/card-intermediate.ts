/**
 * A card whose front matter names an intermediate checkpoint as `base_model` (X) and whose text names another
 * model as the one X came from (Y: "Finetuned from model: google/gemma-7b", "a fine-tuned version of X, itself
 * trained from Y") gives Y → step → X → step → subject. The step from Y to X is added with what the card says of
 * it (nothing, usually), and no intermediate name is made up: X is the name the card gives.
 */
import { intermediateOf } from "../model/intermediates.js";
import { resolveKnownModel } from "../model/known-models.js";
import { emptyStep, type Fact, fact, inferred, type StepFacts } from "./facts.js";
import { sameModel } from "./merge-steps.js";

/**
 * Does a model the prose names (perhaps without its org: "**Base Model**: Llama-2-7b") denote the front matter's
 * `base_model` (`meta-llama/Llama-2-7b-hf`)? Then the card names one model twice, not an intermediate and its
 * source (blind dev w3-card-onurkan-llama2-7b-oasst1-qlora-sft-hf-card had a step from the base to itself).
 */
function sameAsDirect(prose: string, direct: string): boolean {
  if (sameModel(prose, direct)) return true;
  const resolved = prose.includes("/") ? undefined : resolveKnownModel(prose);
  return resolved !== undefined && sameModel(resolved, direct);
}

/** Prepends the step from the original base to the front-matter base, when the card names both. */
export function originalBaseStep(
  steps: StepFacts[],
  frontMatterBases: Fact<string>[],
  proseBases: Fact<string>[],
  file: string,
): void {
  const first = steps[0];
  const direct = frontMatterBases.length === 1 ? frontMatterBases[0] : undefined;
  if (!first || !direct || first.kind === "merge") return;
  const original = proseBases.find((p) => !sameAsDirect(p.value, direct.value));
  if (!original) return;
  // The table may say the prose-named model is itself the intermediate of the front-matter one: then the
  // front matter names the root and the prose the checkpoint in between.
  const reversed = intermediateOf(original.value)?.parent;
  const [root, middle] =
    reversed && sameModel(reversed, direct.value) ? [direct, original] : [original, direct];
  if (!first.inputs.some((i) => sameModel(i.value.id, middle.value))) return;
  const why = inferred(
    file,
    `the card names ${middle.value} as the base and ${root.value} as the model it came from`,
    0.8,
  );
  const step = emptyStep("fine-tune", why);
  step.inputs.push(fact({ id: root.value }, root.source));
  step.output = fact(middle.value, middle.source);
  steps.unshift(step);
}
