/** Where the registry lives: a file path (SQLite) or a `postgres://` URL (PostgreSQL). */
import { isAbsolute, join } from "node:path";
import { StoreError } from "./store.js";

/** The default registry file, relative to the working directory. */
export const DEFAULT_DB_PATH = ".ftl/registry.db";

export type StoreLocation =
  | { kind: "sqlite"; path: string }
  | { kind: "postgres"; url: string; schema?: string; display: string };

/**
 * Resolves `--db` / `FTL_DB` / the default into a location.
 *
 * @example
 * resolveLocation("postgres://localhost/test?schema=ftl") // { kind: "postgres", schema: "ftl", … }
 */
export function resolveLocation(
  location: string | undefined,
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): StoreLocation {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const raw = location ?? (env.FTL_DB && env.FTL_DB !== "" ? env.FTL_DB : DEFAULT_DB_PATH);
  if (/^postgres(ql)?:\/\//i.test(raw)) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new StoreError("invalid-location", `${raw}: not a valid postgres:// connection URL`);
    }
    const schema = url.searchParams.get("schema") ?? undefined;
    url.searchParams.delete("schema");
    if (schema !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema))
      throw new StoreError(
        "invalid-location",
        `${raw}: schema "${schema}" must be letters, digits and _ (not starting with a digit)`,
      );
    const shown = new URL(url.href);
    if (shown.password) shown.password = "***";
    if (schema !== undefined) shown.searchParams.set("schema", schema);
    return { kind: "postgres", url: url.href, display: shown.href, ...(schema ? { schema } : {}) };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw))
    throw new StoreError(
      "invalid-location",
      `${raw}: unsupported registry location; use a file path (SQLite) or postgres://…`,
    );
  return { kind: "sqlite", path: isAbsolute(raw) ? raw : join(cwd, raw) };
}
