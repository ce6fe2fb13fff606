/**
 * Adapter merges said by a command. axolotl's adapter merge command, `python -m axolotl.cli.merge_lora cfg.yml --lora_model_dir=./qlora-out` (and the
 * `axolotl merge-lora` CLI): it folds the trained adapter into its base, an adapter-merge step whose input is the
 * adapter folder (dev q-rcp-shisa-openhermes25-axolotl-qlora-local-data), never a training run of its own.
 * XTuner's `xtuner convert merge LLM ADAPTER SAVE_PATH` (its own usage line, which course READMEs quote:
 * `# xtuner convert merge ${NAME_OR_PATH_TO_LLM} ${NAME_OR_PATH_TO_ADAPTER} ${SAVE_PATH}`) folds the adapter into
 * the model, saving the merged model: inputs the model and the adapter, output the save path (blind dev g8, t8).
 */
import { modelRef } from "../model/refs.js";
import type { Args, Entry } from "./command-args.js";
import { emptyStep, extracted, fact, type StepFacts } from "./facts.js";

const MERGE_ENTRY = /(?:^|\.)merge_lora$|^merge-lora$/;

/** The adapter-merge step of a merge command, undefined for any other command. */
export function mergeLoraStep(entry: Entry, args: Args, file: string): StepFacts | undefined {
  if (entry.kind === "xtuner") return xtunerMerge(entry, args, file);
  if (!MERGE_ENTRY.test(entry.name)) return undefined;
  const step = emptyStep(
    "adapter-merge",
    extracted(file, { line: entry.line, note: `adapter merge (${entry.name})` }),
  );
  const dir = args.obj.lora_model_dir;
  const ref = typeof dir === "string" ? modelRef(dir, true) : undefined;
  if (ref)
    step.inputs.push(
      fact({ id: ref }, extracted(file, { field: "lora_model_dir", line: args.lines.get("lora_model_dir") })),
    );
  return step;
}

/**
 * `xtuner convert merge LLM ADAPTER SAVE_PATH`: the three positional words after `merge`. The step starts from the
 * run before it (its adapter, converted by `xtuner convert pth_to_hf`); the two paths it names are kept in its notes,
 * so that a path written two ways in one README makes no second root.
 */
function xtunerMerge(entry: Entry, args: Args, file: string): StepFacts | undefined {
  const [sub, llm, adapter, save] = args.positional;
  if (sub?.text !== "merge" || !llm || !adapter || !save || [llm, adapter, save].some((w) => w.unknown))
    return undefined;
  const note = "adapter merge (xtuner convert merge)";
  const step = emptyStep("adapter-merge", extracted(file, { line: entry.line, note }));
  step.notes.push(`xtuner convert merge: model ${llm.text}, adapter ${adapter.text}`);
  const out = modelRef(save.text, true);
  if (out) step.output = fact(out, extracted(file, { field: "SAVE_PATH", line: save.line }));
  return step;
}
