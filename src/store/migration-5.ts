/**
 * Schema version 5 (issue 11): `artefact_digest`, the digests current documents record (subject, bases, step
 * outputs, the files they list, datasets), for `ftl query by-digest`; and `document_signature`, the DSSE
 * envelope a signed lineage was added with. Upgrading a registry indexes the digests its current documents
 * already record, from their stored bodies, in the migration's transaction. Released: never edit.
 */
import type { Migration } from "./migrations.js";

const DESCRIPTION =
  "artefact_digest (digests that current documents record, for query by-digest) and document_signature (the envelope of a signed lineage)";

/** The backfill, as (source of objects, entity kind, model/dataset lookup, step id, path) per place a digest sits. */
function backfill(dialect: "sqlite" | "postgres"): string[] {
  const sqlite = dialect === "sqlite";
  const get = (json: string, path: string) =>
    sqlite ? `json_extract(${json}, '$.${path}')` : `(${json})::jsonb #>> '{${path.replaceAll(".", ",")}}'`;
  const each = (json: string, path: string, alias: string) =>
    sqlite
      ? `json_each(${json}, '$.${path}') AS ${alias}`
      : `jsonb_array_elements(COALESCE((${json})::jsonb #> '{${path.replaceAll(".", ",")}}', '[]'::jsonb)) AS ${alias}(value)`;
  const val = (alias: string) => (sqlite ? `${alias}.value` : `${alias}.value::text`);
  const insert = "INSERT INTO artefact_digest (value, algorithm, kind, entity, document, step_id, path)";
  const model = (id: string) => `(SELECT m.id FROM model m WHERE m.name = ${id})`;
  const current = "d.current = 1";
  return [
    // Step outputs, whole and per file.
    `${insert} SELECT ${get(val("s"), "output.digest.value")}, ${get(val("s"), "output.digest.algorithm")}, 0,
       ${model(get(val("s"), "output.id"))}, d.id, ${get(val("s"), "id")}, NULL
     FROM document d, ${each("d.body", "steps", "s")}
     WHERE ${current} AND ${get(val("s"), "output.digest.value")} IS NOT NULL AND ${model(get(val("s"), "output.id"))} IS NOT NULL`,
    `${insert} SELECT ${get(val("f"), "digest.value")}, ${get(val("f"), "digest.algorithm")}, 0,
       ${model(get(val("s"), "output.id"))}, d.id, ${get(val("s"), "id")}, ${get(val("f"), "path")}
     FROM document d, ${each("d.body", "steps", "s")}, ${each(val("s"), "output.files", "f")}
     WHERE ${current} AND ${get(val("f"), "digest.value")} IS NOT NULL AND ${model(get(val("s"), "output.id"))} IS NOT NULL`,
    // Datasets the steps used.
    `${insert} SELECT ${get(val("x"), "digest.value")}, ${get(val("x"), "digest.algorithm")}, 1,
       (SELECT ds.id FROM dataset ds WHERE ds.name = ${get(val("x"), "id")}), d.id, ${get(val("s"), "id")}, NULL
     FROM document d, ${each("d.body", "steps", "s")}, ${each(val("s"), "inputs.datasets", "x")}
     WHERE ${current} AND ${get(val("x"), "digest.value")} IS NOT NULL
       AND EXISTS (SELECT 1 FROM dataset ds WHERE ds.name = ${get(val("x"), "id")})`,
    // The subject and the bases, unless a step's output already gave the same digest.
    `${insert} SELECT ${get("d.body", "subject.digest.value")}, ${get("d.body", "subject.digest.algorithm")}, 0,
       d.subject, d.id, NULL, NULL
     FROM document d WHERE ${current} AND ${get("d.body", "subject.digest.value")} IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM artefact_digest a WHERE a.document = d.id AND a.entity = d.subject
         AND a.path IS NULL AND a.value = ${get("d.body", "subject.digest.value")})`,
    `${insert} SELECT ${get(val("b"), "digest.value")}, ${get(val("b"), "digest.algorithm")}, 0,
       ${model(get(val("b"), "id"))}, d.id, NULL, NULL
     FROM document d, ${each("d.body", "bases", "b")}
     WHERE ${current} AND ${get(val("b"), "digest.value")} IS NOT NULL AND ${model(get(val("b"), "id"))} IS NOT NULL`,
  ];
}

const TABLES = (dialect: "sqlite" | "postgres") => {
  const t = dialect === "sqlite" ? "TEXT" : "text";
  const i = dialect === "sqlite" ? "INTEGER" : "integer";
  return [
    `CREATE TABLE artefact_digest (value ${t} NOT NULL, algorithm ${t} NOT NULL, kind ${i} NOT NULL,
      entity ${i} NOT NULL, document ${i} NOT NULL, step_id ${t}, path ${t})`,
    "CREATE INDEX artefact_digest_value ON artefact_digest (value)",
    "CREATE INDEX artefact_digest_document ON artefact_digest (document)",
    `CREATE TABLE document_signature (document ${i} PRIMARY KEY, key_id ${t}, verified ${i} NOT NULL,
      envelope ${t} NOT NULL)`,
  ];
};

export const SQLITE_V5: Migration = {
  version: 5,
  description: DESCRIPTION,
  statements: [...TABLES("sqlite"), ...backfill("sqlite")],
};

export const POSTGRES_V5: Migration = {
  version: 5,
  description: DESCRIPTION,
  statements: [...TABLES("postgres"), ...backfill("postgres")],
};
