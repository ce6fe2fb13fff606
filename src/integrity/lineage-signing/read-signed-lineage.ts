/**
 * `readSignedLineage`: the document, DSSE envelope and key id of a signed lineage file, for storing it
 * (`ftl add`). It reads; it does not verify the signature (that needs the signer's public key: `ftl verify`).
 */

import type { LineageDocument } from "../../schema/lineage.js";
import { type DsseEnvelope, decodeBase64Strict, parseBundle } from "../oms/index.js";
import { LINEAGE_PREDICATE_TYPE, readLineageStatement } from "./statement.js";

export interface SignedLineageRecord {
  document: LineageDocument;
  /** The DSSE envelope exactly as in the file (payload, payloadType, signatures). */
  envelope: DsseEnvelope;
  /** The signer's key id: the bundle's public-key hint (hex SHA-256 of the SPKI PEM), or the signature's keyid. */
  keyId: string | undefined;
}

/** Is this parsed JSON a Sigstore bundle (signed lineage or OMS signature) rather than a document? */
export function looksLikeBundle(value: unknown): boolean {
  return typeof value === "object" && value !== null && "dsseEnvelope" in value && "mediaType" in value;
}

/**
 * Reads a signed lineage from its JSON text or parsed value.
 *
 * @example
 * const read = readSignedLineage(readFileSync("lineage.sig.json", "utf8"));
 * if ("error" in read) console.error(read.error); else store(read.document, read.envelope, read.keyId);
 */
export function readSignedLineage(json: string | unknown): SignedLineageRecord | { error: string } {
  const parsed = parseBundle(typeof json === "string" ? json : JSON.stringify(json ?? null));
  if (!parsed.ok) return { error: parsed.message };
  const { dsseEnvelope: envelope, verificationMaterial } = parsed.bundle;
  const payload = decodeBase64Strict(envelope.payload);
  if (payload === undefined) return { error: "dsseEnvelope.payload is not canonical base64" };
  let statement: unknown;
  try {
    statement = JSON.parse(payload.toString("utf8"));
  } catch {
    return { error: "the signed payload is not JSON" };
  }
  const type = (statement as { predicateType?: unknown } | null)?.predicateType;
  if (type !== LINEAGE_PREDICATE_TYPE)
    return {
      error: `not a signed lineage: predicate type ${JSON.stringify(type)}, expected '${LINEAGE_PREDICATE_TYPE}'`,
    };
  const read = readLineageStatement(statement);
  if (!read.ok) return { error: read.problems.join("; ") };
  const keyId = verificationMaterial.publicKey?.hint || envelope.signatures[0]?.keyid || undefined;
  return { document: read.document, envelope, keyId };
}
