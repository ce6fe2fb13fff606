/**
 * The registry on PostgreSQL (`pg`). A batch is one transaction of a dozen set-based statements (`unnest` of
 * arrays), whatever its size; writers are serialised by an advisory lock per schema, so concurrent imports
 * cannot interleave. `?schema=NAME` in the URL keeps a registry in its own schema (created if missing).
 */
import { createHash } from "node:crypto";
import pg from "pg";
import { type ApiTokens, apiTokens } from "./api-tokens.js";
import { COUNTS_VERSION, RECOUNT_STATEMENTS, recomputeStatements, stepBits } from "./closure.js";
import { type IntegrityIndex, integrityIndex } from "./integrity-index.js";
import type { StoreLocation } from "./location.js";
import { newerSchemaMessage, POSTGRES_MIGRATIONS, SCHEMA_VERSION } from "./migrations.js";
import { type DocumentPlan, hashKey, planDocument, RELATION_CODES } from "./plan.js";
import * as q from "./queries.js";
import { search } from "./search.js";
import { type Executor, numberedPlaceholders } from "./sql.js";
import { type AddInput, type AddResult, type AddSummary, type Store, StoreError } from "./store.js";
import * as tree from "./tree-queries.js";

type Location = Extract<StoreLocation, { kind: "postgres" }>;

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Statistics of the registry's own tables only (a bare ANALYZE would visit the whole database). */
const ANALYZE =
  "ANALYZE model, dataset, document, step, edge, step_dataset, license_claim, closure, tree_count";

/** Brings the closure and the counts up to date after the edges into `changed` models changed (closure.ts). */
async function recomputeClosure(client: pg.PoolClient, changed: readonly number[]): Promise<void> {
  if (changed.length === 0) return;
  const statements = recomputeStatements("postgres", "SELECT unnest(CAST(? AS integer[])) AS value");
  for (const [i, sql] of statements.entries())
    await client.query(numberedPlaceholders(sql), i === 2 ? [[...new Set(changed)]] : []);
}

function connectionError(location: Location, error: unknown): StoreError {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === "3D000" || code === "28000" || code === "28P01")
    return new StoreError("cannot-open", `${location.display}: ${message}`);
  return new StoreError(
    "unreachable",
    `${location.display}: cannot connect to PostgreSQL (${code ?? message}); is the server running?`,
  );
}

async function migrate(client: pg.PoolClient, location: Location): Promise<number> {
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('ftl-migrate:' || current_schema()))");
    const tables = await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()",
    );
    const names = tables.rows.map((r) => r.name);
    if (names.length > 0 && !names.includes("ftl_meta"))
      throw new StoreError(
        "not-a-registry",
        `${location.display}: the schema has tables but is not an ftl registry (no ftl_meta); use ?schema=NAME`,
      );
    await client.query("CREATE TABLE IF NOT EXISTS ftl_meta (key text PRIMARY KEY, value text NOT NULL)");
    const row = await client.query<{ value: string }>(
      "SELECT value FROM ftl_meta WHERE key = 'schema_version'",
    );
    const found = row.rows[0] === undefined ? 0 : Number(row.rows[0].value);
    if (found > SCHEMA_VERSION)
      throw new StoreError("newer-schema", newerSchemaMessage(location.display, found));
    for (const migration of POSTGRES_MIGRATIONS) {
      if (migration.version <= found) continue;
      for (const statement of migration.statements) await client.query(statement);
      await client.query(
        "INSERT INTO ftl_meta (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [String(migration.version)],
      );
    }
    // Counts kept before the per-bit rows existed (closure.ts) are recounted once.
    const counts = await client.query<{ value: string }>(
      "SELECT value FROM ftl_meta WHERE key = 'tree_count_version'",
    );
    if (counts.rows[0]?.value !== COUNTS_VERSION)
      for (const sql of RECOUNT_STATEMENTS) await client.query(sql);
    await client.query("COMMIT");
    return Math.max(found, SCHEMA_VERSION);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

interface Fresh {
  index: number;
  plan: DocumentPlan;
  source: string;
  current: boolean;
  signature?: AddInput["signature"];
}

class PostgresStore implements Store {
  readonly kind = "postgres" as const;
  readonly location: string;
  private readonly ex: Executor;

  /** Documents added since the last ANALYZE, and how many there were then (ANALYZE when it doubles). */
  private addedSinceAnalyze = 0;

  constructor(
    private readonly pool: pg.Pool,
    location: Location,
    private readonly schemaVersion: number,
    private documentsAtAnalyze: number,
  ) {
    this.location = location.display;
    const names = new Map<string, string>();
    this.ex = {
      dialect: "postgres",
      all: async <T>(sql: string, params: readonly unknown[]) => {
        let name = names.get(sql);
        if (name === undefined) {
          name = `ftl_${createHash("sha1").update(sql).digest("hex").slice(0, 20)}`;
          names.set(sql, name);
        }
        const result = await pool.query({ name, text: numberedPlaceholders(sql), values: [...params] });
        return result.rows as T[];
      },
    };
  }

  async addDocuments(batch: readonly AddInput[]): Promise<AddSummary> {
    const plans = batch.map((input) => ({
      plan: planDocument(input.document),
      source: input.source,
      signature: input.signature,
    }));
    const addedAt = new Date().toISOString();
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock(hashtext('ftl-write:' || current_schema()))");
      const results = await this.write(client, plans, addedAt);
      await client.query("COMMIT");
      this.addedSinceAnalyze += results.filter((r) => r.status === "added").length;
      if (this.addedSinceAnalyze >= 5000 && this.addedSinceAnalyze >= this.documentsAtAnalyze) {
        await client.query(ANALYZE);
        this.documentsAtAnalyze += this.addedSinceAnalyze;
        this.addedSinceAnalyze = 0;
      }
      return {
        added: results.filter((r) => r.status === "added").length,
        duplicates: results.filter((r) => r.status === "duplicate").length,
        superseded: results.reduce((n, r) => n + r.superseded, 0),
        results,
      };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async ids(client: pg.PoolClient, table: "model" | "dataset", names: readonly string[]) {
    const rows = await client.query<{ id: number; name: string }>(
      `SELECT id, name FROM ${table} WHERE name = ANY($1::text[])`,
      [names],
    );
    return new Map(rows.rows.map((r) => [r.name, r.id]));
  }

  private async allocate(client: pg.PoolClient, table: string, count: number): Promise<number[]> {
    if (count === 0) return [];
    const rows = await client.query<{ id: string }>(
      `SELECT nextval(pg_get_serial_sequence('${table}', 'id')) AS id FROM generate_series(1, $1)`,
      [count],
    );
    return rows.rows.map((r) => Number(r.id));
  }

  private async write(
    client: pg.PoolClient,
    plans: { plan: DocumentPlan; source: string; signature?: AddInput["signature"] }[],
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
    if (fresh.length === 0) return results;

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
    const modelIds = await this.ids(client, "model", modelNames);
    const datasetNames = [...datasets];
    if (datasetNames.length > 0)
      await client.query(
        "INSERT INTO dataset (name) SELECT unnest($1::text[]) ON CONFLICT (name) DO NOTHING",
        [datasetNames],
      );
    const datasetIds = datasetNames.length > 0 ? await this.ids(client, "dataset", datasetNames) : new Map();
    const modelId = (name: string): number => {
      const id = modelIds.get(name);
      if (id === undefined) throw new Error(`model ${name} has no id`);
      return id;
    };

    // Retire the stored current documents these replace.
    const current = [...lastOf.values()];
    const older = await client.query<{ id: number; subject: number; source: string }>(
      `SELECT id, subject, source FROM document WHERE current = 1
       AND (subject, source) IN (SELECT * FROM unnest($1::int[], $2::text[]))`,
      [current.map((f) => modelId(f.plan.subject)), current.map((f) => f.source)],
    );
    const changed: number[] = [];
    if (older.rows.length > 0) {
      const retired = older.rows.map((r) => r.id);
      const removed = await client.query<{ child: number }>(
        "DELETE FROM edge e USING step s WHERE s.document = ANY($1::int[]) AND e.step = s.id AND e.child = s.output RETURNING e.child",
        [retired],
      );
      for (const row of removed.rows) changed.push(row.child);
      await client.query(
        "DELETE FROM step_dataset sd USING step s WHERE s.document = ANY($1::int[]) AND sd.step = s.id",
        [retired],
      );
      await client.query("DELETE FROM step WHERE document = ANY($1::int[])", [retired]);
      await client.query("DELETE FROM license_claim WHERE document = ANY($1::int[])", [retired]);
      await client.query("DELETE FROM artefact_digest WHERE document = ANY($1::int[])", [retired]);
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
    }

    const documentIds = await this.allocate(client, "document", fresh.length);
    await client.query(
      // Rows as one JSON parameter: far cheaper than pg's array literals for long, quote-heavy text.
      `INSERT INTO document (id, hkey, hash, source, subject, added_at, current, body)
       SELECT (r->>0)::integer, (r->>1)::bigint, r->>2, r->>3, (r->>4)::integer, r->>5, (r->>6)::integer, r->>7
       FROM jsonb_array_elements($1::jsonb) AS r`,
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

    const live = fresh
      .map((f, i) => ({ f, documentId: documentIds[i] as number }))
      .filter((x) => x.f.current);
    const steps = live.flatMap(({ f, documentId }) => f.plan.steps.map((step) => ({ step, documentId })));
    const stepIds = await this.allocate(client, "step", steps.length);
    if (steps.length > 0) {
      await client.query(
        `INSERT INTO step (id, document, step_id, kind, name, objective, parameterization, method, hyperparameters, output)
         SELECT (r->>0)::integer, (r->>1)::integer, r->>2, r->>3, r->>4, r->>5, r->>6, r->>7, r->>8, (r->>9)::integer
         FROM jsonb_array_elements($1::jsonb) AS r`,
        [
          JSON.stringify(
            steps.map((s, i) => [
              stepIds[i],
              s.documentId,
              s.step.stepId,
              s.step.kind,
              s.step.name ?? null,
              s.step.objective ?? null,
              s.step.parameterization ?? null,
              s.step.method ?? null,
              s.step.hyperparameters ?? null,
              modelId(s.step.output),
            ]),
          ),
        ],
      );
      const edges: [number, number, number, number, number][] = [];
      const stepDatasets: [number, number][] = [];
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
    }
    const claims = live.flatMap(({ f, documentId }) => [
      ...f.plan.modelLicenses.map((c) => ({ kind: 0, entity: modelId(c.entity), documentId, c })),
      ...f.plan.datasetLicenses.map((c) => ({
        kind: 1,
        entity: datasetIds.get(c.entity) as number,
        documentId,
        c,
      })),
    ]);
    if (claims.length > 0)
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
    await this.writeIntegrity(client, fresh, documentIds, modelId, datasetIds);
    await recomputeClosure(client, changed);
    return results;
  }

  /** The digests of the batch's current documents and the signatures of all its new ones. */
  private async writeIntegrity(
    client: pg.PoolClient,
    fresh: Fresh[],
    documentIds: number[],
    modelId: (name: string) => number,
    datasetIds: Map<string, number>,
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

  get integrity(): IntegrityIndex {
    return integrityIndex(this.ex);
  }

  get tokens(): ApiTokens {
    return apiTokens(this.ex);
  }

  ancestors: Store["ancestors"] = (id, options) => q.ancestors(this.ex, id, options);
  descendants: Store["descendants"] = (id, options) => tree.descendants(this.ex, id, options);
  descendantCounts: Store["descendantCounts"] = (id, options) => tree.descendantCounts(this.ex, id, options);
  descendantsPage: Store["descendantsPage"] = (id, options) => tree.descendantsPage(this.ex, id, options);
  streamDescendants: Store["streamDescendants"] = (id, options) =>
    tree.streamDescendants(this.ex, id, options);
  trainedOn: Store["trainedOn"] = (dataset, options) => q.trainedOn(this.ex, dataset, options);
  datasetsOf: Store["datasetsOf"] = (id, options) => q.datasetsOf(this.ex, id, options);
  common: Store["common"] = (a, b, options) => q.common(this.ex, a, b, options);
  documentsFor: Store["documentsFor"] = (id) => q.documentsFor(this.ex, id);
  model: Store["model"] = (id) => q.model(this.ex, id);
  licenses: Store["licenses"] = (refs) => q.licenses(this.ex, refs);
  hasDocument: Store["hasDocument"] = (hash, source) => q.hasDocument(this.ex, hash, source);
  stats: Store["stats"] = () => q.stats(this.ex, this.schemaVersion);
  search: Store["search"] = (prefix, options) => search(this.ex, prefix, options);

  async ingestMarker(key: string): Promise<string | undefined> {
    const rows = await this.pool.query<{ value: string }>("SELECT value FROM ftl_meta WHERE key = $1", [
      `ingest:${key}`,
    ]);
    return rows.rows[0]?.value;
  }

  async setIngestMarker(key: string, value: string): Promise<void> {
    await this.pool.query(
      "INSERT INTO ftl_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      [`ingest:${key}`, value],
    );
  }

  async optimize(): Promise<void> {
    // VACUUM marks the closure's pages all-visible, so that the model-tree view reads its index alone
    // (index-only scans); a freshly loaded table would make every scan visit the heap too.
    await this.pool.query("VACUUM (ANALYZE) closure, tree_count");
    await this.pool.query(ANALYZE);
    this.documentsAtAnalyze += this.addedSinceAnalyze;
    this.addedSinceAnalyze = 0;
  }

  private closed = false;
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

/** Opens (creating the schema and migrating if needed) a PostgreSQL registry. */
export async function openPostgresStore(location: Location): Promise<Store> {
  const config: pg.PoolConfig = { connectionString: location.url, max: 4, connectionTimeoutMillis: 10_000 };
  if (location.schema !== undefined) {
    // Create the schema first, then make it the only search path of every pooled connection.
    const setup = new pg.Client({ connectionString: location.url, connectionTimeoutMillis: 10_000 });
    try {
      await setup.connect();
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(location.schema)}`).catch((error) => {
        // Two processes creating the same schema at once: the loser sees a duplicate; the schema exists.
        const code = (error as { code?: string }).code;
        if (code !== "23505" && code !== "42P06") throw error;
      });
    } catch (error) {
      throw error instanceof StoreError ? error : connectionError(location, error);
    } finally {
      await setup.end().catch(() => undefined);
    }
  }
  // JIT compilation costs far more than the millisecond queries of a registry (recursive CTEs look expensive);
  // PostgreSQL cannot estimate how many rows a walk yields and may hash-join whole tables at every level,
  // where index lookups from the few rows of the walk are what every registry query needs. Generic plans:
  // each prepared query is planned once per connection (planning a 5-way join costs more than running it).
  config.options = `-c jit=off -c enable_hashjoin=off -c enable_mergejoin=off -c plan_cache_mode=force_generic_plan${location.schema !== undefined ? ` -c search_path=${quoteIdent(location.schema)}` : ""}`;
  const pool = new pg.Pool(config);
  pool.on("error", () => undefined);
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw connectionError(location, error);
  }
  try {
    const version = await migrate(client, location);
    const size = await client.query<{ n: number }>(
      "SELECT GREATEST(reltuples, 0)::integer AS n FROM pg_class WHERE oid = 'document'::regclass",
    );
    client.release();
    return new PostgresStore(pool, location, version, size.rows[0]?.n ?? 0);
  } catch (error) {
    client.release();
    await pool.end().catch(() => undefined);
    throw error;
  }
}
