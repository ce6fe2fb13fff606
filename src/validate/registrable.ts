/**
 * What the registry accepts as a model id: a Hub-style id (`org/name`, or one of the Hub's legacy root-level
 * ids) or an explicit local reference (`local:PATH`). A document whose subject or step output is anything else
 * (a folder name, a heading word, `unknown`) is refused by `ftl add` and `ftl ingest`, with the reason.
 */
import { isRegistrableId } from "../model/refs.js";
import type { LineageDocument } from "../schema/lineage.js";

function why(path: string, id: string): string {
  return `${path} ${JSON.stringify(id)} is neither a Hub-style id (org/name) nor an explicit local reference (local:PATH); ${
    id === "unknown"
      ? "no file named the model: give it (ftl import --subject ORG/NAME)"
      : "write the full id, e.g. ORG/NAME"
  }`;
}

/** The first reason the registry cannot store this document's ids, or undefined when it can. */
export function registryIdProblem(doc: LineageDocument): string | undefined {
  if (!isRegistrableId(doc.subject.id)) return why("subject.id", doc.subject.id);
  for (const [i, step] of doc.steps.entries()) {
    const id = step.output?.id;
    if (id !== undefined && !isRegistrableId(id)) return why(`steps[${i}].output.id`, id);
  }
  return undefined;
}
