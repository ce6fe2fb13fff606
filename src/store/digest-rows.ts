/**
 * The digests a lineage document records, as rows for the registry's digest index (`ftl query by-digest`): the
 * root digest of the subject, of every base and step output, and of every file they list, and the digests of
 * datasets. Pure; both stores write exactly these rows.
 */
import type { DatasetRef, LineageDocument, ModelRef } from "../schema/lineage.js";

export interface DigestRow {
  /** 0 a model, 1 a dataset (as in `license_claim`). */
  kind: 0 | 1;
  /** The model's or dataset's id. */
  entity: string;
  /** The step whose output this is, when it is one. */
  stepId: string | null;
  /** The file inside the checkpoint, for a per-file digest; null for the whole artefact. */
  path: string | null;
  algorithm: string;
  value: string;
}

function modelRows(model: ModelRef, stepId: string | null): DigestRow[] {
  const rows: DigestRow[] = [];
  const at = { kind: 0 as const, entity: model.id, stepId };
  if (model.digest) rows.push({ ...at, path: null, ...model.digest });
  for (const file of model.files ?? [])
    if (file.digest) rows.push({ ...at, path: file.path, ...file.digest });
  return rows;
}

function datasetRows(dataset: DatasetRef, stepId: string): DigestRow[] {
  if (!dataset.digest || dataset.id === undefined) return [];
  return [{ kind: 1, entity: dataset.id, stepId, path: null, ...dataset.digest }];
}

/**
 * Every digest the document records, once each: the same artefact named twice (the subject is usually the last
 * step's output) gives one row, the one that names its step.
 */
export function digestRows(doc: LineageDocument): DigestRow[] {
  const rows = [
    ...doc.steps.flatMap((s) => [
      ...(s.output ? modelRows(s.output, s.id) : []),
      ...(s.inputs?.datasets ?? []).flatMap((d) => datasetRows(d, s.id)),
    ]),
    ...modelRows(doc.subject, null),
    ...doc.bases.flatMap((b) => modelRows(b, null)),
  ];
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = JSON.stringify([r.kind, r.entity, r.path ?? "", r.algorithm, r.value]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
