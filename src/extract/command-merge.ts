/**
 * axolotl's adapter merge command, `python -m axolotl.cli.merge_lora cfg.yml --lora_model_dir=./qlora-out` (and the
 * `axolotl merge-lora` CLI): it folds the trained adapter into its base, an adapter-merge step whose input is the
 * adapter folder (dev q-rcp-shisa-openhermes25-axolotl-qlora-local-data), never a training run of its own. XTuner's
 * merge command is read by read-xtuner-command.ts.
 */
import { modelRef } from "../model/refs.js";
import type { Args, Entry } from "./command-args.js";
import { emptyStep, extracted, fact, type StepFacts } from "./facts.js";

const MERGE_ENTRY = /(?:^|\.)merge_lora$|^merge-lora$/;

/** The adapter-merge step of a merge command, undefined for any other command. */
export function mergeLoraStep(entry: Entry, args: Args, file: string): StepFacts | undefined {
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
