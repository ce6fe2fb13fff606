/** The OMS root digest: SHA-256 over the raw (32-byte) per-resource digests, concatenated in order. */
import { createHash } from "node:crypto";

/**
 * Root digest of resources already in canonical order.
 *
 * @example
 * rootDigest([{ digest: "bc9a…" }, { digest: "32dc…" }]) // hex SHA-256 of the 64 raw bytes
 */
export function rootDigest(resources: readonly { digest: string }[]): string {
  const hash = createHash("sha256");
  for (const r of resources) hash.update(Buffer.from(r.digest, "hex"));
  return hash.digest("hex");
}
