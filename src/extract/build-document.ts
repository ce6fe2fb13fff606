/** Turning merged step facts into an ftl/v1 document, with every fact's provenance under `sources`. */
import { stepIdAllocator } from "../model/append-step.js";
import { isRegistrableId, LOCAL_PREFIX, UNKNOWN_MODEL_ID } from "../model/refs.js";
import { FORMAT_V1 } from "../model/vocabulary.js";
import type { LineageDocument, Provenance } from "../schema/lineage.js";
import { buildStep, cleanId, type StepContext } from "./build-step.js";
import { baseProvenance } from "./calibration.js";
import { extracted, type Fact, type FileFacts, inferred, type StepFacts } from "./facts.js";
import { sameModel } from "./merge-steps.js";

export { cleanId };

/**
 * Can a step's output name the subject: a Hub id, or a repository name a recipe pushes to (`hub_model_id`
 * without its org, in the pusher's namespace; classification asks for the org). A local folder never does.
 */
function isSubjectName(output: Fact<string>): boolean {
  if (output.value.startsWith(LOCAL_PREFIX)) return false;
  return isRegistrableId(output.value) || /(^|\.)hub_model_id$/.test(output.source.field ?? "");
}

/** Builds the document from the ordered steps and the files' document-level facts. */
export function buildDocument(
  chain: StepFacts[],
  files: FileFacts[],
  options: { subject?: string },
): { document: LineageDocument; notes: string[] } {
  const notes: string[] = [];
  const doc: LineageDocument = { format: FORMAT_V1, subject: { id: "unknown" }, bases: [], steps: [] };
  const card = files.find((f) => f.kind === "model-card");
  const outputs: (string | undefined)[] = [];
  chain.forEach((s, i) => {
    const next = chain[i + 1];
    // A later step's input that names this step's output more fully (org/name) renames the output.
    const nextInput = next?.inputs[0]?.value.id;
    if (
      s.output &&
      nextInput &&
      sameModel(s.output.value, nextInput) &&
      nextInput.length > s.output.value.length
    )
      s.output = { value: nextInput, source: s.output.source };
    outputs.push(s.output?.value);
  });
  // The subject is the last step's output when it is a Hub id; a local output folder is the step's output,
  // never the model's name.
  const lastOutput = chain[chain.length - 1]?.output;
  const subjectFact: Fact<string> | undefined = options.subject
    ? { value: options.subject, source: { source: "declared", by: "ftl import --subject" } }
    : lastOutput && isSubjectName(lastOutput)
      ? lastOutput
      : files.find((f) => f.subject)?.subject;
  // The files name the model and the last run wrote it to a local folder: the folder is where the run put the
  // model the files name (kept in the step's notes), so the chain ends at the named model.
  const last = chain[chain.length - 1];
  if (last?.output?.value.startsWith(LOCAL_PREFIX) && subjectFact && subjectFact !== lastOutput) {
    last.notes.push(`written to ${last.output.value}`);
    last.output = {
      value: subjectFact.value,
      source: inferred(
        last.output.source.file ?? "?",
        `the run wrote ${last.output.value}; the files name the model ${subjectFact.value}`,
        0.7,
      ),
    };
  }
  doc.subject = { id: cleanId(subjectFact?.value ?? UNKNOWN_MODEL_ID) };
  doc.subject.provenance = subjectFact
    ? subjectFact.source
    : inferred(
        files[0]?.file ?? "?",
        "no file names the model this document describes; give it with --subject",
        0,
      );
  const license = files.find((f) => f.license);
  if (license?.license) {
    doc.subject.license = license.license.value;
    doc.subject.sources = { ...(doc.subject.sources ?? {}), license: license.license.source };
    if (license.licenseName) doc.subject.licenseName = license.licenseName.value;
    if (license.licenseLink && /^https?:\/\//.test(license.licenseLink.value))
      doc.subject.licenseLink = license.licenseLink.value;
  }
  if (card?.description) doc.description = card.description.replace(/\s+/g, " ").trim();

  const baseIds: { id: string; source: Provenance }[] = [];
  const addBase = (id: string, source: Provenance) => {
    if (!baseIds.some((b) => b.id === id)) baseIds.push({ id, source });
  };
  const freeStepId = stepIdAllocator(doc.steps.map((s) => s.id));
  const ctx: StepContext = { chain, outputs, options, doc, addBase, freeStepId };
  chain.forEach((s, i) => {
    doc.steps.push(buildStep(s, i, ctx));
  });
  if (chain.length > 0) {
    for (const b of baseIds) doc.bases.push({ id: b.id, provenance: baseProvenance(b.id, b.source) });
  }
  for (const f of files)
    for (const b of f.bases)
      if (
        chain.length > 0 &&
        !chain.some(
          (s) =>
            s.inputs.some((i) => sameModel(i.value.id, b.value)) ||
            s.notes.includes(`loaded from ${b.value}`),
        ) &&
        chain[0]?.kind !== "merge"
      )
        notes.push(`${b.value} named as base in ${f.file} but not used as an input`);
  doc.generator = { name: "ftl import" };
  doc.provenance = extracted(files.map((f) => f.file).join(", ") || "?", { note: "extracted by ftl import" });
  return { document: doc, notes };
}
