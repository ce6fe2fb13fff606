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
import { stepBits } from "./closure.js";
import { storeErrorOf } from "./driver-errors.js";
import { type IntegrityIndex, integrityIndex } from "./integrity-index.js";
import { type DocumentPlan, hashKey, type PlannedInput, planDocument, RELATION_CODES } from "./plan.js";
import * as q from "./queries.js";
import { search } from "./search.js";
import type { Executor } from "./sql.js";
import { BULK_CLOSURE, BULK_INDEXES, finishBulkLoad } from "./sqlite-bulk.js";
import { SqliteBulkWriter } from "./sqlite-bulk-writer.js";
import { SqliteClosure } from "./sqlite-closure.js";
import { checkIsRegistry, migrate, openDatabase, tune } from "./sqlite-open.js";
import type { AddInput, AddOptions, AddResult, AddSummary, Store } from "./store.js";
import * as tree from "./tree-queries.js";

type Db = Database.Database;

/**
 * Name → id caches are dropped when they grow past this (they only save lookups; popular bases come back at
 * once). Bounded so that a 2M-model load stays well under 2 GB with SQLite's own cache and memory map.
 */
const CACHE_LIMIT = 500_000;

/** What the writer keeps in memory while the secondary indexes are dropped (bulk load into an empty registry). */
interface BulkState {
  /** Model ids (every model of the registry) and the rows being collected. */
  writer: SqliteBulkWriter;
  /** hashKey → id(s) of the documents added in bulk mode (all the registry has). */
  hkeys: Map<number, number | number[]>;
  /** Model ids that are the subject of a document. */
  subjects: Set<number>;
}

class SqliteStore implements Store {
  readonly kind = "sqlite" as const;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly rawStatements = new Map<string, Database.Statement>();
  private readonly modelIds = new Map<string, number>();
  private readonly datasetIds = new Map<string, number>();
  private readonly ex: Executor;
  /** Set while this store is bulk-loading an initially empty registry (secondary indexes dropped). */
  private bulk: BulkState | undefined;
  /** Bulk mode is tried once, on the first batch. */
  private bulkTried = false;
  private readonly closure: SqliteClosure;

  constructor(
    private readonly db: Db,
    readonly location: string,
    private readonly schemaVersion: number,
  ) {
    const prepare = (sql: string): Database.Statement => this.prepare(sql);
    this.closure = new SqliteClosure(prepare);
    this.ex = {
      dialect: "sqlite",
      all: async <T>(sql: string, params: readonly unknown[]) =>
        this.named(() => {
          this.finishBulk();
          return prepare(sql).all(...params) as T[];
        }),
      rows: async (sql: string, params: readonly unknown[]) =>
        this.named(() => {
          this.finishBulk();
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

  /** The id of a name, inserting it if new; `created` tells whether this call inserted it. */
  private idOf(
    table: "model" | "dataset",
    cache: Map<string, number>,
    name: string,
    anonymous = false,
  ): { id: number; created: boolean } {
    // Bulk mode: every model of the registry is in memory, and model_name is dropped.
    if (table === "model" && this.bulk !== undefined) return this.bulk.writer.modelId(name, anonymous);
    const cached = cache.get(name);
    if (cached !== undefined) return { id: cached, created: false };
    const insert =
      table === "model"
        ? this.prepare("INSERT INTO model (name, anonymous) VALUES (?, ?) ON CONFLICT (name) DO NOTHING").run(
            name,
            anonymous ? 1 : 0,
          )
        : this.prepare("INSERT INTO dataset (name) VALUES (?) ON CONFLICT (name) DO NOTHING").run(name);
    let id: number;
    if (insert.changes > 0) id = Number(insert.lastInsertRowid);
    else id = (this.prepare(`SELECT id FROM ${table} WHERE name = ?`).get(name) as { id: number }).id;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(name, id);
    return { id, created: insert.changes > 0 };
  }

  /** Is this content from this source stored? In bulk mode from memory (and a look-up by id on a match). */
  private isStored(hkey: number, hash: string, source: string): boolean {
    if (this.bulk === undefined)
      return (
        this.prepare("SELECT 1 FROM document WHERE hkey = ? AND hash = ? AND source = ?").get(
          hkey,
          hash,
          source,
        ) !== undefined
      );
    const known = this.bulk.hkeys.get(hkey);
    if (known === undefined) return false;
    this.bulk.writer.flush();
    const byId = this.prepare("SELECT 1 FROM document WHERE id = ? AND hash = ? AND source = ?");
    for (const id of typeof known === "number" ? [known] : known)
      if (byId.get(id, hash, source) !== undefined) return true;
    return false;
  }

  /**
   * Called at the start of every batch's transaction. On the first batch into an empty registry, drops the
   * secondary indexes (noting their definitions in ftl_meta, in the same transaction) and keeps what the
   * writer looks up in memory instead; the indexes are rebuilt, sorted, by {@link finishBulk}. Later
   * batches check that no other writer added documents meanwhile (else bulk mode ends at once).
   */
  private enterOrCheckBulk(allowed: boolean): void {
    const pending = this.prepare("SELECT 1 FROM ftl_meta WHERE key = 'bulk_indexes'").get() !== undefined;
    if (this.bulk !== undefined) {
      const last = this.prepare("SELECT max(id) AS id FROM document").get() as { id: number | null };
      // Another writer added documents, or ended this bulk load (rebuilt the indexes): end it here too.
      if (!pending) this.endBulk();
      else if ((last.id ?? 0) !== this.bulk.writer.last) this.finishBulkInTransaction();
      return;
    }
    // Another writer is bulk-loading (its indexes are dropped): this writer needs them, so it rebuilds them
    // in its own transaction, which ends that bulk load (the other writer notices on its next batch).
    if (pending) finishBulkLoad(this.db);
    if (this.bulkTried || !allowed) return;
    this.bulkTried = true;
    if (this.prepare("SELECT 1 FROM document LIMIT 1").get() !== undefined) return;
    if (this.prepare("SELECT 1 FROM model LIMIT 1").get() !== undefined) return;
    const indexes = this.db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
      .all() as { name: string; sql: string }[];
    const note = this.db.prepare("INSERT INTO ftl_meta (key, value) VALUES (?, ?)");
    note.run(BULK_INDEXES, JSON.stringify(indexes));
    // The closure and the counts are built once, from the edges, when the load ends (sqlite-bulk.ts).
    note.run(BULK_CLOSURE, "1");
    for (const index of indexes) this.db.exec(`DROP INDEX "${index.name}"`);
    this.bulk = { writer: new SqliteBulkWriter(this.db), hkeys: new Map(), subjects: new Set() };
  }

  private endBulk(): void {
    this.bulk = undefined;
  }

  /** Ends bulk mode inside the current transaction: rebuilds the dropped indexes. */
  private finishBulkInTransaction(): void {
    this.bulk?.writer.flush();
    this.endBulk();
    finishBulkLoad(this.db);
  }

  /** Ends bulk mode (in its own transaction) if this store, or an interrupted earlier one, left it on. */
  private finishBulk(): void {
    if (this.bulk === undefined) return;
    this.endBulk();
    this.db.transaction(() => finishBulkLoad(this.db)).immediate();
  }

  /** Takes a document out of the graph (its row and body stay, as history). */
  private retire(documentId: number): void {
    const steps = this.prepare("SELECT id, output FROM step WHERE document = ?").all(documentId) as {
      id: number;
      output: number;
    }[];
    for (const step of steps) {
      this.closure.edgeRemoved(step.output);
      this.prepare("DELETE FROM edge WHERE child = ? AND step = ?").run(step.output, step.id);
      this.prepare("DELETE FROM step_dataset WHERE step = ?").run(step.id);
    }
    this.prepare("DELETE FROM step WHERE document = ?").run(documentId);
    this.prepare("DELETE FROM license_claim WHERE document = ?").run(documentId);
    this.prepare("DELETE FROM artefact_digest WHERE document = ?").run(documentId);
    this.prepare("UPDATE document SET current = 0 WHERE id = ?").run(documentId);
  }

  private addOne(
    plan: DocumentPlan,
    source: string,
    index: number,
    addedAt: string,
    signature?: AddInput["signature"],
  ): AddResult {
    const modelId = (name: string) =>
      this.idOf("model", this.modelIds, name, plan.models.get(name) ?? false).id;
    const result: AddResult = {
      index,
      status: "duplicate",
      hash: plan.hash,
      subject: plan.subject,
      superseded: 0,
    };
    const hkey = hashKey(plan.hash);
    if (this.isStored(hkey, plan.hash, source)) return result;
    const subject = this.idOf("model", this.modelIds, plan.subject);
    // A subject that already has a document may need older ones retired, which needs the indexes.
    if (this.bulk !== undefined && !subject.created && this.bulk.subjects.has(subject.id))
      this.finishBulkInTransaction();
    if (this.bulk !== undefined) {
      const documentId = this.bulk.writer.add(
        plan,
        { hkey, source, subject: subject.id, addedAt },
        (name) => this.idOf("dataset", this.datasetIds, name).id,
        (id) => this.addIntegrity(plan, id, signature),
      );
      this.bulk.subjects.add(subject.id);
      const known = this.bulk.hkeys.get(hkey);
      if (known === undefined) this.bulk.hkeys.set(hkey, documentId);
      else if (typeof known === "number") this.bulk.hkeys.set(hkey, [known, documentId]);
      else known.push(documentId);
      result.status = "added";
      return result;
    }
    const inserted = this.prepare(
      "INSERT INTO document (hkey, hash, source, subject, added_at, current, body) VALUES (?, ?, ?, ?, ?, 1, ?)",
    ).run(hkey, plan.hash, source, subject.id, addedAt, plan.body);
    const documentId = Number(inserted.lastInsertRowid);
    result.status = "added";
    if (!subject.created) {
      const older = this.prepare(
        "SELECT id FROM document WHERE subject = ? AND source = ? AND current = 1 AND id <> ?",
      ).all(subject.id, source, documentId) as { id: number }[];
      for (const { id } of older) this.retire(id);
      result.superseded = older.length;
    }
    const insertStep = this.prepare(
      `INSERT INTO step (document, step_id, kind, name, objective, parameterization, method, hyperparameters, output)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertEdge = this.prepare(
      "INSERT INTO edge (parent, child, step, relation, bits) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
    );
    const insertStepDataset = this.prepare(
      "INSERT INTO step_dataset (step, dataset) VALUES (?, ?) ON CONFLICT DO NOTHING",
    );
    for (const step of plan.steps) {
      const output = modelId(step.output);
      const stepRow = insertStep.run(
        documentId,
        step.stepId,
        step.kind,
        step.name ?? null,
        step.objective ?? null,
        step.parameterization ?? null,
        step.method ?? null,
        step.hyperparameters ?? null,
        output,
      );
      const stepId = Number(stepRow.lastInsertRowid);
      const relation = RELATION_CODES[step.relation];
      const bits = stepBits(step);
      for (const input of step.inputs) {
        const parent = modelId(input);
        if (insertEdge.run(parent, output, stepId, relation, bits).changes > 0)
          this.closure.edgeAdded(output, { parent, relation, bits, step: stepId });
      }
      for (const dataset of step.datasets)
        insertStepDataset.run(stepId, this.idOf("dataset", this.datasetIds, dataset).id);
    }
    this.addIntegrity(plan, documentId, signature);
    const insertClaim = this.prepare(
      "INSERT INTO license_claim (kind, entity, document, license, license_name, license_link) VALUES (?, ?, ?, ?, ?, ?)",
    );
    for (const claim of plan.modelLicenses)
      insertClaim.run(
        0,
        modelId(claim.entity),
        documentId,
        claim.license,
        claim.licenseName ?? null,
        claim.licenseLink ?? null,
      );
    for (const claim of plan.datasetLicenses)
      insertClaim.run(
        1,
        this.idOf("dataset", this.datasetIds, claim.entity).id,
        documentId,
        claim.license,
        claim.licenseName ?? null,
        claim.licenseLink ?? null,
      );
    // Models named only as bases (no step uses them) are still registered.
    for (const name of plan.models.keys()) modelId(name);
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
      this.enterOrCheckBulk(options.bulk === true);
      const results = plans.map(({ plan, source, signature }, i) =>
        this.addOne(plan, source, i, addedAt, signature),
      );
      // In bulk mode the closure waits for the end of the load (the edges are its input).
      this.bulk?.writer.flush();
      this.closure.finish();
      return results;
    });
    let results: AddResult[];
    try {
      results = this.named(() => write.immediate());
    } catch (error) {
      // Ids cached during the rolled-back transaction may not exist; nor may documents noted in bulk mode.
      this.modelIds.clear();
      this.datasetIds.clear();
      this.closure.reset();
      // Earlier batches of a bulk load stay committed: they get their closure and indexes before going on
      // (also when this batch had ended the bulk load, in its own transaction, now rolled back).
      this.endBulk();
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

  /** The document's digests and signature, beside its other rows. */
  private addIntegrity(plan: DocumentPlan, documentId: number, signature?: AddInput["signature"]): void {
    if (plan.digests.length > 0) {
      const insert = this.prepare(
        "INSERT INTO artefact_digest (value, algorithm, kind, entity, document, step_id, path) VALUES (?, ?, ?, ?, ?, ?, ?)",
      );
      for (const r of plan.digests) {
        const entity =
          r.kind === 0
            ? this.idOf("model", this.modelIds, r.entity, plan.models.get(r.entity) ?? false).id
            : this.idOf("dataset", this.datasetIds, r.entity).id;
        insert.run(r.value, r.algorithm, r.kind, entity, documentId, r.stepId, r.path);
      }
    }
    if (signature)
      this.prepare(
        "INSERT INTO document_signature (document, key_id, verified, envelope) VALUES (?, ?, ?, ?)",
      ).run(documentId, signature.keyId ?? null, signature.verified ? 1 : 0, signature.envelope);
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
      this.finishBulk();
      this.db.pragma("optimize");
    });
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    try {
      this.named(() => {
        this.finishBulk();
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
