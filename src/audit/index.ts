/** Licence audits along lineage chains: the knowledge base, the engine, policies and registry helpers. */
export { type AuditOptions, auditLineage, obligationSentence, pathText, stepLabel } from "./audit-lineage.js";
export { type CardSignals, type DeclaredBase, readCard } from "./card-text.js";
export {
  type CollectOptions,
  type SuppliedLicenses,
  terminalStep,
  type UpstreamLookup,
} from "./collect-ancestors.js";
export { DATASETS } from "./data/datasets.js";
export { FAMILIES } from "./data/families.js";
export { LICENSES } from "./data/licenses.js";
export { formatAudit, formatFinding } from "./format-audit.js";
export {
  auditFromStore,
  descendantsWithLicenseConflicts,
  documentFromStore,
  formatLicenseConflicts,
  type LicenseConflict,
  type LicenseConflictDescendants,
  licenseConflicts,
  recordedLicenses,
} from "./from-store.js";
export { datasetEntry, type FamilyMatch, familyFor, licenseEntries, licenseEntry } from "./knowledge.js";
export {
  evaluatePolicy,
  FAIL_ON,
  type Policy,
  type PolicyParse,
  type PolicyResult,
  PolicySchema,
  type PolicyViolation,
  parsePolicy,
  REQUIREMENT_LABELS,
  REQUIREMENTS,
  type Requirement,
} from "./policy.js";
export * from "./report.js";
export {
  INFERRED_NON_COMMERCIAL,
  inferNonCommercial,
  knownEntries,
  type LicenseTerm,
  mostPermissiveOption,
  type ResolvedLicense,
  resolveLicense,
} from "./resolve-license.js";
export {
  parseSuppliedLicenses,
  type SuppliedLicenseFile,
  SuppliedLicensesSchema,
} from "./supplied-licenses.js";
export * from "./terms.js";
export { decideVerdict, type VerdictInput } from "./verdict.js";
