/**
 * Tokens for the API: `ftl_` + 32 random bytes (base64url). The registry keeps only their sha256; a presented
 * token is hashed and compared with every stored hash in constant time (no early exit on the first match).
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { TokenScope } from "../../store/api-tokens.js";

const PREFIX = "ftl_";
/** Characters of a token shown by `ftl token list` to recognise it. */
const HINT_LENGTH = PREFIX.length + 4;

/** A token name: what `--name` accepts. */
export const TOKEN_NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

/** A new random token, its hash and its hint. */
export function newToken(): { token: string; hash: string; hint: string } {
  const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashToken(token), hint: token.slice(0, HINT_LENGTH) };
}

/** sha256 of a token, hex. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/**
 * The stored token a presented one matches, comparing its hash with every candidate in constant time.
 *
 * @example
 * const who = matchToken(header.slice(7), await store.tokens.active());
 */
export function matchToken<T extends { hash: string }>(
  presented: string,
  candidates: readonly T[],
): T | undefined {
  const hash = Buffer.from(hashToken(presented), "hex");
  let found: T | undefined;
  for (const candidate of candidates) {
    const stored = Buffer.from(candidate.hash, "hex");
    // Every stored hash is 32 bytes; a damaged row of another length is skipped without comparing.
    if (stored.length === hash.length && timingSafeEqual(stored, hash) && found === undefined)
      found = candidate;
  }
  return found;
}

/** Does a token of this scope allow an operation that needs `needed`? (write implies read) */
export function allows(scope: TokenScope, needed: TokenScope): boolean {
  return scope === "write" || needed === "read";
}
