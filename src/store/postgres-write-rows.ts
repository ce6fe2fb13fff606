/**
 * The rows of one PostgreSQL batch beside its documents and steps (postgres-write.ts): licence claims of
 * current documents, digests, and signatures, each as one set-based statement (`unnest` of arrays); and the
 * shapes the batch's parts share.
 */
import type pg from "pg";
import type { PlannedInput } from "./plan.js";

export interface Fresh extends PlannedInput {
  index: number;
  current: boolean;
}

/** The ids of the batch's model and dataset names (created when new). */
export interface Names {
  modelId: (name: string) => number;
  datasetIds: Map<string, number>;
}

/** A new current document with its id. */
export type Live = { f: Fresh; documentId: number }[];

export async function insertClaims(
  client: pg.PoolClient,
  live: Live,
  { modelId, datasetIds }: Names,
): Promise<void> {
  const claims = live.flatMap(({ f, documentId }) => [
    ...f.plan.modelLicenses.map((c) => ({ kind: 0, entity: modelId(c.entity), documentId, c })),
    ...f.plan.datasetLicenses.map((c) => ({
      kind: 1,
      entity: datasetIds.get(c.entity) as number,
      documentId,
      c,
    })),
  ]);
  if (claims.length === 0) return;
  await client.query(
    `INSERT INTO license_claim (kind, entity, document, license, license_name, license_link)
     SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[])`,
    [
      claims.map((x) => x.kind),
      claims.map((x) => x.entity),
      claims.map((x) => x.documentId),
      claims.map((x) => x.c.license),
      claims.map((x) => x.c.licenseName ?? null),
      claims.map((x) => x.c.licenseLink ?? null),
    ],
  );
}

/** The digests of the current documents and the signatures of all new ones. */
export async function insertIntegrity(
  client: pg.PoolClient,
  fresh: Fresh[],
  documentIds: number[],
  { modelId, datasetIds }: Names,
): Promise<void> {
  const digests = fresh.flatMap((f, i) =>
    f.current
      ? f.plan.digests.map((r) => [
          r.value,
          r.algorithm,
          r.kind,
          r.kind === 0 ? modelId(r.entity) : (datasetIds.get(r.entity) as number),
          documentIds[i] as number,
          r.stepId,
          r.path,
        ])
      : [],
  );
  if (digests.length > 0)
    await client.query(
      `INSERT INTO artefact_digest (value, algorithm, kind, entity, document, step_id, path)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::int[], $6::text[], $7::text[])`,
      [0, 1, 2, 3, 4, 5, 6].map((k) => digests.map((row) => row[k])),
    );
  const signed = fresh.flatMap((f, i) =>
    f.signature ? [{ s: f.signature, id: documentIds[i] as number }] : [],
  );
  if (signed.length > 0)
    await client.query(
      `INSERT INTO document_signature (document, key_id, verified, envelope)
       SELECT * FROM unnest($1::int[], $2::text[], $3::int[], $4::text[])`,
      [
        signed.map((x) => x.id),
        signed.map((x) => x.s.keyId ?? null),
        signed.map((x) => (x.s.verified ? 1 : 0)),
        signed.map((x) => x.s.envelope),
      ],
    );
}
