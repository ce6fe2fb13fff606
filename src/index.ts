/**
 * fine-tune-lineage (ftl): the public API. Grouped named exports; one comment per group.
 */

// Licence audits: the knowledge base (licences, model families, datasets), the engine, policies, registry helpers.
export {
  type AuditFinding,
  type AuditOptions,
  type AuditReport,
  auditFromStore,
  auditLineage,
  evaluatePolicy,
  FAMILIES as LICENSE_FAMILIES,
  FINDING_CODES,
  familyFor,
  formatAudit,
  LICENSES,
  type LicenseConflict,
  type LicenseEntry,
  licenseConflicts,
  licenseEntry,
  type Policy,
  parsePolicy,
  REQUIREMENTS,
  resolveLicense,
  type UpstreamLookup,
} from "./audit/index.js";
// The command line.
export { run } from "./cli/main.js";
// Exporting to standards (model card, PROV-O, SPDX 3, CycloneDX, schema.org, diagrams, OpenLineage) and reading them back.
export {
  carriedBy,
  EXPORT_FORMATS,
  EXPORTERS,
  type ExportFormat,
  type ExportOptions,
  exportLineage,
  REIMPORTABLE_FORMATS,
  readStandardExport,
  type StandardImport,
  toCycloneDx,
  toOpenLineage,
  toProvJsonLd,
  toSchemaOrg,
  toSpdx3,
  updateHfCard,
} from "./export/index.js";
// Extraction: lineage from model cards, trainer output folders and recipes.
export {
  type ExtractOptions,
  type ExtractResult,
  type ExtractWarning,
  extractFromFiles,
  extractGroups,
  type GroupedResult,
  importFiles,
  importGroups,
  type SourceFile,
} from "./extract/index.js";
// The Hugging Face Hub: one document for a model's whole chain, crawling into the registry, a local replay server.
export {
  type CrawlItem,
  type CrawlOptions,
  crawlHub,
  HubError,
  type HubErrorCode,
  type HubImportOptions,
  importFromHub,
  parseHubRef,
  type ReplayServer,
  startReplayServer,
} from "./hub/index.js";
// Integrity: OMS v1.0 manifests and root digests of model folders, capture of training output folders.
export {
  CaptureError,
  type CaptureOptions,
  type CaptureResult,
  captureFolder,
  DEFAULT_IGNORE_PATHS,
  HashError,
  type HashOptions,
  hashPath,
  isModelFile,
  listModelFiles,
  type Manifest,
  type Resource,
  rootDigest,
} from "./integrity/index.js";
// Reading and writing files.
export { MAX_DOCUMENT_BYTES, parseBytes, type ReadResult, readInput } from "./io/read-input.js";
export { serializeDocument, writeFileAtomic } from "./io/write-document.js";
export { appendStep, defaultInput, freeStepId, inputReference, type StepDraft } from "./model/append-step.js";
export {
  indexReferences,
  inputLabel,
  isTrainingOrMerge,
  resolveInput,
  stepModelInputs,
} from "./model/graph.js";
// Working with documents: hyperparameter names, quantities, references, appending steps.
export {
  HYPERPARAMETER_ALIASES,
  HYPERPARAMETER_KEYS,
  type HyperparameterKey,
  hyperparameterKeyFor,
  hyperparametersFromEntries,
  parseLooseValue,
} from "./model/hyperparameters.js";
export { parseCount, parseDatasetSpec, parseUnit } from "./model/quantity.js";
// The format: vocabularies, zod schemas (the single source of truth), inferred types, JSON Schema.
export * from "./model/vocabulary.js";
// The registry for people: descendant trees, ancestry as text, one-call access.
export {
  buildTree,
  describeEdge,
  renderAncestors,
  renderTree,
  type TreeNode,
  type TreeOptions,
  withRegistry,
} from "./query/index.js";
// Reproduction: the configuration that re-runs a step (ftl recipe), and its check against the frameworks' keys.
export {
  checkRecipe,
  type Defaulted,
  FORMAT_OBJECTIVES,
  formatsFor,
  type NotCarried,
  RECIPE_FORMATS,
  RecipeError,
  type RecipeFormat,
  type RecipeOptions,
  type RecipeResult,
  sourceKeysNotCarried,
  type UnknownValue,
  writeRecipe,
} from "./recipe/index.js";
// Rendering for people.
export { renderChain } from "./render/chain-text.js";
export { describeDataset, describeHyperparameters, describeMethod, describeStep } from "./render/describe.js";
export { formatReport } from "./render/report-text.js";
export { lineageJsonSchema, SCHEMA_ID } from "./schema/json-schema.js";
export * from "./schema/lineage.js";
// The registry over HTTP (ftl serve): the Hono app, the server, the OpenAPI document, API tokens.
export {
  ApiError,
  type AppOptions,
  createApp,
  newToken,
  openApiDocument,
  type RunningServer,
  type ServeOptions,
  startServer,
} from "./server/index.js";
// The registry: many documents in SQLite or PostgreSQL, bulk ingest, graph queries across models, trees.
export {
  type AddInput,
  type AddResult,
  type AddSummary,
  type AncestorsResult,
  type CommonResult,
  type DatasetsResult,
  DEFAULT_DB_PATH,
  DEFAULT_MAX_DEPTH,
  type Descendant,
  type DescendantsOptions,
  type DescendantsResult,
  type DocumentsResult,
  documentHash,
  type LicenseClaim,
  type LicensesResult,
  type ModelInfo,
  type OpenStoreOptions,
  openStore,
  RELATIONS,
  type Relation,
  relationOf,
  resolveLocation,
  type StepEdge,
  type Store,
  type StoredDocument,
  StoreError,
  type StoreErrorCode,
  type StoreStats,
  type TrainedOnResult,
  type WalkOptions,
} from "./store/index.js";
export {
  type IngestOptions,
  type IngestProblem,
  type IngestProgress,
  type IngestSummary,
  ingest,
} from "./store/ingest.js";
export { classify } from "./validate/classify.js";
// Validation: issues as data, never thrown.
export type { ValidationIssue, ValidationReport } from "./validate/issue.js";
export { RUBRIC, STEP_SHARE } from "./validate/rubric.js";
export { parseLineage, validateLineage } from "./validate/validate.js";
