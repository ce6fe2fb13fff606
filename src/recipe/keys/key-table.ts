/**
 * The transcribed key tables of the five frameworks as data, and the check of a written configuration against
 * them: every key must be one the framework's own classes declare, with a value of the declared type.
 */

/** One configuration class: its name, where it was read (`owner/repo@commit:path`) and its `name:type` keys. */
export interface KeyGroup {
  cls: string;
  source: string;
  keys: string;
}

export interface KeyInfo {
  type: string;
  cls: string;
  source: string;
}

/** transformers `SchedulerType` (src/transformers/trainer_utils.py) — the values `lr_scheduler_type` takes. */
export const TRANSFORMERS_SCHEDULERS = [
  "linear",
  "cosine",
  "cosine_with_restarts",
  "polynomial",
  "constant",
  "constant_with_warmup",
  "inverse_sqrt",
  "reduce_lr_on_plateau",
  "cosine_with_min_lr",
  "cosine_warmup_with_min_lr",
  "warmup_stable_decay",
] as const;

/** transformers `OptimizerNames` (huggingface/transformers@00349ae87edd:src/transformers/training_args.py). */
export const TRANSFORMERS_OPTIMIZERS = (
  "adamw_torch adamw_torch_fused adamw_torch_xla adamw_torch_npu_fused adamw_apex_fused adafactor " +
  "adamw_anyprecision adamw_torch_4bit adamw_torch_8bit ademamix sgd adagrad adamw_bnb_8bit adamw_8bit " +
  "ademamix_8bit lion_8bit lion_32bit paged_adamw_32bit paged_adamw_8bit paged_ademamix_32bit " +
  "paged_ademamix_8bit paged_lion_32bit paged_lion_8bit rmsprop rmsprop_bnb rmsprop_bnb_8bit rmsprop_bnb_32bit " +
  "galore_adamw galore_adamw_8bit galore_adafactor galore_adamw_layerwise galore_adamw_8bit_layerwise " +
  "galore_adafactor_layerwise lomo adalomo grokadamw schedule_free_radam schedule_free_adamw schedule_free_sgd " +
  "apollo_adamw apollo_adamw_layerwise stable_adamw"
).split(" ");

/** mergekit's registered merge methods (arcee-ai/mergekit@a6e402884ba9:mergekit/merge_methods/). */
export const MERGEKIT_METHODS = (
  "linear slerp nuslerp multislerp task_arithmetic ties dare_ties dare_linear breadcrumbs breadcrumbs_ties " +
  "della della_linear model_stock passthrough karcher arcee_fusion nearswap sce ram"
).split(" ");

/** The keys of the named classes (all classes when `classes` is omitted). */
export function keyMap(groups: readonly KeyGroup[], classes?: readonly string[]): Map<string, KeyInfo> {
  const map = new Map<string, KeyInfo>();
  for (const g of groups) {
    if (classes && !classes.includes(g.cls)) continue;
    for (const entry of g.keys.split(" ")) {
      const at = entry.indexOf(":");
      const name = entry.slice(0, at);
      if (!map.has(name)) map.set(name, { type: entry.slice(at + 1), cls: g.cls, source: g.source });
    }
  }
  return map;
}

function fitsOne(type: string, value: unknown): boolean {
  if (type.startsWith("enum(")) return type.slice(5, -1).split(",").includes(String(value));
  switch (type) {
    case "any":
      return true;
    case "null":
      return value === null;
    case "bool":
      return typeof value === "boolean";
    case "int":
      return typeof value === "number" && Number.isInteger(value);
    case "float":
      return typeof value === "number" && Number.isFinite(value);
    case "str":
      return typeof value === "string";
    case "list":
      return Array.isArray(value);
    case "dict":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    default:
      return false;
  }
}

/** Whether a value fits a coarse type such as `int|null` or `enum(a,b)|bool`. */
export function valueFits(type: string, value: unknown): boolean {
  const parts: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of type) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "|" && depth === 0) {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  parts.push(cur);
  return parts.some((p) => fitsOne(p, value));
}

export interface ConfigProblem {
  path: string;
  message: string;
}

/** Checks the keys of one object against a key map; `path` prefixes the problem paths. */
export function checkKeys(
  obj: Record<string, unknown>,
  keys: Map<string, KeyInfo>,
  path: string,
  what: string,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const [key, value] of Object.entries(obj)) {
    const at = path ? `${path}.${key}` : key;
    const info = keys.get(key);
    if (!info) problems.push({ path: at, message: `${at}: not a key of ${what}` });
    else if (!valueFits(info.type, value))
      problems.push({
        path: at,
        message: `${at}: ${JSON.stringify(value)} does not fit ${info.cls}.${key} (${info.type}, ${info.source})`,
      });
  }
  return problems;
}
