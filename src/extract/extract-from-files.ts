/** Extraction of one lineage document from a set of files (cards, configs, recipes). Pure: no I/O. */
import { SECTION_START } from "../export/hf-card.js";
import { readStandardExport } from "../export/reimport.js";
import { FORMAT_V1 } from "../model/vocabulary.js";
import type { LineageDocument, Provenance } from "../schema/lineage.js";
import { graphIssues } from "../validate/graph-rules.js";
import { buildDocument } from "./build-document.js";
import type { FileFacts, StepFacts } from "./facts.js";
import { mergeStepInto, sameModel } from "./merge-steps.js";
import { readSourceFile } from "./read-file.js";
import type { ExtractOptions, ExtractResult, ExtractWarning, SourceFile } from "./types.js";

/** Warning codes that mean something could not be read: the result is then not complete. */
export const INCOMPLETE_CODES = new Set([
  "file.binary",
  "file.too-large",
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

const PRIORITY: Record<string, number> = { "model-card": 0 };
const RECIPE_KINDS = new Set([
  "trl-recipe",
  "open-instruct",
  "axolotl",
  "llama-factory",
  "llama-factory-export",
  "mergekit",
  "gguf-manifest",
]);

function isEmptyStep(s: StepFacts): boolean {
  return (
    !s.objective &&
    !s.parameterization &&
    s.inputs.length === 0 &&
    s.datasets.length === 0 &&
    Object.keys(s.hyperparameters).length === 0 &&
    Object.keys(s.adapter).length === 0 &&
    !s.mergeMethod &&
    !s.quantMethod &&
    !s.output
  );
}

type WithProvenance = { provenance?: Provenance; sources?: Record<string, Provenance> };

function unshareOne<T extends WithProvenance>(o: T): T {
  const copy = { ...o };
  if (o.provenance) copy.provenance = { ...o.provenance };
  if (o.sources) copy.sources = Object.fromEntries(Object.entries(o.sources).map(([k, p]) => [k, { ...p }]));
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

/** Where a step from another file belongs in the chain: an index to merge into, or undefined to add it. */
function matchStep(chain: StepFacts[], s: StepFacts): number | undefined {
  const other = (c: StepFacts | undefined): c is StepFacts =>
    c !== undefined && c.origin.file !== s.origin.file;
  for (let i = chain.length - 1; i >= 0; i--) {
    const c = chain[i];
    if (!other(c) || c.kind !== s.kind) continue;
    if (s.output && c.output && sameModel(s.output.value, c.output.value)) return i;
  }
  if (s.finalRun) {
    for (let i = chain.length - 1; i >= 0; i--) if (other(chain[i]) && chain[i]?.kind === s.kind) return i;
    return undefined;
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const c = chain[i];
    if (!other(c) || c.kind !== s.kind || (c.recipe && s.recipe)) continue;
    if (s.kind !== "fine-tune") return i;
    if (c.objective && s.objective && c.objective.value === s.objective.value) return i;
  }
  return undefined;
}

/** Where a new step goes: after the step whose output it starts from, before the step that starts from its output. */
function insertAt(chain: StepFacts[], s: StepFacts): number {
  const input = s.inputs[0]?.value.id;
  if (input) {
    const from = chain.findIndex((c) => c.output && sameModel(c.output.value, input));
    if (from !== -1) return from + 1;
  }
  const output = s.output?.value;
  if (output) {
    const to = chain.findIndex((c) => c.inputs.some((i) => sameModel(i.value.id, output)));
    if (to !== -1) return to;
  }
  return chain.length;
}

/** Combines the files' steps into one ordered chain. */
export function combine(files: FileFacts[], warnings: ExtractWarning[]): StepFacts[] {
  const chain: StepFacts[] = [];
  const ordered = [...files].sort((a, b) => (PRIORITY[a.kind] ?? 1) - (PRIORITY[b.kind] ?? 1));
  // Recipes before output files, so that a folder's files land on the recipe's step.
  const primaryFirst = [
    ...ordered.filter((f) => f.steps.some((s) => !s.finalRun)),
    ...ordered.filter((f) => !f.steps.some((s) => !s.finalRun)),
  ];
  for (const f of primaryFirst) {
    for (const s of f.steps) {
      s.recipe ||= RECIPE_KINDS.has(f.kind) && !s.finalRun;
      if (isEmptyStep(s) && s.software.length === 0 && !s.hardware) continue;
      const at = matchStep(chain, s);
      const target = at !== undefined ? chain[at] : undefined;
      if (target) mergeStepInto(target, s, warnings);
      else if (s.weak)
        warnings.push({
          code: "extract.weak-evidence",
          message: `${f.file}: names ${s.inputs[0]?.value.id ?? "a model"} as the model it was loaded from, but no other file shows a training step; not taken as lineage`,
          file: f.file,
        });
      else if (!isEmptyStep(s)) chain.splice(insertAt(chain, s), 0, s);
    }
  }
  // Bases from cards complete a first step that names no input.
  const first = chain[0];
  if (first && first.inputs.length === 0) {
    const base = files.flatMap((f) => f.bases)[0];
    if (base) first.inputs.push({ value: { id: base.value }, source: base.source });
  }
  return chain.filter((s) => !isEmptyStep(s));
}

/**
 * Extracts one lineage document from the given files: cards, output-folder files and recipes. Facts about the
 * same step are merged; conflicts become warnings naming both sources. Pure: no I/O.
 *
 * @example
 * const { document, warnings, complete } = extractFromFiles([{ path: "README.md", text }]);
 */
export function extractFromFiles(files: SourceFile[], options: ExtractOptions = {}): ExtractResult {
  const warnings: ExtractWarning[] = [];
  const facts: FileFacts[] = [];
  for (const file of files) {
    let standard: ReturnType<typeof readStandardExport> = null;
    try {
      // Standard exports are JSON documents or cards carrying ftl's lineage section; other text is not tried
      // (each reader would parse it only to say no).
      if (mayBeStandardExport(file.text)) standard = readStandardExport(file.text, file.path);
    } catch (error) {
      warnings.push({
        code: "file.standard-export",
        message: `${file.path}: reading it as a standard export failed (${error instanceof Error ? error.message : String(error)})`,
        file: file.path,
      });
    }
    if (standard) {
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
    const read = readSourceFile(file);
    warnings.push(...read.warnings);
    facts.push(read);
  }
  if (files.length === 0) warnings.push({ code: "extract.no-input", message: "no files given" });
  const chain = combine(facts, warnings);
  warnings.push(...unresolved(chain));
  const subjects = new Set(
    facts.filter((f) => f.kind === "model-card" && f.subject).map((f) => f.subject?.value),
  );
  if (subjects.size > 1)
    warnings.push({
      code: "extract.several-models",
      message: `the cards describe different models (${[...subjects].join(", ")}); import one model's files at a time`,
    });
  const built = buildDocument(chain, facts, options);
  // Provenance objects are shared while building; a document of plain, unshared values serialises without
  // YAML anchors and can be changed safely by the caller.
  const document = unshare(built.document);
  const notes = built.notes;
  for (const n of notes)
    warnings.push({
      code: /because the files were given/.test(n) ? "extract.assumed-link" : "extract.unused-base",
      message: n,
    });
  // The schema holds by construction (ids cleaned, enums from the vocabulary); the graph is what can go wrong,
  // e.g. files about two unrelated models.
  const graph = graphIssues(document);
  if (graph.some((x) => x.severity === "error")) {
    for (const i of graph.filter((x) => x.severity === "error"))
      warnings.push({
        code: "extract.invalid-document",
        message: `the extracted document is not valid: ${i.message}`,
        field: i.path,
      });
  }
  if (chain.length === 0 && facts.some((f) => f.kind === "model-card"))
    warnings.push({
      code: "extract.no-steps",
      message: `${facts.map((f) => f.file).join(", ")}: no base model or training step found (a base model's card, or a card that does not say how the model was made)`,
    });
  const complete = files.length > 0 && !warnings.some((w) => INCOMPLETE_CODES.has(w.code));
  return { document: document.format === FORMAT_V1 ? document : document, warnings, complete };
}
