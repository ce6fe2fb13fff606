/**
 * One batch written to PostgreSQL, inside the caller's transaction and advisory lock: which documents are new
 * (and which of them current), their names' ids, the stored documents they replace retired, then documents,
 * steps, edges, licence claims, digests and signatures inserted as set-based statements (`unnest` of arrays),
 * and the closure recomputed below every model whose edges changed.
 */
import type pg from "pg";
import { recomputeStatements, stepBits } from "./closure.js";
import { hashKey, type PlannedInput, RELATION_CODES, STEP_COLUMNS, stepRowValues } from "./plan.js";
import { type Fresh, insertClaims, insertIntegrity, type Live, type Names } from "./postgres-write-rows.js";
import { numberedPlaceholders } from "./sql.js";
import type { AddResult } from "./store.js";

/** Brings the closure and the counts up to date after the edges into `changed` models changed (closure.ts). */
async function recomputeClosure(client: pg.PoolClient, changed: readonly number[]): Promise<void> {
  if (changed.length === 0) return;
  const statements = recomputeStatements("postgres", "SELECT unnest(CAST(? AS integer[])) AS value");
  for (const [i, sql] of statements.entries())
    await client.query(numberedPlaceholders(sql), i === 2 ? [[...new Set(changed)]] : []);
}

async function ids(client: pg.PoolClient, table: "model" | "dataset", names: readonly string[]) {
  const rows = await client.query<{ id: number; name: string }>(
    `SELECT id, name FROM ${table} WHERE name = ANY($1::text[])`,
    [names],
  );
  return new Map(rows.rows.map((r) => [r.name, r.id]));
}

async function allocate(client: pg.PoolClient, table: string, count: number): Promise<number[]> {
  if (count === 0) return [];
  const rows = await client.query<{ id: string }>(
    `SELECT nextval(pg_get_serial_sequence('${table}', 'id')) AS id FROM generate_series(1, $1)`,
    [count],
  );
  return rows.rows.map((r) => Number(r.id));
}

/**
 * The batch's documents not stored yet (by content hash and source), each marked current unless a later one of
 * the batch has the same subject and source; `results` says which were added and which superseded.
 */
async function freshOf(client: pg.PoolClient, plans: PlannedInput[], results: AddResult[]): Promise<Fresh[]> {
  const existing = await client.query<{ hash: string; source: string }>(
    "SELECT hash, source FROM document WHERE hkey = ANY($1::bigint[])",
    [[...new Set(plans.map((p) => hashKey(p.plan.hash)))]],
  );
  const seen = new Set(existing.rows.map((r) => `${r.hash}\u0000${r.source}`));
  const fresh: Fresh[] = [];
  plans.forEach(({ plan, source, signature }, index) => {
    const key = `${plan.hash}\u0000${source}`;
    if (seen.has(key)) return;
    seen.add(key);
    fresh.push({ index, plan, source, current: true, ...(signature ? { signature } : {}) });
  });
  // Within the batch, the last document per (subject, source) is the current one.
  const lastOf = new Map<string, Fresh>();
  for (const f of fresh) {
    const key = `${f.plan.subject}\u0000${f.source}`;
    const before = lastOf.get(key);
    if (before !== undefined) {
      before.current = false;
      const r = results[f.index];
      if (r) r.superseded++;
    }
    lastOf.set(key, f);
  }
  for (const f of fresh) {
    const r = results[f.index];
    if (r) r.status = "added";
  }
  return fresh;
}

async function namesOf(client: pg.PoolClient, fresh: Fresh[]): Promise<Names> {
  const models = new Map<string, boolean>();
  const datasets = new Set<string>();
  for (const f of fresh) {
    for (const [name, anonymous] of f.plan.models) if (!models.has(name)) models.set(name, anonymous);
    for (const name of f.plan.datasets) datasets.add(name);
    for (const claim of f.plan.datasetLicenses) datasets.add(claim.entity);
  }
  const modelNames = [...models.keys()];
  await client.query(
    "INSERT INTO model (name, anonymous) SELECT * FROM unnest($1::text[], $2::int[]) ON CONFLICT (name) DO NOTHING",
    [modelNames, modelNames.map((n) => (models.get(n) ? 1 : 0))],
  );
  const modelIds = await ids(client, "model", modelNames);
  const datasetNames = [...datasets];
  if (datasetNames.length > 0)
    await client.query("INSERT INTO dataset (name) SELECT unnest($1::text[]) ON CONFLICT (name) DO NOTHING", [
      datasetNames,
    ]);
  const datasetIds = datasetNames.length > 0 ? await ids(client, "dataset", datasetNames) : new Map();
  const modelId = (name: string): number => {
    const id = modelIds.get(name);
    if (id === undefined) throw new Error(`model ${name} has no id`);
    return id;
  };
  return { modelId, datasetIds };
}

/** Retires the stored current documents that the batch's current ones replace; returns the models whose edges went. */
async function retireOlder(
  client: pg.PoolClient,
  fresh: Fresh[],
  results: AddResult[],
  { modelId }: Names,
): Promise<number[]> {
  const current = fresh.filter((f) => f.current);
  const older = await client.query<{ id: number; subject: number; source: string }>(
    `SELECT id, subject, source FROM document WHERE current = 1
     AND (subject, source) IN (SELECT * FROM unnest($1::int[], $2::text[]))`,
    [current.map((f) => modelId(f.plan.subject)), current.map((f) => f.source)],
  );
  if (older.rows.length === 0) return [];
  const retired = older.rows.map((r) => r.id);
  const removed = await client.query<{ child: number }>(
    "DELETE FROM edge e USING step s WHERE s.document = ANY($1::int[]) AND e.step = s.id AND e.child = s.output RETURNING e.child",
    [retired],
  );
  await client.query(
    "DELETE FROM step_dataset sd USING step s WHERE s.document = ANY($1::int[]) AND sd.step = s.id",
    [retired],
  );
  for (const table of ["step", "license_claim", "artefact_digest"])
    await client.query(`DELETE FROM ${table} WHERE document = ANY($1::int[])`, [retired]);
  await client.query("UPDATE document SET current = 0 WHERE id = ANY($1::int[])", [retired]);
  const firstOf = new Map<string, Fresh>();
  for (const f of fresh) {
    const key = `${modelId(f.plan.subject)}\u0000${f.source}`;
    if (!firstOf.has(key)) firstOf.set(key, f);
  }
  for (const row of older.rows) {
    const f = firstOf.get(`${row.subject}\u0000${row.source}`);
    const r = f ? results[f.index] : undefined;
    if (r) r.superseded++;
  }
  return removed.rows.map((row) => row.child);
}

async function insertDocuments(
  client: pg.PoolClient,
  fresh: Fresh[],
  { modelId }: Names,
  addedAt: string,
): Promise<number[]> {
  const documentIds = await allocate(client, "document", fresh.length);
  await client.query(
    // Rows as one JSON parameter: far cheaper than pg's array literals for long, quote-heavy text.
    `WITH rows AS (SELECT r FROM jsonb_array_elements($1::jsonb) AS r),
     inserted AS (
       INSERT INTO document (id, hkey, hash, source, subject, added_at, current)
       SELECT (r->>0)::integer, (r->>1)::bigint, r->>2, r->>3, (r->>4)::integer, r->>5, (r->>6)::integer FROM rows
     )
     INSERT INTO document_body (id, body) SELECT (r->>0)::integer, r->>7 FROM rows`,
    [
      JSON.stringify(
        fresh.map((f, i) => [
          documentIds[i],
          hashKey(f.plan.hash),
          f.plan.hash,
          f.source,
          modelId(f.plan.subject),
          addedAt,
          f.current ? 1 : 0,
          f.plan.body,
        ]),
      ),
    ],
  );
  return documentIds;
}

/** The current documents' steps, edges and step datasets; returns the models that gained edges. */
async function insertSteps(
  client: pg.PoolClient,
  live: Live,
  { modelId, datasetIds }: Names,
): Promise<number[]> {
  const steps = live.flatMap(({ f, documentId }) => f.plan.steps.map((step) => ({ step, documentId, f })));
  if (steps.length === 0) return [];
  const stepIds = await allocate(client, "step", steps.length);
  await client.query(
    `INSERT INTO step (id, document, ${STEP_COLUMNS})
     SELECT (r->>0)::integer, (r->>1)::integer, r->>2, r->>3, r->>4, r->>5, r->>6, r->>7, r->>8, (r->>9)::integer,
       r->>10, r->>11, r->>12
     FROM jsonb_array_elements($1::jsonb) AS r`,
    [
      JSON.stringify(
        steps.map((s, i) => [
          stepIds[i],
          s.documentId,
          ...stepRowValues(s.step, modelId(s.step.output), { hash: s.f.plan.hash, source: s.f.source }),
        ]),
      ),
    ],
  );
  const edges: [number, number, number, number, number][] = [];
  const stepDatasets: [number, number][] = [];
  const changed: number[] = [];
  steps.forEach(({ step }, i) => {
    const id = stepIds[i] as number;
    const child = modelId(step.output);
    const bits = stepBits(step);
    for (const input of step.inputs)
      edges.push([modelId(input), child, id, RELATION_CODES[step.relation], bits]);
    if (step.inputs.length > 0) changed.push(child);
    for (const dataset of step.datasets) stepDatasets.push([id, datasetIds.get(dataset) as number]);
  });
  if (edges.length > 0)
    await client.query(
      `INSERT INTO edge (parent, child, step, relation, bits)
       SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::int[]) ON CONFLICT DO NOTHING`,
      [0, 1, 2, 3, 4].map((k) => edges.map((e) => e[k])),
    );
  if (stepDatasets.length > 0)
    await client.query(
      "INSERT INTO step_dataset (step, dataset) SELECT * FROM unnest($1::int[], $2::int[]) ON CONFLICT DO NOTHING",
      [stepDatasets.map((s) => s[0]), stepDatasets.map((s) => s[1])],
    );
  return changed;
}

/** Writes one batch (inside the caller's transaction); one result per input, in order. */
export async function writeBatch(
  client: pg.PoolClient,
  plans: PlannedInput[],
  addedAt: string,
): Promise<AddResult[]> {
  const results: AddResult[] = plans.map(({ plan }, index) => ({
    index,
    status: "duplicate",
    hash: plan.hash,
    subject: plan.subject,
    superseded: 0,
  }));
  if (plans.length === 0) return results;
  const fresh = await freshOf(client, plans, results);
  if (fresh.length === 0) return results;
  const names = await namesOf(client, fresh);
  const changed = await retireOlder(client, fresh, results, names);
  const documentIds = await insertDocuments(client, fresh, names, addedAt);
  const live = fresh.map((f, i) => ({ f, documentId: documentIds[i] as number })).filter((x) => x.f.current);
  changed.push(...(await insertSteps(client, live, names)));
  await insertClaims(client, live, names);
  await insertIntegrity(client, fresh, documentIds, names);
  await recomputeClosure(client, changed);
  return results;
}
