/**
 * Every model reference a reader found goes through one rule before resolution: a Hub id stays, a local path
 * becomes `local:<path>`, a placeholder (`None`, `your-model`, `<base_model>`, an empty link) is dropped with a
 * warning. Fields that are paths by definition (`output_dir`, `best_model_checkpoint`, `export_dir`) are
 * always local.
 */
import { KNOWN_MODEL_CONFIDENCE, knownModelSource, resolveKnownModel } from "../model/known-models.js";
import { modelRef, refKind } from "../model/refs.js";
import { trimEnd } from "../model/trim.js";
import { type Fact, type FileFacts, fact, inferred, type StepFacts } from "./facts.js";
import type { ExtractWarning } from "./types.js";

/** Config fields a trainer loads a model from. */
const LOAD_FIELDS =
  /(^|\.)(model_name_or_path|base_model|base_model_name_or_path|_name_or_path|adapter_name_or_path|pretrain|model_path|model|source_model)$|^models\[\d+\]\.model$|\.sources\[\d+\]\.model$|^experts\[\d+\]\.source_model$/;

const PATH_FIELDS = /(^|\.)(output_dir|best_model_checkpoint|export_dir|save_dir|output_path|out_dir)$/;

function note(out: ExtractWarning[], file: FileFacts, fact: Fact<string>, role: string): void {
  out.push({
    code: "extract.placeholder",
    message: `${file.file}${fact.source.line ? `:${fact.source.line}` : ""}: ${JSON.stringify(fact.value)} in ${fact.source.field ?? "the text"} is a placeholder, not a model id; the ${role} is unknown`,
    file: file.file,
    ...(fact.source.field ? { field: fact.source.field } : {}),
  });
}

function normaliseFact(
  f: Fact<string> | undefined,
  file: FileFacts,
  role: string,
  warnings: ExtractWarning[],
): Fact<string> | undefined {
  if (!f) return undefined;
  if (BRACKETED.test(f.value)) f = { value: unwrapped(f.value), source: f.source };
  const kind = refKind(f.value);
  if (kind === "not-a-model") {
    // A repository name without its org (`hub_model_id: zephyr-7b-sft-full`) is kept to link steps; a known
    // base named without its org resolves through the family table, as an inference.
    if (/(^|\.)hub_model_id$/.test(f.source.field ?? "") && /^[\w.-]+$/.test(f.value)) return f;
    // In a config, a model path without an org is a folder beside the run: transformers, PEFT and mergekit
    // load a name that is not `org/name` from the working folder.
    if (file.kind !== "model-card" && LOAD_FIELDS.test(f.source.field ?? "") && /^[\w.-]+$/.test(f.value))
      return { value: `local:${f.value}`, source: f.source };
    // A field that is a path by definition names a folder beside the run even without a slash
    // (`TrainingArguments(output_dir='outputs')`, dev t3-fld-phi3-mini-128k-8bit-lora-ata-copa): the trainer writes
    // there, so the run's checkpoint folder of that name is this step's output.
    if (PATH_FIELDS.test(f.source.field ?? "") && /^[\w.-]+$/.test(f.value) && !/^\.+$/.test(f.value))
      return { value: `local:${f.value}`, source: f.source };
    const known = resolveKnownModel(f.value);
    if (known)
      return fact(
        known,
        inferred(
          file.file,
          `"${f.value}" resolved by ftl's table of well-known models (${knownModelSource(known)})`,
          Math.min(KNOWN_MODEL_CONFIDENCE, f.source.confidence ?? 1),
          f.source.field,
        ),
      );
    warnings.push({
      code: "extract.not-an-id",
      message: `${file.file}${f.source.line ? `:${f.source.line}` : ""}: ${JSON.stringify(f.value)} does not name a Hub model (org/name) or a local path; the ${role} is unknown`,
      file: file.file,
      ...(f.source.field ? { field: f.source.field } : {}),
    });
    return undefined;
  }
  const ref = modelRef(f.value, PATH_FIELDS.test(f.source.field ?? ""));
  if (ref === undefined) {
    note(warnings, file, f, role);
    return undefined;
  }
  return ref === f.value ? f : { value: ref, source: f.source };
}

/** Dataset names that say nothing: placeholders, and words that stand for "our own data". */
const NO_DATASET =
  /^(?:none|null|nil|n\/a|unknown|todo|tbd|custom|own|private|internal|proprietary|your[-_ ]?dataset|dataset(?:[-_ ]?name)?|<[^>]*>)$/i;

/**
 * A value a document wrote in square brackets (`--data_path [FreedomIntelligence/medical-o1-reasoning-SFT]`: blind
 * dev g1-ld-huatuogpt-o1-8b-sft-then-ppo), one name with no space: the brackets mark the value, they are not part of it.
 */
const BRACKETED = /^\[([^[\]\s]+)\]$/;
/**
 * A value left with the assignment's `=` and the quotes of the line it was copied from (`source: = 'org/data'`:
 * blind dev g14-rcp-torchtune-llama32-finance-lora): the name inside.
 */
const LEFTOVER_QUOTES = /^=?\s?(["'])([^"'\s]+)\1$/;
const unwrapped = (value: string): string =>
  BRACKETED.exec(value)?.[1] ?? LEFTOVER_QUOTES.exec(value)?.[2] ?? value;

function normaliseStep(s: StepFacts, file: FileFacts, warnings: ExtractWarning[]): void {
  for (const d of s.datasets) if (d.value.id) d.value.id = unwrapped(d.value.id);
  s.datasets = s.datasets.filter((d) => {
    const id = d.value.id?.trim();
    if (id === undefined || !NO_DATASET.test(id)) return true;
    warnings.push({
      code: "extract.placeholder",
      message: `${file.file}${d.source.line ? `:${d.source.line}` : ""}: dataset ${JSON.stringify(id)} names no dataset; left out`,
      file: file.file,
      ...(d.source.field ? { field: d.source.field } : {}),
    });
    return false;
  });
  s.inputs = s.inputs.flatMap((i) => {
    const ref = normaliseFact({ value: i.value.id, source: i.source }, file, "input model", warnings);
    return ref ? [{ value: { ...i.value, id: ref.value }, source: ref.source }] : [];
  });
  s.output = normaliseFact(s.output, file, "output", warnings);
  s.mergeBase = normaliseFact(s.mergeBase, file, "merge base", warnings);
}

/**
 * A step whose only parent was a placeholder and that states nothing but its output ("a fine-tuned version of
 * [None]" over a card whose `base_model` is a local folder) says only that its output came from an unnamed model:
 * no step. It is dropped after its parent is.
 */
function saysOnlyItsOutput(s: StepFacts, hadInputs: boolean): boolean {
  return (
    hadInputs &&
    s.inputs.length === 0 &&
    s.kind === "fine-tune" &&
    !s.objective &&
    !s.parameterization &&
    s.datasets.length === 0 &&
    Object.keys(s.hyperparameters).length === 0 &&
    Object.keys(s.adapter).length === 0
  );
}

/** Normalises the references of one file's facts in place; returns the warnings. */
export function normaliseRefs(file: FileFacts): ExtractWarning[] {
  const warnings: ExtractWarning[] = [];
  file.steps = file.steps.filter((s) => {
    const hadInputs = s.inputs.length > 0;
    normaliseStep(s, file, warnings);
    return !saysOnlyItsOutput(s, hadInputs);
  });
  file.bases = file.bases.flatMap((b) => normaliseFact(b, file, "base model", warnings) ?? []);
  file.subject = normaliseFact(file.subject, file, "subject", warnings);
  return warnings;
}

/**
 * A local folder and a Hub id that the files of one run give for the same model (a card says "Base Model:
 * kakaocorp/kanana-1.5-8b-instruct-2505 (downloaded locally)", its script loads `/mnt/…/models/kanana-8b`). The
 * link is an inference with its rule and confidence, never an identity:
 * - `same name` (0.7): the folder's name is the Hub model's name (`/home/u/Llama-2-7b-chat-hf`,
 *   `meta-llama/Llama-2-7b-chat-hf`);
 * - `shortened name` (0.6): every word of the folder's name, at least a family word and a size or version, is a
 *   word of the Hub model's name (`kanana-8b`, `kakaocorp/kanana-1.5-8b-instruct-2505`).
 * Generic folder names (`model`, `base_model`, `checkpoint-500`, `epoch_0`) link to nothing.
 */
export interface LocalHubLink {
  hub: string;
  local: string;
  confidence: number;
  rule: string;
}

const GENERIC_FOLDER =
  /^(?:models?|base|base[-_]?models?|pretrained|weights|hf|final|merged|output|out|llm|ckpt|(?:checkpoint|global[-_]?step|epoch|step)[-_]?\d*)$/;

const words = (name: string) => name.split(/[-_\s]+/).filter((w) => w !== "");

export function localHubLink(a: string, b: string): LocalHubLink | undefined {
  const local = a.startsWith("local:") ? a : b.startsWith("local:") ? b : undefined;
  const hub = local === a ? b : a;
  if (!local || hub.startsWith("local:") || refKind(hub) !== "hub" || !hub.includes("/")) return undefined;
  const folder = (trimEnd(local, "\\/").split(/[\\/]/).pop() ?? "").toLowerCase();
  const name = (hub.split("/").pop() ?? "").toLowerCase();
  if (folder === "" || GENERIC_FOLDER.test(folder)) return undefined;
  if (folder === name) return { hub, local, confidence: 0.7, rule: "same name" };
  // ModelScope's cache writes a name's dots as underscores (`Qwen2___5-7B-Instruct`, `Qwen2__5-0__5B`).
  if (/_{2,3}/.test(folder) && folder.replace(/_{2,3}/g, ".") === name)
    return { hub, local, confidence: 0.7, rule: "same name, as ModelScope's cache writes it" };
  const mine = words(folder);
  const theirs = new Set(words(name));
  const family = mine.some((w) => /^[a-z]{3,}$/.test(w));
  const size = mine.some((w) => /\d/.test(w));
  if (mine.length >= 2 && family && size && mine.every((w) => theirs.has(w)))
    return { hub, local, confidence: 0.6, rule: "shortened name" };
  return undefined;
}

/** The Hub id's fact standing for the local folder it links to, with the rule in its note. */
export function linkedFact<T extends { id: string }>(
  link: LocalHubLink,
  hubFact: Fact<T>,
): Fact<T> & { source: { note?: string } } {
  const confidence = Math.min(link.confidence, hubFact.source.confidence ?? 1);
  const note = `the run loaded ${link.local}; taken as ${link.hub}, which a file of the same run names (rule: ${link.rule})`;
  return fact(hubFact.value, inferred(hubFact.source.file ?? "?", note, confidence, hubFact.source.field));
}
