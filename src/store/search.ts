/**
 * Prefix search over model and dataset ids, as index range scans: `name >= prefix AND name < upper`, where
 * `upper` is the prefix with its last character moved to the next code point. Both stores compare names in
 * code-point order (SQLite BINARY, PostgreSQL `COLLATE "C"`), so the range holds exactly the names that
 * start with the prefix; nothing is escaped because nothing is a pattern.
 */
import type { Executor } from "./sql.js";
import type { SearchOptions, SearchResult } from "./store.js";

/** Default number of ids per kind. */
export const DEFAULT_SEARCH_LIMIT = 20;
/** Most ids per kind a search returns. */
export const MAX_SEARCH_LIMIT = 1000;

/**
 * The smallest string greater than every string that starts with `prefix`, or undefined when there is none
 * (an empty prefix, or one made only of U+10FFFF).
 *
 * @example
 * prefixUpperBound("meta-llama/") // "meta-llama0"
 */
export function prefixUpperBound(prefix: string): string | undefined {
  const points = [...prefix].map((c) => c.codePointAt(0) as number);
  while (points.length > 0) {
    const last = points.pop() as number;
    if (last >= 0x10ffff) continue;
    // Surrogate code points never occur in stored (UTF-8) text: step over them.
    const next = last + 1 === 0xd800 ? 0xe000 : last + 1;
    return String.fromCodePoint(...points, next);
  }
  return undefined;
}

/** ASCII letters to lower case, as SQLite's lower() and PostgreSQL's lower() under `COLLATE "C"` do. */
export function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

function searchLimit(options: SearchOptions | undefined): number {
  const limit = options?.limit ?? DEFAULT_SEARCH_LIMIT;
  if (!Number.isInteger(limit) || limit < 0)
    throw new RangeError(`limit must be a whole number ≥ 0, got ${limit}`);
  return Math.min(limit, MAX_SEARCH_LIMIT);
}

/** One kind's ids in [prefix, upper), in code-point order, named models only. */
async function range(
  ex: Executor,
  table: "model" | "dataset",
  column: string,
  prefix: string,
  limit: number,
): Promise<string[]> {
  if (limit === 0) return [];
  const upper = prefixUpperBound(prefix);
  const named = table === "model" ? " AND anonymous = 0" : "";
  const rows = await ex.all<{ name: string }>(
    `SELECT name FROM ${table} WHERE ${column} >= ?${upper === undefined ? "" : ` AND ${column} < ?`}${named}
ORDER BY ${column}, name LIMIT ?`,
    upper === undefined ? [prefix, limit] : [prefix, upper, limit],
  );
  return rows.map((r) => r.name);
}

/**
 * Model and dataset ids that start with `prefix` (models without a name of their own, `subject#step`,
 * left out), at most `limit` of each kind, sorted. With `ignoreCase`, ASCII letters match either case
 * (through the lower-cased name index of schema 3).
 */
export async function search(
  ex: Executor,
  prefix: string,
  options: SearchOptions = {},
): Promise<SearchResult> {
  const limit = searchLimit(options);
  const kind = options.kind ?? "all";
  const ignoreCase = options.ignoreCase === true;
  const column = ignoreCase ? "lower(name)" : "name";
  const needle = ignoreCase ? asciiLower(prefix) : prefix;
  const [models, datasets] = await Promise.all([
    kind === "dataset" ? [] : range(ex, "model", column, needle, limit),
    kind === "model" ? [] : range(ex, "dataset", column, needle, limit),
  ]);
  return { models, datasets };
}
