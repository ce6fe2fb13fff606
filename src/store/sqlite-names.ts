/**
 * Model and dataset ids of an SQLite registry (sqlite-store.ts): a name's id, inserted when new, with bounded
 * name → id caches; in bulk mode model ids come from the bulk writer's memory (model_name is dropped then).
 */
import type Database from "better-sqlite3";
import type { DocumentPlan } from "./plan.js";
import type { BulkState } from "./sqlite-bulk-mode.js";
import type { Ids } from "./sqlite-rows.js";

/**
 * Name → id caches are dropped when they grow past this (they only save lookups; popular bases come back at
 * once). Bounded so that a 2M-model load stays well under 2 GB with SQLite's own cache and memory map.
 */
const CACHE_LIMIT = 500_000;

export class SqliteNames {
  private readonly caches = { model: new Map<string, number>(), dataset: new Map<string, number>() };

  constructor(
    private readonly prepare: (sql: string) => Database.Statement,
    private readonly bulk: () => BulkState | undefined,
  ) {}

  /** The id of a name, inserting it if new; `created` tells whether this call inserted it. */
  idOf(table: "model" | "dataset", name: string, anonymous = false): { id: number; created: boolean } {
    // Bulk mode: every model of the registry is in memory, and model_name is dropped.
    const bulk = this.bulk();
    if (table === "model" && bulk !== undefined) return bulk.writer.modelId(name, anonymous);
    const cache = this.caches[table];
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

  /** Ids of the names a document uses (models marked anonymous as its plan says). */
  ids(plan: DocumentPlan): Ids {
    return {
      model: (name) => this.idOf("model", name, plan.models.get(name) ?? false).id,
      dataset: (name) => this.idOf("dataset", name).id,
    };
  }

  /** Forgets cached ids (after a rolled-back batch, whose ids may not exist). */
  clear(): void {
    this.caches.model.clear();
    this.caches.dataset.clear();
  }
}
