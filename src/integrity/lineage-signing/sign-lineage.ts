/**
 * Signing a lineage document: with a model path, the subject's folder is hashed first and its root digest
 * (and per-file manifest, when the document has none) recorded on the subject — a different recorded root
 * digest is refused. The chain of custody is checked before signing.
 */

import type { LineageDocument } from "../../schema/lineage.js";
import { hashPath, type Manifest } from "../hash/index.js";
import { type Problem, type SignedBundle, type SigningKey, signStatement } from "../oms/index.js";
import { chainOfCustody } from "./custody.js";
import { type LineageStatement, lineageStatement } from "./statement.js";

/** A document that cannot be signed as asked (its recorded digest is not the model's). */
export class LineageSigningError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LineageSigningError";
  }
}

export interface SignLineageOptions {
  /** The subject model's folder or file, hashed to record its root digest. */
  modelPath?: string;
  ignorePaths?: string[];
  onProgress?: (done: number, total: number) => void;
}

export interface SignedLineage {
  bundle: SignedBundle;
  statement: LineageStatement;
  /** The document as signed (with the root digest recorded when a model path was given). */
  document: LineageDocument;
  manifest?: Manifest;
  /** Chain-of-custody problems of the document (the caller decides whether to sign anyway). */
  custody: Problem[];
}

/** Records `manifest` on the document's subject, or refuses when another root digest is recorded. */
function withModelDigest(doc: LineageDocument, manifest: Manifest): LineageDocument {
  const recorded = doc.subject.digest;
  if (recorded !== undefined && recorded.algorithm === "sha256" && recorded.value !== manifest.rootDigest)
    throw new LineageSigningError(
      `the model's root digest is ${manifest.rootDigest}, but the document records ${recorded.value} for '${doc.subject.id}'`,
    );
  const files = manifest.resources.map((r) => ({
    path: r.name,
    size: r.size,
    digest: { algorithm: "sha256" as const, value: r.digest },
  }));
  return {
    ...doc,
    subject: {
      ...doc.subject,
      digest: { algorithm: "sha256", value: manifest.rootDigest },
      ...(doc.subject.files === undefined && manifest.serialization.method === "files" ? { files } : {}),
    },
  };
}

/**
 * Signs a lineage document.
 *
 * @example
 * const { bundle } = await signLineage(doc, loadPrivateKey("key.pem"), { modelPath: "out/" });
 */
export async function signLineage(
  doc: LineageDocument,
  key: SigningKey,
  options: SignLineageOptions = {},
): Promise<SignedLineage> {
  let document = doc;
  let manifest: Manifest | undefined;
  if (options.modelPath !== undefined) {
    manifest = await hashPath(options.modelPath, {
      ...(options.ignorePaths === undefined ? {} : { ignorePaths: options.ignorePaths }),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    });
    document = withModelDigest(doc, manifest);
  }
  const statement = lineageStatement(document);
  const bundle = signStatement(statement, key, { withKeyId: true });
  return {
    bundle,
    statement,
    document,
    ...(manifest === undefined ? {} : { manifest }),
    custody: chainOfCustody(document).problems,
  };
}
