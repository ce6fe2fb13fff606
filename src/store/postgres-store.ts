/**
 * The registry on PostgreSQL (`pg`). A batch is one transaction of a dozen set-based statements (`unnest` of
 * arrays), whatever its size; writers are serialised by an advisory lock per schema, so concurrent imports
 * cannot interleave. `?schema=NAME` in the URL keeps a registry in its own schema (created if missing).
 */
import { createHash } from "node:crypto";
import pg from "pg";
import { type ApiTokens, apiTokens } from "./api-tokens.js";
import { type IntegrityIndex, integrityIndex } from "./integrity-index.js";
import type { StoreLocation } from "./location.js";
import { type PlannedInput, planDocument } from "./plan.js";
import { bulkPending, enterPgBulk, finishPgBulk } from "./postgres-bulk.js";
import type { PgBulk } from "./postgres-bulk-writer.js";
import { connectionError, finishPending, migrate } from "./postgres-open.js";
import { writeBatch } from "./postgres-write.js";
import * as q from "./queries.js";
import { search } from "./search.js";
import { type Executor, numberedPlaceholders } from "./sql.js";
import { type AddInput, type AddOptions, type AddSummary, type Store, StoreError } from "./store.js";
import * as tree from "./tree-queries.js";

type Location = Extract<StoreLocation, { kind: "postgres" }>;

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Statistics of the registry's own tables only (a bare ANALYZE would visit the whole database). */
const ANALYZE =
  "ANALYZE model, dataset, document, document_body, step, edge, step_dataset, license_claim, closure, tree_count, closure_dataset, dataset_count";

class PostgresStore implements Store {
  readonly kind = "postgres" as const;
  readonly location: string;
  private readonly ex: Executor;

  /** Documents added since the last ANALYZE, and how many there were then (ANALYZE when it doubles). */
  private addedSinceAnalyze = 0;
  /** Set while this store bulk-loads an initially empty registry (postgres-bulk.ts); tried on the first batch. */
  private bulk: PgBulk | undefined;
  private bulkTried = false;

  constructor(
    private readonly pool: pg.Pool,
    location: Location,
    private readonly schemaVersion: number,
    private documentsAtAnalyze: number,
  ) {
    this.location = location.display;
    // Each statement's name and numbered text, made once (the prepared statement is then reused).
    const prepared = new Map<string, { name: string; text: string }>();
    const statement = (sql: string): { name: string; text: string } => {
      let found = prepared.get(sql);
      if (found === undefined) {
        const name = `ftl_${createHash("sha1").update(sql).digest("hex").slice(0, 20)}`;
        found = { name, text: numberedPlaceholders(sql) };
        prepared.set(sql, found);
      }
      return found;
    };
    this.ex = {
      dialect: "postgres",
      all: async <T>(sql: string, params: readonly unknown[]) => {
        await this.finishBulk();
        const result = await pool.query({ ...statement(sql), values: [...params] });
        return result.rows as T[];
      },
      // Without a pending bulk load, straight to the pool (no await of its own: at a registry's sub-millisecond
      // reads, ancestors at 2M, the extra promise and copies were ~0.1x of the bare walk's time).
      rows: (sql: string, params: readonly unknown[]) => {
        const { name, text } = statement(sql);
        const run = (): Promise<unknown[][]> =>
          pool
            .query({ name, text, values: params as unknown[], rowMode: "array" })
            .then((result) => result.rows as unknown[][]);
        return this.bulk === undefined ? run() : this.finishBulk().then(run);
      },
    };
  }

  async addDocuments(batch: readonly AddInput[]): Promise<AddSummary> {
    return this.addPlanned(
      batch.map((input) => ({
        plan: planDocument(input.document),
        source: input.source,
        ...(input.signature ? { signature: input.signature } : {}),
      })),
    );
  }

  async addPlanned(plans: readonly PlannedInput[], options: AddOptions = {}): Promise<AddSummary> {
    const addedAt = new Date().toISOString();
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock(hashtext('ftl-write:' || current_schema()))");
      const results = await this.write(client, plans, addedAt, options.bulk === true);
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
      // Earlier batches of a bulk load stay committed: they get their closure and indexes now (or on open),
      // also when this batch had ended the bulk load in its own transaction, now rolled back.
      this.bulk = undefined;
      if (this.bulkTried) await finishPending(this.pool).catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** One batch, in bulk mode (COPY) while it applies, else by the general path; inside the write lock. */
  private async write(
    client: pg.PoolClient,
    plans: readonly PlannedInput[],
    addedAt: string,
    bulkAllowed: boolean,
  ) {
    // Another writer ended this bulk load (its batches need the indexes): so does this one.
    if (this.bulk !== undefined && !(await bulkPending(client))) this.bulk = undefined;
    if (this.bulk === undefined && !this.bulkTried && bulkAllowed) {
      this.bulkTried = true;
      this.bulk = await enterPgBulk(client);
    }
    if (this.bulk?.canTake(plans)) return this.bulk.write(client, plans, addedAt);
    this.bulk = undefined;
    // Another writer's bulk load, or this one's that this batch ends: finished before the general path.
    await finishPgBulk(client);
    return writeBatch(client, [...plans], addedAt);
  }

  /** Ends this store's bulk load (closure, counts, indexes) in a transaction of its own. */
  private async finishBulk(): Promise<void> {
    if (this.bulk === undefined) return;
    this.bulk = undefined;
    await finishPending(this.pool);
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
    await this.finishBulk();
    // VACUUM marks the closure's pages all-visible, so that the model-tree view reads its index alone
    // (index-only scans); a freshly loaded table would make every scan visit the heap too.
    await this.pool.query("VACUUM (ANALYZE) closure, tree_count, closure_dataset, dataset_count");
    await this.pool.query(ANALYZE);
    this.documentsAtAnalyze += this.addedSinceAnalyze;
    this.addedSinceAnalyze = 0;
  }

  private closed = false;
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.finishBulk().catch(() => undefined);
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
    // A bulk load interrupted by a kill -9: its committed batches get their closure, counts and indexes.
    if (await bulkPending(client)) await finishPending(pool);
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
