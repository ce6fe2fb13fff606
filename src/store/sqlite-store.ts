/**
 * The embedded registry: one SQLite file through better-sqlite3, in WAL mode. Each batch is one IMMEDIATE
 * transaction, so a crash (even kill -9) keeps every committed batch and none of a half-written one.
 *
 * Bulk mode (asked for by `ingest`: `addPlanned(…, { bulk: true })`, never by a single add, since other
 * processes do not see the graph until the load ends): the first batch into an empty registry drops the secondary indexes (model_name included) in its
 * own transaction and notes their definitions in ftl_meta `bulk_indexes` (and `bulk_closure`); while loading,
 * ids come from memory and rows go in by multi-row INSERTs (sqlite-bulk-writer.ts), and the closure waits.
 * The load ends (closure and counts built from the edges, indexes rebuilt sorted: sqlite-bulk.ts) before the
 * first query, on optimize()/close(), when another writer's documents appear, when a subject comes again
 * (older documents may have to be retired), after a failed batch, and on open after a kill -9.
 */
import type Database from "better-sqlite3";
import { type ApiTokens, apiTokens } from "./api-tokens.js";
import { storeErrorOf } from "./driver-errors.js";
import { type IntegrityIndex, integrityIndex } from "./integrity-index.js";
import { type DocumentPlan, hashKey, type PlannedInput, planDocument } from "./plan.js";
import * as q from "./queries.js";
import { search } from "./search.js";
import type { Executor } from "./sql.js";
import { finishBulkLoad } from "./sqlite-bulk.js";
import { SqliteBulkMode } from "./sqlite-bulk-mode.js";
import { SqliteClosure } from "./sqlite-closure.js";
import { SqliteNames } from "./sqlite-names.js";
import { checkIsRegistry, migrate, openDatabase, tune } from "./sqlite-open.js";
import { SqliteRows } from "./sqlite-rows.js";
import type { AddInput, AddOptions, AddResult, AddSummary, Store } from "./store.js";
import * as tree from "./tree-queries.js";

type Db = Database.Database;

class SqliteStore implements Store {
  readonly kind = "sqlite" as const;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly rawStatements = new Map<string, Database.Statement>();
  private readonly names: SqliteNames;
  private readonly ex: Executor;
  private readonly bulkMode: SqliteBulkMode;
  private readonly closure: SqliteClosure;
  private readonly rows: SqliteRows;

  constructor(
    private readonly db: Db,
    readonly location: string,
    private readonly schemaVersion: number,
  ) {
    const prepare = (sql: string): Database.Statement => this.prepare(sql);
    this.closure = new SqliteClosure(prepare);
    this.rows = new SqliteRows(prepare, this.closure);
    this.bulkMode = new SqliteBulkMode(db, prepare);
    this.names = new SqliteNames(prepare, () => this.bulkMode.state);
    this.ex = {
      dialect: "sqlite",
      all: async <T>(sql: string, params: readonly unknown[]) =>
        this.named(() => {
          this.bulkMode.finish();
          return prepare(sql).all(...params) as T[];
        }),
      rows: async (sql: string, params: readonly unknown[]) =>
        this.named(() => {
          this.bulkMode.finish();
          return this.prepareRaw(sql).all(...params) as unknown[][];
        }),
    };
  }

  /** Runs a driver call; its errors become StoreErrors that name the file (damaged, read-only, locked). */
  private named<T>(fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      throw storeErrorOf(this.location, error) ?? error;
    }
  }

  /** A statement in raw mode (rows as arrays), cached apart from the object-mode ones. */
  private prepareRaw(sql: string): Database.Statement {
    let statement = this.rawStatements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql).raw(true);
      this.rawStatements.set(sql, statement);
    }
    return statement;
  }

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Is this content from this source stored? In bulk mode from memory (and a look-up by id on a match). */
  private isStored(hkey: number, hash: string, source: string): boolean {
    const bulk = this.bulkMode.state;
    if (bulk !== undefined) return this.bulkMode.isStored(bulk, hkey, hash, source);
    const row = this.prepare("SELECT 1 FROM document WHERE hkey = ? AND hash = ? AND source = ?");
    return row.get(hkey, hash, source) !== undefined;
  }

  private addOne(
    plan: DocumentPlan,
    source: string,
    index: number,
    addedAt: string,
    signature?: AddInput["signature"],
  ): AddResult {
    const result: AddResult = {
      index,
      status: "duplicate",
      hash: plan.hash,
      subject: plan.subject,
      superseded: 0,
    };
    const hkey = hashKey(plan.hash);
    if (this.isStored(hkey, plan.hash, source)) return result;
    const subject = this.names.idOf("model", plan.subject);
    // A subject that already has a document may need older ones retired, which needs the indexes.
    if (this.bulkMode.state?.subjects.has(subject.id) === true && !subject.created)
      this.bulkMode.finishInTransaction();
    const bulk = this.bulkMode.state;
    if (bulk !== undefined) {
      const documentId = bulk.writer.add(
        plan,
        { hkey, source, subject: subject.id, addedAt },
        (name) => this.names.idOf("dataset", name).id,
        (id) => this.rows.integrity(plan, id, this.names.ids(plan), signature),
      );
      this.bulkMode.added(bulk, hkey, subject.id, documentId);
      result.status = "added";
      return result;
    }
    const inserted = this.prepare(
      "INSERT INTO document (hkey, hash, source, subject, added_at, current) VALUES (?, ?, ?, ?, ?, 1)",
    ).run(hkey, plan.hash, source, subject.id, addedAt);
    const documentId = Number(inserted.lastInsertRowid);
    this.prepare("INSERT INTO document_body (id, body) VALUES (?, ?)").run(documentId, plan.body);
    result.status = "added";
    if (!subject.created) {
      const older = this.prepare(
        "SELECT id FROM document WHERE subject = ? AND source = ? AND current = 1 AND id <> ?",
      ).all(subject.id, source, documentId) as { id: number }[];
      for (const { id } of older) this.rows.retire(id);
      result.superseded = older.length;
    }
    const ids = this.names.ids(plan);
    this.rows.steps(plan, documentId, ids, source);
    this.rows.integrity(plan, documentId, ids, signature);
    this.rows.claims(plan, documentId, ids);
    // Models named only as bases (no step uses them) are still registered.
    for (const name of plan.models.keys()) ids.model(name);
    return result;
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
    const write = this.db.transaction(() => {
      this.closure.reset();
      this.bulkMode.enterOrCheck(options.bulk === true);
      const results = plans.map(({ plan, source, signature }, i) =>
        this.addOne(plan, source, i, addedAt, signature),
      );
      // In bulk mode the closure waits for the end of the load (the edges are its input).
      this.bulkMode.state?.writer.flush();
      this.closure.finish();
      return results;
    });
    let results: AddResult[];
    try {
      results = this.named(() => write.immediate());
    } catch (error) {
      // Ids cached during the rolled-back transaction may not exist; nor may documents noted in bulk mode.
      this.names.clear();
      this.closure.reset();
      // Earlier batches of a bulk load stay committed: they get their closure and indexes before going on
      // (also when this batch had ended the bulk load, in its own transaction, now rolled back).
      this.bulkMode.end();
      try {
        this.db.transaction(() => finishBulkLoad(this.db)).immediate();
      } catch {
        // Finished on the next open instead; the batch's own error is the one to report.
      }
      throw error;
    }
    return {
      added: results.filter((r) => r.status === "added").length,
      duplicates: results.filter((r) => r.status === "duplicate").length,
      superseded: results.reduce((n, r) => n + r.superseded, 0),
      results,
    };
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
    const row = this.named(() =>
      this.prepare("SELECT value FROM ftl_meta WHERE key = ?").get(`ingest:${key}`),
    ) as { value: string } | undefined;
    return row?.value;
  }

  async setIngestMarker(key: string, value: string): Promise<void> {
    this.named(() =>
      this.prepare(
        "INSERT INTO ftl_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      ).run(`ingest:${key}`, value),
    );
  }

  async optimize(): Promise<void> {
    this.named(() => {
      this.bulkMode.finish();
      this.db.pragma("optimize");
    });
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    try {
      this.named(() => {
        this.bulkMode.finish();
        this.db.pragma("optimize");
      });
    } finally {
      this.db.close();
    }
  }
}

/** Opens (creating and migrating if needed) an SQLite registry file. */
export function openSqliteStore(path: string, options: { mustExist?: boolean } = {}): Store {
  const db = openDatabase(path, options.mustExist ?? false);
  try {
    checkIsRegistry(db, path);
    tune(db);
    const version = migrate(db, path);
    // A bulk load that was interrupted (kill -9) left its indexes dropped: the committed batches are whole,
    // only the indexes are missing. Rebuilt here, before anything reads or writes.
    if (db.prepare("SELECT 1 FROM ftl_meta WHERE key = 'bulk_indexes'").get() !== undefined)
      db.transaction(() => finishBulkLoad(db)).immediate();
    return new SqliteStore(db, path, version);
  } catch (error) {
    db.close();
    throw storeErrorOf(path, error) ?? error;
  }
}
