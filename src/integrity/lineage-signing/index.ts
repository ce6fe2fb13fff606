/**
 * Signed lineage: an ftl/v1 document signed as an in-toto Statement v1 (predicate type
 * `https://ftl.dev/lineage/v1`) in the same DSSE envelope and Sigstore bundle as an OMS model signature.
 *
 * - `signLineage(doc, key, {modelPath})` signs (hashing the subject model first when asked);
 * - `LINEAGE_HANDLER` lets `verifyBundleText` check a signed lineage (document, model, chain of custody);
 * - `chainOfCustody(doc)` compares every pair of recorded digests of the same model;
 * - `readSignedLineage(json)` → `{document, envelope, keyId}` for storing a signed lineage.
 */
export { type CustodyResult, chainOfCustody, filesRootDigest } from "./custody.js";
export { looksLikeBundle, readSignedLineage, type SignedLineageRecord } from "./read-signed-lineage.js";
export {
  LineageSigningError,
  type SignedLineage,
  type SignLineageOptions,
  signLineage,
} from "./sign-lineage.js";
export {
  LINEAGE_PREDICATE_TYPE,
  type LineageStatement,
  LineageStatementSchema,
  lineageStatement,
  readLineageStatement,
} from "./statement.js";
export { LINEAGE_HANDLER } from "./verify-lineage.js";
