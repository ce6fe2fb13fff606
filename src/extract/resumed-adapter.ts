/**
 * A training run that starts from an adapter trained before it: LLaMA-Factory's `adapter_name_or_path` in a
 * training config (dev t3-fld-lf-qwen3-06b-qlora-dpo-underwater: DPO from `./output/qwen3_sft`), a project
 * script's `--resume_adapter` (dev t10-rcp-llama31-8b-lora-helpful-then-safety-sft-then-dpo). The run's input is
 * that adapter (base and adapter together), and the adapter's own training is a step before it, on the base, whose
 * output is the adapter's path: the step that trained it, where another file describes it, merges with it by that
 * output (combine-steps.ts); otherwise only what is known of it is kept (its base and its output).
 */
import { modelRef } from "../model/refs.js";
import { emptyStep, extracted, fact, inferred, type StepFacts } from "./facts.js";
import { sameModel } from "./merge-steps.js";
import { type Obj, str } from "./recipe-values.js";

const FIELD = "adapter_name_or_path";

/** The step that trained the adapter `step` resumes, or undefined; `step`'s input becomes the adapter. */
export function resumedAdapter(
  obj: Obj,
  file: string,
  step: StepFacts,
  lines: Map<string, number>,
): StepFacts | undefined {
  const adapter = str(obj[FIELD]);
  // Several adapters (`a,b`) are stacked, not one earlier run.
  if (!adapter || adapter.includes(",") || step.kind !== "fine-tune") return undefined;
  // LLaMA-Factory's predict and eval runs (`do_predict: true`, no `do_train`) load the adapter and train nothing.
  if ((obj.do_predict === true || obj.do_eval === true) && obj.do_train !== true) return undefined;
  const at = extracted(file, { field: FIELD, line: lines.get(FIELD) });
  const before = emptyStep(
    "fine-tune",
    inferred(file, `the adapter ${adapter} this run starts from was trained before it`, 0.7, FIELD),
  );
  before.finalRun = false;
  before.inputs.push(...step.inputs);
  const ref = modelRef(adapter) ?? `local:${adapter}`;
  before.output = fact(ref, at);
  const p = step.parameterization?.value;
  if (p === "lora" || p === "qlora" || p === "dora")
    before.parameterization = fact(
      p === "dora" ? "dora" : "lora",
      inferred(file, "an adapter this run continues", 0.6, FIELD),
    );
  const base = step.inputs[0]?.value.id;
  if (base) step.adapterBase = base;
  step.inputs = [fact({ id: ref }, at)];
  return before;
}

/** Is this the run before a resumed adapter (made by `resumedAdapter`)? */
export const isResumedRun = (s: StepFacts): boolean =>
  s.origin.source === "inferred" && s.origin.field === FIELD;

/**
 * Steps of one file (a script's commands) without the adapter runs it already shows: stage B's `--resume_adapter
 * outputs/lora-helpful` after stage A's `--save_dir outputs/lora-helpful` needs no second step for stage A.
 */
export function withoutShownAdapterRuns(steps: StepFacts[]): StepFacts[] {
  const outputs = steps.filter((s) => !isResumedRun(s)).flatMap((s) => (s.output ? [s.output.value] : []));
  return steps.filter((s) => {
    const output = s.output?.value;
    return !isResumedRun(s) || output === undefined || !outputs.some((o) => sameModel(o, output));
  });
}
