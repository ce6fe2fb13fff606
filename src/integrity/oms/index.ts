/**
 * OMS v1.0 signatures (OpenSSF Model Signing): keys, DSSE, Sigstore bundles, signing and verifying.
 *
 * - Keys: `generateKeyPair`, `loadPrivateKey`, `loadPublicKey` (ECDSA P-256/P-384/P-521, PEM), `keyHint`.
 * - Signing: `signModel(path, key)` hashes a model and signs its statement; `signStatement` signs any
 *   in-toto statement into a Sigstore bundle v0.3 with a DSSE envelope.
 * - Verifying: `verifyBundleText(text, {trust, modelPath})` → `VerifyReport` (signature, statement, files,
 *   and the checks of extra predicates such as signed lineage).
 */
export {
  type Bundle,
  BundleSchema,
  type DsseEnvelope,
  decodeBase64Strict,
  parseBundle,
  type SigningMethod,
} from "./bundle.js";
export { readPemCertificates, verifyChain } from "./cert-chain.js";
export { type ContentOptions, hashAsSigned } from "./check-files.js";
export { compareManifests } from "./compare.js";
export * from "./constants.js";
export { pae, paeCompat } from "./dsse.js";
export {
  CURVES,
  type Curve,
  generateKeyPair,
  KeyError,
  keyHint,
  loadPrivateKey,
  loadPublicKey,
  type PublicKeyInfo,
  type SigningKey,
} from "./keys.js";
export {
  type Check,
  type CheckName,
  type CheckStatus,
  check,
  failed,
  type Problem,
  type VerifyReport,
  VerifyUsageError,
} from "./report.js";
export { bundleSchemaProblems, statementSchemaProblems } from "./schema-check.js";
export { type SignedBundle, type SignModelOptions, signModel, signStatement } from "./sign.js";
export {
  type InTotoStatement,
  InTotoStatementSchema,
  type OmsStatement,
  omsStatement,
  readOmsStatement,
  type SignedManifest,
} from "./statement.js";
export {
  OMS_HANDLERS,
  type PredicateHandler,
  type StatementRead,
  type VerifyOptions,
  verifyBundleText,
} from "./verify.js";
export { type Signer, type Trust, verifyBundleSignature } from "./verify-signature.js";
