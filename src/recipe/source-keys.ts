/**
 * Keys of a source configuration that neither ftl's importer read nor a written recipe carries: settings of
 * the framework that ftl does not model (gradient checkpointing, logging, chat templates, layer ranges, …),
 * listed by name so that nothing is dropped in silence when a recipe is read and written again.
 */
import { parse } from "yaml";
import type { LineageDocument } from "../schema/lineage.js";

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** The top-level keys the document's provenance says were read (`hyperparameters.learningRate` ← `learning_rate`). */
export function keysRead(doc: LineageDocument): Set<string> {
  const read = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isObj(value)) {
      if (typeof value.field === "string" && typeof value.source === "string")
        read.add(value.field.split(/[.[]/)[0] as string);
      Object.values(value).forEach(visit);
    }
  };
  visit(doc);
  return read;
}

/** Keys ftl reads only in part: mergekit's `slices` give their models, never their layer ranges. */
const PARTLY_READ = new Set(["slices"]);

/** Keys of `source` (with a value) that ftl did not read from it and `written` does not hold, sorted. */
export function sourceKeysNotCarried(
  source: Record<string, unknown>,
  writtenText: string,
  read: ReadonlySet<string> = new Set(),
): string[] {
  const written = parse(writtenText) as unknown;
  const have = new Set(isObj(written) ? Object.keys(written) : []);
  return Object.entries(source)
    .filter(
      ([key, value]) =>
        value !== null && value !== undefined && !have.has(key) && (!read.has(key) || PARTLY_READ.has(key)),
    )
    .map(([key]) => key)
    .sort();
}
