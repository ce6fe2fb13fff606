/**
 * Who may do what: writes always need a `write` token; reads are open unless the server was started with
 * `--read-token-required`. Tokens come as `Authorization: Bearer ftl_…`. The list of unrevoked token hashes
 * is read from the registry at most once a second (and again, at most ten times a second, for a token no
 * cached hash matches), so a new token works within a tenth of a second and a revoked one (by `ftl token`,
 * or on another server over the same PostgreSQL database) stops working within a second.
 */
import type { MiddlewareHandler } from "hono";
import type { TokenScope } from "../store/api-tokens.js";
import type { Store } from "../store/store.js";
import { ApiError } from "./errors.js";
import { allows, matchToken } from "./tokens/token.js";

/** How long the list of active token hashes is reused. */
const CACHE_MS = 1000;
/** A token no cached hash matches re-reads a list older than this (at most 10 reads a second). */
const MISS_MS = 100;

export interface AuthOptions {
  readTokenRequired: boolean;
}

export type AuthVariables = { tokenName: string | undefined };

type ActiveToken = { name: string; scope: TokenScope; hash: string };

/**
 * A function that returns the unrevoked tokens, cached for {@link CACHE_MS}; `fresh` re-reads a list older
 * than {@link MISS_MS} (a token no cached hash matches may have just been created).
 */
function activeTokens(store: Store): (fresh?: boolean) => Promise<ActiveToken[]> {
  let cached: { at: number; tokens: Promise<ActiveToken[]> } | undefined;
  return (fresh = false) => {
    const now = Date.now();
    const age = cached === undefined ? Number.POSITIVE_INFINITY : now - cached.at;
    if (cached === undefined || age > CACHE_MS || (fresh && age > MISS_MS)) {
      const tokens = store.tokens.active();
      cached = { at: now, tokens };
      tokens.catch(() => {
        cached = undefined;
      });
    }
    return cached.tokens;
  };
}

/** The presented bearer token, or undefined when there is none; a malformed header is a 401. */
function bearer(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer[ \t]+(\S{1,512})[ \t]*$/i.exec(header);
  if (!match) throw new ApiError(401, "unauthorized", "the Authorization header must be 'Bearer TOKEN'");
  return match[1];
}

/**
 * Middleware that checks the token a request needs: `write` for POST, `read` (only when required) for the rest.
 *
 * @example
 * app.use("/api/v1/*", requireToken(store, { readTokenRequired: false }));
 */
export function requireToken(
  store: Store,
  options: AuthOptions,
): MiddlewareHandler<{ Variables: AuthVariables }> {
  const tokens = activeTokens(store);
  return async (c, next) => {
    // Other methods than these are answered 404 or 405 whoever asks.
    if (!["GET", "HEAD", "POST"].includes(c.req.method)) return next();
    const needed: TokenScope = c.req.method === "POST" ? "write" : "read";
    const presented = bearer(c.req.header("authorization"));
    if (presented === undefined) {
      if (needed === "read" && !options.readTokenRequired) return next();
      throw new ApiError(
        401,
        "unauthorized",
        needed === "write"
          ? "writing needs a token with the write scope"
          : "this server requires a read token",
      );
    }
    const token = matchToken(presented, await tokens()) ?? matchToken(presented, await tokens(true));
    if (token === undefined)
      throw new ApiError(401, "unauthorized", "the token is not valid (unknown or revoked)");
    if (!allows(token.scope, needed))
      throw new ApiError(
        403,
        "forbidden",
        `the token '${token.name}' has the ${token.scope} scope; writing needs write`,
      );
    c.set("tokenName", token.name);
    return next();
  };
}
