/**
 * The little that differs between SQLite and PostgreSQL in read queries: placeholders, list parameters and
 * JSON aggregation. Queries are written once with `?` placeholders; the executor adapts them.
 */

export interface Executor {
  readonly dialect: "sqlite" | "postgres";
  /** Runs a read query with `?` placeholders and returns its rows. */
  all<T>(sql: string, params: readonly unknown[]): Promise<T[]>;
  /** The same, each row as an array of its columns in order (no object per row: cheaper for wide rows). */
  rows?(sql: string, params: readonly unknown[]): Promise<unknown[][]>;
}

/** Rows as arrays of their columns, through {@link Executor.rows} when the executor has it. */
export async function rowsOf(ex: Executor, sql: string, params: readonly unknown[]): Promise<unknown[][]> {
  if (ex.rows !== undefined) return ex.rows(sql, params);
  return (await ex.all<Record<string, unknown>>(sql, params)).map((row) => Object.values(row));
}

/** A subquery yielding the members of a list parameter (use as `x IN (${inList(ex, "int")})`). */
export function inList(ex: Executor, type: "int" | "text"): string {
  if (ex.dialect === "sqlite") return "SELECT value FROM json_each(?)";
  return `SELECT unnest(CAST(? AS ${type === "int" ? "integer[]" : "text[]"}))`;
}

/** The parameter value for {@link inList}. */
export function listParam(ex: Executor, values: readonly (string | number)[]): unknown {
  return ex.dialect === "sqlite" ? JSON.stringify(values) : values;
}

/** Aggregates an expression into a JSON array (parse the result with {@link parseJsonArray}). */
export function jsonArrayAgg(ex: Executor, expr: string): string {
  return ex.dialect === "sqlite" ? `json_group_array(${expr})` : `json_agg(${expr})`;
}

/** SQLite returns JSON as text, pg parses it: both become a string array (nulls dropped). */
export function parseJsonArray(value: unknown): string[] {
  const parsed: unknown = typeof value === "string" ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === "string") : [];
}

/** Converts `?` placeholders to `$1, $2 …` (none of ftl's queries has a `?` inside a string literal). */
export function numberedPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
