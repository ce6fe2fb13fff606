/** Extraction of one lineage document from a set of files (cards, configs, recipes). Pure: no I/O. */
import { SECTION_START } from "../export/hf-card.js";
import { readStandardExport } from "../export/reimport.js";
import { isRegistrableId, UNKNOWN_MODEL_ID } from "../model/refs.js";
import type { LineageDocument, Provenance } from "../schema/lineage.js";
import { graphIssues } from "../validate/graph-rules.js";
import { buildDocument } from "./build-document.js";
import { capConfidence, SPLIT_GROUP_CONFIDENCE } from "./calibration.js";
import {
  expandIntermediates,
  intermediateOutputs,
  localRootNamedByCard,
  loraOverQuantisedBase,
  withoutHollowFirstStep,
  withoutSelfDerivation,
} from "./chain-rules.js";
import { combine } from "./combine-steps.js";
import { foldLoadedConfigs } from "./command-overlay.js";
import { fromPeftTemplate } from "./evidence/quantized-base.js";
import type { FileFacts, StepFacts } from "./facts.js";
import { groupRuns } from "./group-runs.js";
import { addModelfileExport, isModelfile } from "./modelfile-export.js";
import { mentionsIn } from "./named-files.js";
import { normaliseRefs } from "./normalise-refs.js";
import { isNotebook, notebookPython } from "./notebook.js";
import { isPythonFile } from "./python-files.js";
import { readUsageCommands } from "./python-usage.js";
import { readSourceFile } from "./read-file.js";
import { readPythonFiles } from "./read-python.js";
import { joinScriptsWithPrograms } from "./script-programs.js";
import type { ExtractOptions, ExtractResult, ExtractWarning, SourceFile } from "./types.js";

/** Warning codes that mean something could not be read: the result is then not complete. */
export const INCOMPLETE_CODES = new Set([
  "file.binary",
  "file.too-large",
  "file.cut",
  "file.syntax",
  "file.not-mapping",
  "file.empty",
  "file.unreadable",
  "file.encoding",
  "file.missing",
  "file.symlink-loop",
  "card.front-matter-invalid",
  "card.front-matter-not-mapping",
  "card.front-matter-unclosed",
  "extract.wrong-type",
  "extract.invalid-document",
]);

type WithProvenance = { provenance?: Provenance; sources?: Record<string, Provenance> };

function unshareOne<T extends WithProvenance>(o: T): T {
  const copy = { ...o };
  if (o.provenance) copy.provenance = { ...o.provenance };
  if (o.sources) {
    const sources: Record<string, Provenance> = {};
    for (const k of Object.keys(o.sources)) sources[k] = { ...o.sources[k] } as Provenance;
    copy.sources = sources;
  }
  return copy;
}

/** Copies every provenance object, which building shares between facts. */
function unshare(doc: LineageDocument): LineageDocument {
  return {
    ...unshareOne(doc),
    subject: unshareOne(doc.subject),
    bases: doc.bases.map(unshareOne),
    steps: doc.steps.map(unshareOne),
  };
}

function mayBeStandardExport(text: string): boolean {
  const first = text.trimStart().charCodeAt(0);
  return first === 123 || first === 91 || text.includes(SECTION_START);
}

/** What the files leave open, said once per step so that a person knows what to add. */
function unresolved(chain: StepFacts[]): ExtractWarning[] {
  const out: ExtractWarning[] = [];
  chain.forEach((s, i) => {
    const label = `step ${i + 1} (${s.objective?.value ?? s.kind})`;
    const file = s.origin.file;
    const at = file ? { file } : {};
    if (i === 0 && s.inputs.length === 0)
      out.push({
        code: "extract.unresolved",
        message: `${label}: no file names the model it started from`,
        field: "inputs.models",
        ...at,
      });
    if (s.kind === "fine-tune" && !s.objective)
      out.push({
        code: "extract.unresolved",
        message: `${label}: the training objective (SFT, DPO, …) is not stated`,
        field: "objective",
        ...at,
      });
    if (s.kind === "fine-tune" && s.datasets.length === 0)
      out.push({
        code: "extract.unresolved",
        message: `${label}: no training dataset is named`,
        field: "inputs.datasets",
        ...at,
      });
    for (const d of s.datasets)
      if (!d.value.id)
        out.push({
          code: "extract.unresolved",
          message: `${label}: the dataset "${d.value.description}" has no id`,
          field: "inputs.datasets",
          ...at,
        });
    if (s.kind === "merge" && !s.mergeMethod)
      out.push({
        code: "extract.unresolved",
        message: `${label}: the merge method is not stated`,
        field: "method",
        ...at,
      });
  });
  return out;
}

/** The result of reading files that may describe several unrelated lineages. */
export interface GroupedResult {
  /** One result per group of connected files (a single one when everything connects). */
  documents: ExtractResult[];
  /** Warnings about the files as a whole (unreadable files, unrelated groups). */
  warnings: ExtractWarning[];
}

type Standard = NonNullable<ReturnType<typeof readStandardExport>>;

function standardResult(
  standard: Standard,
  file: SourceFile,
  files: SourceFile[],
  options: ExtractOptions,
): ExtractResult {
  const rest = files.filter((f) => f !== file).map((f) => f.path);
  const ws = standard.warnings.map((m) => ({
    code: `import.${standard.format}`,
    message: m,
    file: file.path,
  }));
  // What the format cannot carry is said, but the file was read in full.
  const notes = (standard.notes ?? []).map((m) => ({
    code: `import.${standard.format}.carries`,
    message: m,
    file: file.path,
  }));
  if (rest.length > 0)
    ws.push({
      code: "extract.standard-export-used",
      message: `${file.path} is a ${standard.format} export; its lineage is used and ${rest.join(", ")} not merged into it`,
      file: file.path,
    });
  const document = options.subject
    ? { ...standard.document, subject: { ...standard.document.subject, id: options.subject } }
    : standard.document;
  return { document, warnings: [...notes, ...ws], complete: ws.length === 0 };
}

function tryStandard(file: SourceFile, warnings: ExtractWarning[]): Standard | null {
  try {
    // Standard exports are JSON documents or cards carrying ftl's lineage section; other text is not tried
    // (each reader would parse it only to say no).
    return mayBeStandardExport(file.text) ? readStandardExport(file.text, file.path) : null;
  } catch (error) {
    warnings.push({
      code: "file.standard-export",
      message: `${file.path}: reading it as a standard export failed (${error instanceof Error ? error.message : String(error)})`,
      file: file.path,
    });
    return null;
  }
}

/** Builds one document from a group of connected files. */
function extractGroup(
  facts: FileFacts[],
  options: ExtractOptions,
  fileWarnings: ExtractWarning[],
): ExtractResult {
  const warnings = [...fileWarnings];
  const chain = combine(facts, warnings);
  // File-level statements of a quantised frozen base go to the last adapter step.
  const bits = facts.find((f) => f.trainingQuantBits)?.trainingQuantBits;
  // Bits from PEFT's card template belong to the adapter step whatever its type, which the card may not say (blind
  // dev w3-noorg-naveen-llama-7b-midjourney-peft-4bit-card). The type is still not guessed.
  const anyAdapter = bits !== undefined && fromPeftTemplate(bits.source);
  const adapterStep = [...chain]
    .reverse()
    .find(
      (s) =>
        s.kind === "fine-tune" &&
        (s.parameterization?.value === "lora" || (anyAdapter && s.parameterization === undefined)),
    );
  if (bits && adapterStep) adapterStep.adapter.quantizationBits ??= bits;
  localRootNamedByCard(chain, facts);
  withoutHollowFirstStep(chain);
  loraOverQuantisedBase(chain);
  intermediateOutputs(chain);
  if (options.intermediates !== false) expandIntermediates(chain);
  warnings.push(...unresolved(chain));
  const built = buildDocument(chain, facts, options);
  // Provenance objects are shared while building; a document of plain, unshared values serialises without
  // YAML anchors and can be changed safely by the caller.
  const document = withoutSelfDerivation(unshare(built.document));
  for (const n of built.notes) warnings.push({ code: "extract.unused-base", message: n });
  if (document.subject.id !== UNKNOWN_MODEL_ID && !isRegistrableId(document.subject.id))
    warnings.push({
      code: "extract.unresolved",
      message: `the model is named "${document.subject.id}" without its org (a recipe's hub_model_id); give the full id with --subject ORG/NAME`,
      field: "subject.id",
    });
  if (document.subject.id === UNKNOWN_MODEL_ID && chain.length > 0)
    warnings.push({
      code: "extract.unresolved",
      message:
        "no file names the model this document describes (a folder or file name is not a model id); give it with --subject ID",
      field: "subject.id",
    });
  // The schema holds by construction (ids cleaned, enums from the vocabulary); the graph is what can go wrong.
  for (const i of graphIssues(document).filter((x) => x.severity === "error"))
    warnings.push({
      code: "extract.invalid-document",
      message: `the extracted document is not valid: ${i.message}`,
      field: i.path,
    });
  if (chain.length === 0 && facts.some((f) => f.kind === "model-card"))
    warnings.push({
      code: "extract.no-steps",
      message: `${facts.map((f) => f.file).join(", ")}: no base model or training step found (a base model's card, or a card that does not say how the model was made)`,
    });
  const complete = facts.length > 0 && !warnings.some((w) => INCOMPLETE_CODES.has(w.code));
  return { document, warnings, complete };
}

/** Does a group say anything (a step, a base, a subject)? Empty groups (an unrecognised file) join no one. */
const saysSomething = (g: FileFacts[]) =>
  g.some((f) => f.steps.length > 0 || f.bases.length > 0 || f.subject);

/**
 * Extracts lineage from the given files, one document per group of connected files (see `groupRuns`).
 * Pure: no I/O.
 */
export function extractGroups(given: SourceFile[], options: ExtractOptions = {}): GroupedResult {
  // A notebook is read as the Python program its code cells make (notebook.ts).
  const files = given.map((f) => (isNotebook(f.path) ? { ...f, text: notebookPython(f.text) ?? "" } : f));
  const warnings: ExtractWarning[] = [];
  const facts: FileFacts[] = [];
  for (const file of files) {
    // Python programs are read together below; an Ollama Modelfile only says what a card exported (modelfile-export.ts).
    if (isPythonFile(file.path, file.text) || isModelfile(file.path)) continue;
    const standard = tryStandard(file, warnings);
    if (standard) return { documents: [standardResult(standard, file, files, options)], warnings };
    const read = readSourceFile(file);
    read.warnings.push(...normaliseRefs(read));
    if (read.kind === "model-card" && files.length > 1) read.mentions = mentionsIn(file.text);
    facts.push(read);
  }
  for (const read of readPythonFiles(files.filter((f) => isPythonFile(f.path, f.text)))) {
    read.warnings.push(...normaliseRefs(read));
    facts.push(read);
  }
  readUsageCommands(files, facts);
  addModelfileExport(files, facts);
  joinScriptsWithPrograms(facts);
  if (files.length === 0) warnings.push({ code: "extract.no-input", message: "no files given" });
  const all = groupRuns(foldLoadedConfigs(facts));
  const groups = all.filter(saysSomething);
  const fileWarnings = (g: FileFacts[]) => g.flatMap((f) => f.warnings);
  const silent = all.filter((g) => !saysSomething(g));
  if (groups.length <= 1) {
    // One lineage: what the files that said nothing could not read belongs to its document too.
    const only = groups[0] ?? silent.flat();
    const result = extractGroup(only, options, [
      ...fileWarnings(only),
      ...(groups[0] ? silent.flatMap(fileWarnings) : []),
    ]);
    return { documents: [result], warnings };
  }
  warnings.push(...silent.flatMap(fileWarnings));
  const { subject: _one, ...shared } = options;
  // Which files make one run is ftl's reading here: no fact of a split is given more than SPLIT_GROUP_CONFIDENCE.
  const documents = groups.map((g) => {
    const r = extractGroup(g, shared, fileWarnings(g));
    return { ...r, document: capConfidence(r.document) };
  });
  warnings.push({
    code: "extract.unrelated",
    message: `the files describe ${groups.length} unrelated lineages: ${groups
      .map(
        (g, i) => `(${i + 1}) ${documents[i]?.document.subject.id} from ${g.map((f) => f.file).join(", ")}`,
      )
      .join(
        "; ",
      )}; which files belong together is ftl's reading, so no fact of these documents is given more than ${SPLIT_GROUP_CONFIDENCE} confidence`,
  });
  return { documents, warnings };
}

/**
 * Extracts one lineage document from the given files: cards, output-folder files and recipes. Facts about the
 * same step are merged; conflicts become warnings naming both sources. When the files describe unrelated
 * lineages, the first is returned with an `extract.unrelated` warning (use `extractGroups` for all). Pure.
 *
 * @example
 * const { document, warnings, complete } = extractFromFiles([{ path: "README.md", text }]);
 */
export function extractFromFiles(files: SourceFile[], options: ExtractOptions = {}): ExtractResult {
  const { documents, warnings } = extractGroups(files, options);
  const first = documents[0] as ExtractResult;
  const all = [...warnings, ...first.warnings];
  const complete =
    files.length > 0 &&
    first.complete &&
    !all.some((w) => INCOMPLETE_CODES.has(w.code) || w.code === "extract.unrelated");
  return { document: first.document, warnings: all, complete };
}
