/**
 * The floor: bare recursive SQL over the store's own tables (`model`, `edge`, `step`, `step_dataset`,
 * `dataset`, see src/store/migrations.ts), answering each question with the least work — a set of names, no
 * steps, no depths beyond what the question needs. ftl's figure divided by the floor's is its overhead.
 * For the model-tree view the floor is a walk that stops after 51 rows (no counts, no order); for search, the
 * same index range scan ftl runs, without the lower-case variant.
 */
import Database from "better-sqlite3";
import pg from "pg";

export const FLOOR_SQL = {
  ancestors: `WITH RECURSIVE walk(node) AS (
  SELECT id FROM model WHERE name = ?
  UNION
  SELECT e.parent FROM walk w JOIN edge e ON e.child = w.node
) SELECT m.name FROM walk w JOIN model m ON m.id = w.node`,
  descendants: `WITH RECURSIVE walk(node) AS (
  SELECT id FROM model WHERE name = ?
  UNION
  SELECT e.child FROM walk w JOIN edge e ON e.parent = w.node
) SELECT m.name FROM walk w JOIN model m ON m.id = w.node`,
  firstPage: `WITH RECURSIVE walk(node) AS (
  SELECT id FROM model WHERE name = ?
  UNION
  SELECT e.child FROM walk w JOIN edge e ON e.parent = w.node
) SELECT m.name FROM walk w JOIN model m ON m.id = w.node LIMIT 51`,
  searchModels: "SELECT name FROM model WHERE name >= ? AND name < ? ORDER BY name LIMIT 20",
  searchDatasets: "SELECT name FROM dataset WHERE name >= ? AND name < ? ORDER BY name LIMIT 20",
  popularDataset: `SELECT ds.name FROM step_dataset sd JOIN dataset ds ON ds.id = sd.dataset
GROUP BY ds.name ORDER BY COUNT(*) DESC, ds.name LIMIT 1`,
  descendantCount: `WITH RECURSIVE walk(node) AS (
  SELECT id FROM model WHERE name = ?
  UNION
  SELECT e.child FROM walk w JOIN edge e ON e.parent = w.node
) SELECT CAST(COUNT(*) - 1 AS TEXT) FROM walk`,
  trainedOn: `WITH RECURSIVE walk(node) AS (
  SELECT s.output FROM dataset d JOIN step_dataset sd ON sd.dataset = d.id JOIN step s ON s.id = sd.step WHERE d.name = ?
  UNION
  SELECT e.child FROM walk w JOIN edge e ON e.parent = w.node
) SELECT m.name FROM walk w JOIN model m ON m.id = w.node`,
  datasets: `WITH RECURSIVE walk(node) AS (
  SELECT id FROM model WHERE name = ?
  UNION
  SELECT e.parent FROM walk w JOIN edge e ON e.child = w.node
) SELECT DISTINCT ds.name FROM walk w JOIN step s ON s.output = w.node
  JOIN step_dataset sd ON sd.step = s.id JOIN dataset ds ON ds.id = sd.dataset`,
  common: `WITH RECURSIVE a(node, depth) AS (
  SELECT id, 0 FROM model WHERE name = ?
  UNION
  SELECT e.parent, a.depth + 1 FROM a JOIN edge e ON e.child = a.node WHERE a.depth < 256
), b(node, depth) AS (
  SELECT id, 0 FROM model WHERE name = ?
  UNION
  SELECT e.parent, b.depth + 1 FROM b JOIN edge e ON e.child = b.node WHERE b.depth < 256
) SELECT m.name AS name, MIN(a.depth) + MIN(b.depth) AS total
FROM a JOIN b ON a.node = b.node JOIN model m ON m.id = a.node
GROUP BY m.name ORDER BY total, m.name LIMIT 1`,
} as const;

export type FloorQuery = keyof typeof FLOOR_SQL;

/** Runs floor queries; returns the rows' first column. */
export interface Floor {
  run(query: FloorQuery, params: readonly string[]): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * A second, read-only connection to the SQLite file, with prepared statements. Joins become `CROSS JOIN`,
 * which SQLite runs in the order written (walk first, then index lookups): without `ANALYZE` statistics its
 * planner may otherwise scan `model` or `dataset` whole, which would be no floor at all.
 */
export function sqliteFloor(path: string): Floor {
  const db = new Database(path, { readonly: true });
  db.pragma("cache_size = -131072");
  const statements = new Map(
    Object.entries(FLOOR_SQL).map(
      ([name, sql]) => [name, db.prepare(sql.replaceAll(" JOIN ", " CROSS JOIN ")).pluck()] as const,
    ),
  );
  return {
    run: async (query, params) => statements.get(query)?.all(...params) as string[],
    close: async () => {
      db.close();
    },
  };
}

/**
 * A pg client on the store's schema, with named prepared statements. PostgreSQL cannot estimate how many rows
 * a recursive walk yields and often plans hash joins over whole-table scans of `edge` and `model` for every
 * level; a walk from one node is cheapest as index lookups, so this session turns hash and merge joins off.
 */
export async function postgresFloor(url: string, schema: string): Promise<Floor> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`SET search_path TO ${schema}`);
  await client.query("SET enable_hashjoin = off");
  await client.query("SET enable_mergejoin = off");
  const numbered = (sql: string): string => {
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
  };
  return {
    run: async (query, params) => {
      const result = await client.query({
        name: `floor_${query}`,
        text: numbered(FLOOR_SQL[query]),
        values: [...params],
        rowMode: "array",
      });
      return result.rows.map((row: unknown[]) => String(row[0]));
    },
    close: () => client.end(),
  };
}
