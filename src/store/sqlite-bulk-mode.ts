/**
 * SQLite's bulk mode, as the store sees it: entered on the first batch into an empty registry (secondary
 * indexes dropped, their definitions noted in ftl_meta in the same transaction), checked at the start of every
 * later batch (another writer, or this load ended elsewhere, ends it), and ended by rebuilding what was left
 * to the end (sqlite-bulk.ts). While it lasts, the writer keeps in memory what the dropped indexes answered.
 */
import type Database from "better-sqlite3";
import { BULK_CLOSURE, BULK_INDEXES, finishBulkLoad } from "./sqlite-bulk.js";
import { SqliteBulkWriter } from "./sqlite-bulk-writer.js";

type Db = Database.Database;

/** What the writer keeps in memory while the secondary indexes are dropped. */
export interface BulkState {
  /** Model ids (every model of the registry) and the rows being collected. */
  writer: SqliteBulkWriter;
  /** hashKey → id(s) of the documents added in bulk mode (all the registry has). */
  hkeys: Map<number, number | number[]>;
  /** Model ids that are the subject of a document. */
  subjects: Set<number>;
}

export class SqliteBulkMode {
  /** Set while this store is bulk-loading an initially empty registry. */
  state: BulkState | undefined;
  /** Bulk mode is tried once, on the first batch. */
  private tried = false;

  constructor(
    private readonly db: Db,
    private readonly prepare: (sql: string) => Database.Statement,
  ) {}

  /**
   * Called at the start of every batch's transaction: enters bulk mode on the first batch into an empty
   * registry when `allowed`; later batches check that no other writer added documents meanwhile.
   */
  enterOrCheck(allowed: boolean): void {
    const pending = this.prepare("SELECT 1 FROM ftl_meta WHERE key = 'bulk_indexes'").get() !== undefined;
    if (this.state !== undefined) {
      const last = this.prepare("SELECT max(id) AS id FROM document").get() as { id: number | null };
      // Another writer added documents, or ended this bulk load (rebuilt the indexes): end it here too.
      if (!pending) this.end();
      else if ((last.id ?? 0) !== this.state.writer.last) this.finishInTransaction();
      return;
    }
    // Another writer is bulk-loading (its indexes are dropped): this writer needs them, so it rebuilds them
    // in its own transaction, which ends that bulk load (the other writer notices on its next batch).
    if (pending) finishBulkLoad(this.db);
    if (this.tried || !allowed) return;
    this.tried = true;
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
    this.state = { writer: new SqliteBulkWriter(this.db), hkeys: new Map(), subjects: new Set() };
  }

  /** Forgets bulk mode (what it noted is finished by whoever comes next). */
  end(): void {
    this.state = undefined;
  }

  /** Ends bulk mode inside the current transaction: rebuilds what the load left to its end. */
  finishInTransaction(): void {
    this.state?.writer.flush();
    this.end();
    finishBulkLoad(this.db);
  }

  /** Ends bulk mode, in its own transaction, if this store left it on. */
  finish(): void {
    if (this.state === undefined) return;
    this.end();
    this.db.transaction(() => finishBulkLoad(this.db)).immediate();
  }

  /** Is this content from this source stored? From memory (and a look-up by id on a match). */
  isStored(state: BulkState, hkey: number, hash: string, source: string): boolean {
    const known = state.hkeys.get(hkey);
    if (known === undefined) return false;
    state.writer.flush();
    const byId = this.prepare("SELECT 1 FROM document WHERE id = ? AND hash = ? AND source = ?");
    for (const id of typeof known === "number" ? [known] : known)
      if (byId.get(id, hash, source) !== undefined) return true;
    return false;
  }

  /** Notes a document written in bulk mode. */
  added(state: BulkState, hkey: number, subject: number, documentId: number): void {
    state.subjects.add(subject);
    const known = state.hkeys.get(hkey);
    if (known === undefined) state.hkeys.set(hkey, documentId);
    else if (typeof known === "number") state.hkeys.set(hkey, [known, documentId]);
    else known.push(documentId);
  }
}
