/**
 * A Trainer's `training_args.bin` (the `TrainingArguments` object, or a TRL config such as `SFTConfig`, saved with
 * `torch.save` next to the weights) as the JSON ftl reads a `training_args.json` from: its fields, with enum values
 * (`SchedulerType('cosine')`) as their value and anything else that is an object left out. The file is never
 * unpickled: torch-save.ts replays it as data. The class is kept under {@link PICKLED_CLASS}: a TRL config's class
 * names the trainer, so the objective (`DPOConfig` → DPO).
 */
import { PyObject, type PyValue, pyDict } from "../io/pickle-values.js";
import { readTorchSave } from "../io/torch-save.js";
import { extracted, type FileFacts, fact } from "./facts.js";
import { TRL_OBJECTIVES } from "./read-python.js";

/** Is this path a Trainer's `training_args.bin`? */
export const isTrainingArgsBin = (path: string): boolean => /(?:^|[\\/])training_args\.bin$/i.test(path);

/** The key of the rendered JSON that holds the pickled object's class (`trl.trainer.sft_config.SFTConfig`). */
export const PICKLED_CLASS = "ftl:pickled-class";

type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

/** A pickled value as JSON, or undefined for what JSON cannot hold (objects, bytes, NaN). */
function plain(v: PyValue, depth: number): Plain | undefined {
  if (v === null || typeof v === "boolean" || typeof v === "string") return v;
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (depth > 8 || v instanceof Uint8Array) return undefined;
  if (Array.isArray(v)) return v.flatMap((x) => plain(x, depth + 1) ?? []);
  if (v instanceof PyObject) {
    // An enum member pickles as a call of its class on its value: `SchedulerType('cosine')`.
    const [only] = v.args;
    return v.args.length === 1 && v.state === undefined && only !== undefined && typeof only !== "object"
      ? plain(only, depth + 1)
      : undefined;
  }
  const d = pyDict(v);
  if (!d) return undefined;
  const out: { [key: string]: Plain } = {};
  for (const [k, x] of Object.entries(d)) {
    const p = plain(x, depth + 1);
    if (p !== undefined) out[k] = p;
  }
  return out;
}

/** The training arguments a `torch.save` file holds, as JSON text; or why it could not be read. */
export function trainingArgsJson(
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; error: string } {
  const saved = readTorchSave(bytes);
  if (!saved.ok) return saved;
  for (const v of saved.values) {
    if (!(v instanceof PyObject)) continue;
    const state = pyDict(v.state);
    if (!state || !("learning_rate" in state || "output_dir" in state)) continue;
    const fields = plain(state, 0) as { [key: string]: Plain };
    return { ok: true, text: `${JSON.stringify({ [PICKLED_CLASS]: v.className, ...fields }, null, 2)}\n` };
  }
  return {
    ok: false,
    error: "it holds no training arguments (no object with a learning_rate or output_dir)",
  };
}

/**
 * What the pickled class says about the run, applied to the file's steps: a TRL config (`trl.…DPOConfig`) names
 * the framework and the objective; a `transformers` TrainingArguments names the framework only; any other class
 * (an `argparse.Namespace` of an example script) names neither, so the framework a reader guessed from the keys
 * is taken back.
 */
export function applyPickledClass(className: unknown, out: FileFacts): void {
  if (typeof className !== "string") return;
  const at = extracted(out.file, { field: PICKLED_CLASS, confidence: 0.9 });
  const module = className.split(".")[0];
  const last = className.split(".").pop() ?? "";
  const prefix = last.endsWith("Config") ? last.slice(0, -"Config".length) : undefined;
  const objective = module === "trl" && prefix !== undefined ? TRL_OBJECTIVES[prefix] : undefined;
  for (const step of out.steps) {
    if (module === "trl" || module === "transformers") step.framework = fact({ name: module }, at);
    else delete step.framework;
    if (objective && !step.objective) step.objective = fact(objective, at);
  }
}
