/**
 * API tokens of `ftl serve`, kept in the registry (table `api_token`, schema version 4): a name, a scope and
 * the sha256 of the token — never the token itself. Written once over the store's query executor with
 * `RETURNING`, the same SQL on SQLite and PostgreSQL.
 */
import type { Executor } from "./sql.js";

export const TOKEN_SCOPES = ["read", "write"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** A token as listed: no secret, only the first characters people recognise it by. */
export interface ApiTokenInfo {
  name: string;
  scope: TokenScope;
  /** The token's first characters (`ftl_AbCd`), enough to recognise it, too few to use it. */
  hint: string;
  createdAt: string;
  /** Set once revoked; a revoked token is refused. */
  revokedAt?: string;
}

/** The registry's token table. */
export interface ApiTokens {
  /** Stores a new token's hash; false when the name is taken (revoked names included). */
  create(token: { name: string; scope: TokenScope; hash: string; hint: string }): Promise<boolean>;
  /** Every token, oldest first. */
  list(): Promise<ApiTokenInfo[]>;
  /** Revokes a token by name; false when no unrevoked token has that name. */
  revoke(name: string): Promise<boolean>;
  /** The name, scope and hash of every unrevoked token (the server compares hashes in constant time). */
  active(): Promise<{ name: string; scope: TokenScope; hash: string }[]>;
}

interface Row {
  name: string;
  scope: TokenScope;
  hint: string;
  created_at: string;
  revoked_at: string | null;
}

/** The token table over a store's executor (statements with `RETURNING` are reads to both drivers). */
export function apiTokens(ex: Executor): ApiTokens {
  return {
    async create(token) {
      const rows = await ex.all<{ name: string }>(
        `INSERT INTO api_token (name, scope, hash, hint, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (name) DO NOTHING RETURNING name`,
        [token.name, token.scope, token.hash, token.hint, new Date().toISOString()],
      );
      return rows.length === 1;
    },
    async list() {
      const rows = await ex.all<Row>(
        "SELECT name, scope, hint, created_at, revoked_at FROM api_token ORDER BY created_at, name",
        [],
      );
      return rows.map((r) => ({
        name: r.name,
        scope: r.scope,
        hint: r.hint,
        createdAt: r.created_at,
        ...(r.revoked_at ? { revokedAt: r.revoked_at } : {}),
      }));
    },
    async revoke(name) {
      const rows = await ex.all<{ name: string }>(
        "UPDATE api_token SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL RETURNING name",
        [new Date().toISOString(), name],
      );
      return rows.length === 1;
    },
    async active() {
      return ex.all<{ name: string; scope: TokenScope; hash: string }>(
        "SELECT name, scope, hash FROM api_token WHERE revoked_at IS NULL ORDER BY name",
        [],
      );
    },
  };
}
