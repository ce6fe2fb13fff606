/**
 * XTuner's command line, as course READMEs quote it: `xtuner train CONFIG` (a fine-tune) and
 * `xtuner convert merge LLM ADAPTER SAVE_PATH` (its own usage line:
 * `# xtuner convert merge ${NAME_OR_PATH_TO_LLM} ${NAME_OR_PATH_TO_ADAPTER} ${SAVE_PATH}`), which folds the adapter
 * into the model and saves the merged model (blind dev g8, t8).
 */
import { modelRef } from "../model/refs.js";
import type { Objective } from "../model/vocabulary.js";
import type { Args, Entry } from "./command-args.js";
import { emptyStep, extracted, fact, inferred, type StepFacts } from "./facts.js";

/** The step an `xtuner` command describes, or undefined. */
export function xtunerCommand(entry: Entry, args: Args, file: string): StepFacts | undefined {
  return entry.name === "train" ? xtunerTrain(entry, args, file) : xtunerMerge(entry, args, file);
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

/**
 * `xtuner train internlm2_chat_7b_qlora_cmed2_e3.py`: a fine-tune. XTuner names its configs
 * `<model>_<qlora|lora|full>_<data>_e<epochs>` (`xtuner list-cfg`), and course READMEs copy one and train it: the
 * name's method word gives the parameterisation and its objective word (`dpo`, `orpo`, `reward`) the objective,
 * inferred from the name (0.7). The config file itself, when given, is read by read-xtuner.ts.
 */
function xtunerTrain(entry: Entry, args: Args, file: string): StepFacts | undefined {
  const [config] = args.positional;
  if (!config || config.unknown) return undefined;
  const name = (config.text.split(/[\\/]/).pop() ?? "").replace(/\.py$/i, "");
  const tokens = name.toLowerCase().split(/[^a-z0-9]+/);
  const step = emptyStep(
    "fine-tune",
    extracted(file, { line: entry.line, note: "training command (xtuner train)" }),
  );
  const why = `from the name of the XTuner config ${name}`;
  const param = (["qlora", "lora", "full"] as const).find((t) => tokens.includes(t));
  if (param) step.parameterization = fact(param, inferred(file, why, 0.7, "config"));
  const objective = OBJECTIVE_TOKENS.find(([t]) => tokens.includes(t))?.[1];
  if (objective) step.objective = fact(objective, inferred(file, why, 0.7, "config"));
  step.framework = fact({ name: "xtuner" }, inferred(file, "an XTuner training command", 0.9));
  step.recipe = true;
  return param || objective ? step : undefined;
}

const OBJECTIVE_TOKENS: [string, Objective][] = [
  ["dpo", "dpo"],
  ["orpo", "orpo"],
  ["reward", "reward-model"],
];
