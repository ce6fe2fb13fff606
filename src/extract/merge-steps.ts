/**
 * Merging what several files say about the same step. Agreeing facts are kept once; a disagreement is kept
 * visible as a warning naming both sources, and the more confident value (the first on a tie) stays.
 */
import { trimEnd } from "../model/trim.js";
import { type Fact, type StepFacts, where } from "./facts.js";
import { linkedFact, localHubLink } from "./normalise-refs.js";
import type { ExtractWarning } from "./types.js";

function same(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number")
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (typeof a === "string" && typeof b === "string")
    return a.trim().toLowerCase() === b.trim().toLowerCase();
  return JSON.stringify(a) === JSON.stringify(b);
}

function looseText(a: unknown, b: unknown): boolean {
  const x = String(a).toLowerCase();
  const y = String(b).toLowerCase();
  return x === y || (y.length >= 4 && x.includes(y)) || (x.length >= 4 && y.includes(x));
}

/** A model reference lower-cased, without `local:`, `./` and trailing slashes, and its last segment. */
interface PlainRef {
  plain: string;
  last: string;
}

/** References seen while reading one set of files, normalised once (a chain of thousands compares each often). */
const PLAIN = new Map<string, PlainRef>();

function plainRef(s: string): PlainRef {
  let ref = PLAIN.get(s);
  if (ref) return ref;
  const plain = trimEnd(
    s
      .replace(/^local:/, "")
      .replace(/\\/g, "/")
      .replace(/^\.\//, "")
      .toLowerCase(),
    "/",
  );
  ref = { plain, last: plain.slice(plain.lastIndexOf("/") + 1) };
  if (PLAIN.size > 100_000) PLAIN.clear();
  PLAIN.set(s, ref);
  return ref;
}

/** The last path segment of a reference, normalised: two references can name one model only when theirs agree. */
export function lastSegment(s: string): string {
  return plainRef(s).last;
}

/** Model ids that name the same model: equal, or a local path ending in the Hub id. */
export function sameModel(a: string, b: string): boolean {
  const p = plainRef(a);
  const q = plainRef(b);
  // Every way two references can name one model keeps the last path segment: a cheap, exact first test.
  if (p.last !== q.last) return false;
  const x = p.plain;
  const y = q.plain;
  if (x === y) return true;
  const tail = (s: string) => s.split("/").slice(-2).join("/");
  // `name` and `org/name`, a local path ending in `org/name`.
  if (y.endsWith(`/${x}`) || x.endsWith(`/${y}`)) return true;
  return (
    tail(x) === tail(y) && (x.startsWith("/") || y.startsWith("/") || x.startsWith(".") || y.startsWith("."))
  );
}

const LOCAL_FILE = /^(?:local:|\.{0,2}\/)/;

/**
 * Dataset ids that name one dataset: equal, or one local file written two ways by two files of a run (the card's
 * `/data/denji.jsonl` and the script's `local:data/denji.jsonl`: the same path tail, see `sameModel`).
 */
function sameDataset(a: string, b: string): boolean {
  if (a.toLowerCase() === b.toLowerCase()) return true;
  return (LOCAL_FILE.test(a) || LOCAL_FILE.test(b)) && a.includes("/") && b.includes("/") && sameModel(a, b);
}

function show(v: unknown): string {
  return typeof v === "string" ? v : JSON.stringify(v);
}

/** Merges one fact; returns the fact to keep. */
export function mergeFact<T>(
  field: string,
  kept: Fact<T> | undefined,
  incoming: Fact<T> | undefined,
  warnings: ExtractWarning[],
  equal: (a: T, b: T) => boolean = same,
): Fact<T> | undefined {
  if (!incoming) return kept;
  if (!kept) return incoming;
  if (equal(kept.value, incoming.value)) {
    return (incoming.source.confidence ?? 1) > (kept.source.confidence ?? 1) ? incoming : kept;
  }
  const keepIncoming = (incoming.source.confidence ?? 1) > (kept.source.confidence ?? 1);
  const [win, lose] = keepIncoming ? [incoming, kept] : [kept, incoming];
  warnings.push({
    code: "extract.conflict",
    message: `${field}: ${where(kept.source)} says ${show(kept.value)}, ${where(incoming.source)} says ${show(incoming.value)}; kept ${show(win.value)} (${win.source.file === lose.source.file ? "first" : "higher confidence"})`,
    field,
    sources: [where(kept.source), where(incoming.source)],
    ...(kept.source.file ? { file: kept.source.file } : {}),
  });
  return win;
}

/** A model reference that is only ftl's guess (a name its table resolved), not one a file wrote. */
const guessedOnly = (f: Fact<{ id: string }>): boolean => f.source.source === "inferred";

/** Merges `incoming` into `target` (same step seen in another file or another part of a file). */
export function mergeStepInto(target: StepFacts, incoming: StepFacts, warnings: ExtractWarning[]): void {
  const label = target.name ?? target.objective?.value ?? target.kind;
  target.name ??= incoming.name;
  // An inferred objective gives way to an extracted one without a conflict.
  if (
    target.objective &&
    incoming.objective &&
    target.objective.source.source !== incoming.objective.source.source
  ) {
    if (target.objective.source.source === "inferred") target.objective = incoming.objective;
  } else target.objective = mergeFact(`${label}: objective`, target.objective, incoming.objective, warnings);
  if (
    target.parameterization &&
    incoming.parameterization &&
    (target.parameterization.value === "lora" || incoming.parameterization.value === "lora") &&
    [target.parameterization.value, incoming.parameterization.value].includes("qlora")
  ) {
    target.parameterization =
      target.parameterization.value === "qlora" ? target.parameterization : incoming.parameterization;
  } else
    target.parameterization = mergeFact(
      `${label}: parameterization`,
      target.parameterization,
      incoming.parameterization,
      warnings,
    );
  for (const [k, f] of Object.entries(incoming.adapter)) {
    const kept = target.adapter[k];
    if (k === "targetModules" && kept && (kept.value === "all-linear" || f.value === "all-linear")) {
      // "all" / all-linear and the list a trainer resolved it to say the same thing; keep the list.
      if (kept.value === "all-linear") target.adapter[k] = f;
      continue;
    }
    const merged = mergeFact(`${label}: adapter.${k}`, kept, f, warnings);
    if (merged) target.adapter[k] = merged;
  }
  for (const [k, f] of Object.entries(incoming.hyperparameters)) {
    // Cards describe the optimiser in words ("Use adamw_torch with betas=…"); configs name it.
    const equal = k === "optimizer" ? looseText : same;
    const merged = mergeFact(`${label}: hyperparameters.${k}`, target.hyperparameters[k], f, warnings, equal);
    if (merged) target.hyperparameters[k] = merged;
  }
  for (const [k, f] of Object.entries(incoming.parameters)) {
    const merged = mergeFact(`${label}: parameters.${k}`, target.parameters[k], f, warnings);
    if (merged) target.parameters[k] = merged;
  }
  for (const d of incoming.datasets) {
    const hit = target.datasets.find(
      (t) => t.value.id !== undefined && d.value.id !== undefined && sameDataset(t.value.id, d.value.id),
    );
    if (hit) {
      const id = hit.value.id?.startsWith("local:") ? hit.value.id : (d.value.id ?? hit.value.id);
      hit.value = { ...d.value, ...hit.value, ...(id ? { id } : {}) };
      continue;
    }
    if (!d.value.id && target.datasets.some((t) => t.value.description === d.value.description)) continue;
    target.datasets.push(d);
  }
  if (target.inputs.length === 0) target.inputs = incoming.inputs;
  else if (incoming.inputs.length > 0 && target.kind !== "merge") {
    const a = target.inputs[0];
    const b = incoming.inputs[0];
    // A local folder and a Hub id of one run linked by a stated rule (`localHubLink`): the Hub id, inferred.
    const link =
      a && b && !sameModel(a.value.id, b.value.id) ? localHubLink(a.value.id, b.value.id) : undefined;
    if (link && a && b) {
      target.inputs[0] = linkedFact(link, link.hub === a.value.id ? a : b);
      const loaded = `loaded from ${link.local}`;
      if (!target.notes.includes(loaded)) target.notes.push(loaded);
    } else if (a && b && !sameModel(a.value.id, b.value.id)) {
      // The step keeps the model it was first placed from (the chain is ordered by it), unless that model is only
      // a guess (a name resolved by ftl's table) and another file names the model it loads: the named one
      // (dev x2-noorg-qwen25-7b-instruct-memetic-lora: the README's "Qwen2.5-7B" against the adapter_config's
      // `unsloth/Qwen2.5-7B-Instruct-bnb-4bit`). The conflict says which was kept.
      const named = guessedOnly(a) && !guessedOnly(b);
      if (named) target.inputs[0] = b;
      const kept = named ? b : a;
      warnings.push({
        code: "extract.conflict",
        message: `${label}: input model: ${where(a.source)} says ${a.value.id}, ${where(b.source)} says ${b.value.id}; kept ${kept.value.id} (${named ? "named, not inferred" : "first"})`,
        field: `${label}: input model`,
        sources: [where(a.source), where(b.source)],
        ...(a.source.file ? { file: a.source.file } : {}),
      });
    }
    // A Hub id beats a local path for the same model.
    if (
      a &&
      b &&
      sameModel(a.value.id, b.value.id) &&
      a.value.id.startsWith("/") &&
      !b.value.id.startsWith("/")
    )
      target.inputs[0] = b;
  } else if (target.kind === "merge") {
    for (const i of incoming.inputs)
      if (!target.inputs.some((t) => sameModel(t.value.id, i.value.id))) target.inputs.push(i);
  }
  target.output = mergeFact(`${label}: output`, target.output, incoming.output, warnings, sameModel);
  if (!target.framework || (incoming.framework && target.framework.value.name === "transformers"))
    target.framework = incoming.framework ?? target.framework;
  else if (
    incoming.framework &&
    !target.framework.value.version &&
    incoming.framework.value.name === target.framework.value.name
  )
    target.framework = incoming.framework;
  for (const s of incoming.software)
    if (!target.software.some((t) => t.value.name === s.value.name)) target.software.push(s);
  target.hardware ??= incoming.hardware;
  target.mergeMethod = mergeFact(
    `${label}: merge method`,
    target.mergeMethod,
    incoming.mergeMethod,
    warnings,
  );
  target.mergeBase = mergeFact(
    `${label}: merge base model`,
    target.mergeBase,
    incoming.mergeBase,
    warnings,
    sameModel,
  );
  target.quantMethod = mergeFact(
    `${label}: quantization method`,
    target.quantMethod,
    incoming.quantMethod,
    warnings,
  );
  target.bits = mergeFact(`${label}: bits`, target.bits, incoming.bits, warnings);
  target.format ??= incoming.format;
  target.description ??= incoming.description;
  target.notes.push(...incoming.notes.filter((n) => !target.notes.includes(n)));
  target.finalRun ||= incoming.finalRun;
}
