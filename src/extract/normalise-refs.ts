/**
 * Every model reference a reader found goes through one rule before resolution: a Hub id stays, a local path
 * becomes `local:<path>`, a placeholder (`None`, `your-model`, `<base_model>`, an empty link) is dropped with a
 * warning. Fields that are paths by definition (`output_dir`, `best_model_checkpoint`, `export_dir`) are
 * always local.
 */
import { KNOWN_MODEL_CONFIDENCE, knownModelSource, resolveKnownModel } from "../model/known-models.js";
import { modelRef, refKind } from "../model/refs.js";
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
  const kind = refKind(f.value);
  if (kind === "not-a-model") {
    // A repository name without its org (`hub_model_id: zephyr-7b-sft-full`) is kept to link steps; a known
    // base named without its org resolves through the family table, as an inference.
    if (/(^|\.)hub_model_id$/.test(f.source.field ?? "") && /^[\w.-]+$/.test(f.value)) return f;
    // In a config, a model path without an org is a folder beside the run: transformers, PEFT and mergekit
    // load a name that is not `org/name` from the working folder.
    if (file.kind !== "model-card" && LOAD_FIELDS.test(f.source.field ?? "") && /^[\w.-]+$/.test(f.value))
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

function normaliseStep(s: StepFacts, file: FileFacts, warnings: ExtractWarning[]): void {
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

/** Normalises the references of one file's facts in place; returns the warnings. */
export function normaliseRefs(file: FileFacts): ExtractWarning[] {
  const warnings: ExtractWarning[] = [];
  for (const s of file.steps) normaliseStep(s, file, warnings);
  file.bases = file.bases.flatMap((b) => normaliseFact(b, file, "base model", warnings) ?? []);
  file.subject = normaliseFact(file.subject, file, "subject", warnings);
  return warnings;
}
