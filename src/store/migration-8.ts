/**
 * Schema version 8 (issue 13): what the ancestors answer shows of a step kept on the step's own row. Every
 * edge of that answer showed its step's document (source and hash: a look-up in `document`) and datasets (a
 * list made per step from `step_dataset` and `dataset`); the step row now holds `doc_hash`, `doc_source` and
 * `dataset_names` (the step's dataset names as a JSON array, sorted; null for none), so the statement reads
 * the closure, the edges and the steps and nothing else. None of the three ever changes: a document's hash
 * and source are fixed, a step belongs to one document, and a replaced document's steps are deleted, not
 * edited. `step_dataset` stays (the dataset questions walk it). Upgrading fills the columns in the
 * migration's transaction. Released: never edit.
 */
import type { Migration } from "./migrations.js";

const DESCRIPTION =
  "step.doc_hash, step.doc_source, step.dataset_names: a step's document and datasets on its own row (the ancestors answer reads no other table)";

export const SQLITE_V8: Migration = {
  version: 8,
  description: DESCRIPTION,
  statements: [
    "ALTER TABLE step ADD COLUMN doc_hash TEXT",
    "ALTER TABLE step ADD COLUMN doc_source TEXT",
    "ALTER TABLE step ADD COLUMN dataset_names TEXT",
    `UPDATE step SET doc_hash = d.hash, doc_source = d.source FROM document d WHERE d.id = step.document`,
    `UPDATE step SET dataset_names = (SELECT json_group_array(name) FROM (SELECT ds.name AS name FROM step_dataset sd
       JOIN dataset ds ON ds.id = sd.dataset WHERE sd.step = step.id ORDER BY ds.name))
     WHERE id IN (SELECT step FROM step_dataset)`,
  ],
};

export const POSTGRES_V8: Migration = {
  version: 8,
  description: DESCRIPTION,
  statements: [
    "ALTER TABLE step ADD COLUMN doc_hash text, ADD COLUMN doc_source text, ADD COLUMN dataset_names text",
    "UPDATE step SET doc_hash = d.hash, doc_source = d.source FROM document d WHERE d.id = step.document",
    `UPDATE step SET dataset_names = x.names FROM (SELECT sd.step, json_agg(ds.name ORDER BY ds.name)::text AS names
       FROM step_dataset sd JOIN dataset ds ON ds.id = sd.dataset GROUP BY sd.step) x WHERE x.step = step.id`,
  ],
};
