/**
 * Commands of one script or code block that wrote the model a later training starts from, without stating a
 * training of their own (`python train.py --model_name "mistralai/Mistral-7B-v0.1" --output_dir "models/stage1"`,
 * then `python dpo.py --base_model "models/stage1" …`): the earlier command is a step of the chain, its objective
 * unsaid, so that the later run's input is an intermediate with a known root instead of an unknown local model.
 */
import type { StepFacts } from "./facts.js";
import { sameModel } from "./merge-steps.js";

/** `steps` with each candidate whose output a step starts from placed before the first such step. */
export function withProducers(steps: StepFacts[], candidates: readonly StepFacts[]): StepFacts[] {
  const out = [...steps];
  for (const c of candidates) {
    const output = c.output?.value;
    if (!output || out.includes(c)) continue;
    const at = out.findIndex((s) => s.inputs.some((i) => sameModel(i.value.id, output)));
    if (at < 0) continue;
    c.notes.push("a command that wrote the model a later training in the same file starts from");
    out.splice(at, 0, c);
  }
  return out;
}
