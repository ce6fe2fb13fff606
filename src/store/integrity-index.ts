/**
 * The registry's integrity tables (schema version 5): `artefact_digest`, the digests current documents record
 * (found by `ftl query by-digest`), and `document_signature`, the DSSE envelope a signed lineage came in
 * (`ftl add lineage.sig.json`). Both are written in the add's transaction, beside the licence claims, and
 * dropped with them when a document stops being current.
 */
import { type Executor, inList, listParam } from "./sql.js";

/** What a digest belongs to. */
export interface DigestHit {
  kind: "model" | "dataset";
  /** The model's or dataset's id. */
  id: string;
  /** The step whose output it is, when the document says. */
  step?: string;
  /** The file inside the checkpoint, for a per-file digest. */
  path?: string;
  algorithm: string;
  value: string;
  /** The document that records it: its content hash and source. */
  document: { hash: string; source: string; subject: string };
}

/** A stored document's signature: who signed it (the key id the envelope names) and the envelope itself. */
export interface StoredSignature {
  keyId?: string;
  /** The DSSE envelope as JSON text, exactly as it came. */
  envelope: string;
  /** Whether `ftl add --key` verified it before storing it. */
  verified: boolean;
}

export interface IntegrityIndex {
  /** Every artefact of a current document with this digest (hex, any case; a `sha256:` prefix is allowed). */
  byDigest(digest: string): Promise<DigestHit[]>;
  /** The signatures of stored documents, by content hash (unsigned documents are absent). */
  signatures(hashes: readonly string[]): Promise<Map<string, StoredSignature>>;
}

/** Splits `sha256:abc…` into algorithm and value; a bare hex value has no algorithm. */
export function parseDigest(digest: string): { algorithm?: string; value: string } {
  const colon = digest.indexOf(":");
  const value = (colon === -1 ? digest : digest.slice(colon + 1)).trim().toLowerCase();
  return colon === -1 ? { value } : { algorithm: digest.slice(0, colon).trim().toLowerCase(), value };
}

interface HitRow {
  kind: number;
  entity: string;
  step_id: string | null;
  path: string | null;
  algorithm: string;
  value: string;
  hash: string;
  source: string;
  subject: string;
}

export function integrityIndex(ex: Executor): IntegrityIndex {
  return {
    async byDigest(digest) {
      const { algorithm, value } = parseDigest(digest);
      const rows = await ex.all<HitRow>(
        `SELECT a.kind, COALESCE(m.name, ds.name) AS entity, a.step_id, a.path, a.algorithm, a.value,
                d.hash, d.source, s.name AS subject
         FROM artefact_digest a
         JOIN document d ON d.id = a.document
         JOIN model s ON s.id = d.subject
         LEFT JOIN model m ON a.kind = 0 AND m.id = a.entity
         LEFT JOIN dataset ds ON a.kind = 1 AND ds.id = a.entity
         WHERE a.value = ? AND (? = '' OR a.algorithm = ?)
         ORDER BY a.kind, entity, a.path, d.id`,
        [value, algorithm ?? "", algorithm ?? ""],
      );
      return rows.map((r) => ({
        kind: r.kind === 1 ? "dataset" : "model",
        id: r.entity,
        ...(r.step_id !== null ? { step: r.step_id } : {}),
        ...(r.path !== null ? { path: r.path } : {}),
        algorithm: r.algorithm,
        value: r.value,
        document: { hash: r.hash, source: r.source, subject: r.subject },
      }));
    },
    async signatures(hashes) {
      const out = new Map<string, StoredSignature>();
      if (hashes.length === 0) return out;
      const rows = await ex.all<{ hash: string; key_id: string | null; verified: number; envelope: string }>(
        `SELECT d.hash, g.key_id, g.verified, g.envelope FROM document_signature g JOIN document d ON d.id = g.document
         WHERE d.hash IN (${inList(ex, "text")})`,
        [listParam(ex, hashes)],
      );
      for (const r of rows)
        out.set(r.hash, {
          ...(r.key_id ? { keyId: r.key_id } : {}),
          envelope: r.envelope,
          verified: Number(r.verified) === 1,
        });
      return out;
    },
  };
}
