/**
 * The registry's storage contract. Two implementations (SQLite, PostgreSQL) pass one contract test suite;
 * everything above the store (queries, CLI, crawl, bench, audit) codes against this interface only.
 */
import type { Hyperparameters, LineageDocument } from "../schema/lineage.js";
import type { ApiTokens } from "./api-tokens.js";
import type { IntegrityIndex } from "./integrity-index.js";
import type { PlannedInput } from "./plan-types.js";

/** How a model relates to its parent (the Hub's "model tree" groups), derived from the step that made it. */
export const RELATIONS = ["finetune", "adapter", "merge", "quantized"] as const;
export type Relation = (typeof RELATIONS)[number];

/** One document to add, with where it came from (a file path, a crawler name, a URL …). */
export interface AddInput {
  document: LineageDocument;
  source: string;
  /** The signature the document came with (`ftl add lineage.sig.json`), kept beside it. */
  signature?: { keyId?: string; envelope: string; verified: boolean };
}

/** What happened to one document of a batch. */
export interface AddResult {
  /** Position in the batch. */
  index: number;
  /**
   * `added`: stored and now the current document of its subject for its source;
   * `duplicate`: the same content from the same source was already stored (nothing changed).
   */
  status: "added" | "duplicate";
  /** Content hash (sha256 of the canonical JSON of the document). */
  hash: string;
  subject: string;
  /** Earlier documents of the same subject and source that this one replaced as current (history is kept). */
  superseded: number;
}

export interface AddOptions {
  /** Start a bulk load when this batch is the first into an empty registry (default false). */
  bulk?: boolean;
}

export interface AddSummary {
  added: number;
  duplicates: number;
  superseded: number;
  results: AddResult[];
}

/** One derivation step as an edge of the model graph: `parent` went into the step, `child` came out. */
export interface StepEdge {
  parent: string;
  child: string;
  /** The step's id inside its document. */
  stepId: string;
  kind: LineageDocument["steps"][number]["kind"];
  relation: Relation;
  name?: string;
  objective?: string;
  parameterization?: string;
  /** Merge or quantisation method. */
  method?: string;
  hyperparameters?: Hyperparameters;
  /** Ids of the datasets the step used. */
  datasets: string[];
  /** Source of the document that declares the step. */
  source: string;
  /** Content hash of that document. */
  document: string;
}

/** Options shared by graph walks. */
export interface WalkOptions {
  /** Stop after this many steps away from the start (default {@link DEFAULT_MAX_DEPTH}). */
  maxDepth?: number;
}

/** Depth at which every walk stops, so that cycles in bad data never hang a query. */
export const DEFAULT_MAX_DEPTH = 256;

export interface AncestorsResult {
  id: string;
  /** Every ancestor with its distance (1 = direct parent), nearest first. */
  models: { id: string; depth: number }[];
  /** Every step between the model and its roots. */
  steps: StepEdge[];
  /** Ancestors with no known parent. */
  roots: string[];
  /** False when the walk stopped at maxDepth with more ancestors beyond it. */
  complete: boolean;
}

export interface DescendantsOptions extends WalkOptions {
  /** Only descendants with a step of this objective on the path from the start (e.g. `dpo`). */
  objective?: string;
  /** Only descendants with a step of this parameterisation on the path (e.g. `lora`). */
  parameterization?: string;
  /** Only descendants with a step that used this dataset on the path. */
  dataset?: string;
  /** Only descendants made by a step of this relation (how the descendant itself was made). */
  relation?: Relation;
  /** Return at most this many models (counts and total still cover all of them). */
  limit?: number;
  /** Fill `parents` of each returned model (one more query; used to draw trees). */
  withParents?: boolean;
}

export interface Descendant {
  id: string;
  depth: number;
  relation: Relation;
  /** Parents of this model that are the start or other descendants (for drawing the tree). */
  parents: string[];
}

export interface DescendantsResult {
  id: string;
  /** How many descendants match (before `limit`). */
  total: number;
  /** Matching descendants by relation. */
  counts: Record<Relation, number>;
  /** Nearest first, then by id; at most `limit`. */
  models: Descendant[];
  truncated: boolean;
  complete: boolean;
}

/** Options of {@link Store.descendantsPage}: the filters of `descendants`, a page size and a cursor. */
export interface DescendantsPageOptions extends Omit<DescendantsOptions, "limit"> {
  /** Models per page (default 50, at most 1000). */
  limit?: number;
  /** Where to go on: `next` of the previous page (with the same id and filters). */
  cursor?: string;
}

/**
 * One page of the model-tree view: counts over every matching descendant, and the next `limit` of them,
 * nearest first, then in the order they entered the registry (a stable order: cursors never skip or repeat).
 */
export interface DescendantsPage {
  id: string;
  /** How many descendants match (all pages). */
  total: number;
  counts: Record<Relation, number>;
  models: Descendant[];
  /** Cursor of the next page, or null on the last one. */
  next: string | null;
  complete: boolean;
}

export interface TrainedOnResult {
  dataset: string;
  /** Was the dataset ever named by a step? */
  known: boolean;
  total: number;
  /** `depth` 0: a step that made this model used the dataset; n: through an ancestor n steps up. */
  models: { id: string; depth: number }[];
  truncated: boolean;
  complete: boolean;
}

export interface DatasetsResult {
  id: string;
  /** Every dataset in the model's ancestry, with the models whose steps used it and the nearest distance. */
  datasets: { id: string; depth: number; models: string[] }[];
  complete: boolean;
}

export interface CommonResult {
  a: string;
  b: string;
  /** Nearest common ancestor (smallest total distance; ties broken by id), or null. */
  nearest: string | null;
  /** Other common ancestors at the same total distance. */
  alsoNearest: string[];
  /** Steps from the nearest common ancestor down to `a`, and down to `b`, in order. */
  pathA: StepEdge[];
  pathB: StepEdge[];
  /** True when one model is an ancestor of the other (nearest is a or b). */
  direct: boolean;
}

/** Options of {@link Store.search}. */
export interface SearchOptions {
  /** Ids per kind (default 20, at most 1000). */
  limit?: number;
  /** Search model ids, dataset ids, or both (default `all`). */
  kind?: "model" | "dataset" | "all";
  /** Match ASCII letters in either case (`llama` finds `Llama-3`); default false (exact prefix). */
  ignoreCase?: boolean;
}

/** Ids that start with a prefix, sorted in code-point order. */
export interface SearchResult {
  models: string[];
  datasets: string[];
}

/** A document as stored, with its history flags. */
export interface StoredDocument {
  hash: string;
  source: string;
  /** ISO time it was added. */
  addedAt: string;
  /** Is it the latest document of its subject from its source? Only current documents shape the graph. */
  current: boolean;
  document: LineageDocument;
}

export interface DocumentsResult {
  id: string;
  /** Every document whose subject is the model, oldest first (history included). */
  documents: StoredDocument[];
  /**
   * Where current documents from different sources disagree: `parents` (different direct parents of the
   * subject) or `content` (same parents, other differences).
   */
  disagreements: {
    about: "parents" | "content";
    claims: { source: string; hash: string; value: string[] }[];
  }[];
}

export interface ModelInfo {
  id: string;
  /** Named only inside a document (an unnamed intermediate checkpoint, `subject#step`). */
  anonymous: boolean;
  parents: string[];
  children: number;
  /** Documents about it, all sources, history included. */
  documents: number;
}

/** A licence declared for a model or dataset by a current document (`ModelRef.license`, `DatasetRef.license`). */
export interface LicenseClaim {
  license: string;
  licenseName?: string;
  licenseLink?: string;
  /** Sources that declare it. */
  sources: string[];
}

export interface LicensesResult {
  models: Record<string, LicenseClaim[]>;
  datasets: Record<string, LicenseClaim[]>;
}

export interface StoreStats {
  models: number;
  datasets: number;
  documents: number;
  currentDocuments: number;
  steps: number;
  edges: number;
  schemaVersion: number;
}

/**
 * A lineage registry. Every method is async so that both stores share one contract; SQLite answers
 * synchronously underneath. Unknown model ids give `undefined` from {@link Store.model} and empty results
 * elsewhere (check with `model()` first to tell "unknown" from "no ancestors").
 */
export interface Store {
  /** `sqlite` or `postgres`. */
  readonly kind: "sqlite" | "postgres";
  /** API tokens of `ftl serve` (only their hashes are stored). */
  readonly tokens: ApiTokens;
  /** Digests recorded by current documents (`ftl query by-digest`) and the signatures documents came with. */
  readonly integrity: IntegrityIndex;
  /** File path or connection string (password removed). */
  readonly location: string;
  /** Adds documents in one transaction: all of the batch or none of it. Idempotent by content hash + source. */
  addDocuments(batch: readonly AddInput[]): Promise<AddSummary>;
  /**
   * The same, for documents already planned (`planDocument`), e.g. by `ingest`'s worker threads. With
   * `bulk: true` (what `ingest` asks for), the first batch into an empty registry starts a bulk load: indexes
   * dropped, the closure built once when the load ends. Until then other processes do not see the graph, so
   * single adds (`ftl add`, `ftl serve`'s POST) never ask for it.
   */
  addPlanned(batch: readonly PlannedInput[], options?: AddOptions): Promise<AddSummary>;
  ancestors(id: string, options?: WalkOptions): Promise<AncestorsResult>;
  descendants(id: string, options?: DescendantsOptions): Promise<DescendantsResult>;
  /** The model-tree view: counts and one page of descendants, read from the closure (no walk). */
  descendantsPage(id: string, options?: DescendantsPageOptions): Promise<DescendantsPage>;
  /**
   * Every matching descendant, in the page order, fetched a page at a time (never the whole set in memory).
   * Unknown ids yield nothing.
   */
  streamDescendants(
    id: string,
    options?: Omit<DescendantsOptions, "limit" | "withParents">,
  ): AsyncIterable<Descendant>;
  descendantCounts(
    id: string,
    options?: WalkOptions,
  ): Promise<{ total: number; counts: Record<Relation, number> }>;
  trainedOn(dataset: string, options?: WalkOptions & { limit?: number }): Promise<TrainedOnResult>;
  datasetsOf(id: string, options?: WalkOptions): Promise<DatasetsResult>;
  common(a: string, b: string, options?: WalkOptions): Promise<CommonResult>;
  documentsFor(id: string): Promise<DocumentsResult>;
  model(id: string): Promise<ModelInfo | undefined>;
  /**
   * Model and dataset ids that start with `prefix` (an index range scan, never a pattern: nothing to escape).
   * Models without a name of their own (`subject#step`) are left out.
   */
  search(prefix: string, options?: SearchOptions): Promise<SearchResult>;
  /** Declared licences of models and datasets, from current documents. */
  licenses(refs: { models?: readonly string[]; datasets?: readonly string[] }): Promise<LicensesResult>;
  /** Is this content (hash from {@link documentHash}) from this source already stored? For resumable crawls. */
  hasDocument(hash: string, source: string): Promise<boolean>;
  /**
   * What `ingest` noted after it read a whole file into this registry (key: content hash, source and
   * validation), or undefined. Lets a second `ftl ingest` of an unchanged file skip it.
   */
  ingestMarker(key: string): Promise<string | undefined>;
  /** Notes that a file was read whole into this registry (see {@link Store.ingestMarker}). */
  setIngestMarker(key: string, value: string): Promise<void>;
  stats(): Promise<StoreStats>;
  /**
   * Refreshes the query planner's statistics (SQLite `PRAGMA optimize`, PostgreSQL `ANALYZE`). PostgreSQL
   * also does it by itself whenever the registry has doubled since the last time; call it after a bulk load.
   */
  optimize(): Promise<void>;
  close(): Promise<void>;
}

/** Errors of the store, by kind, so that nothing above the store sees a driver's codes. */
export type StoreErrorCode =
  | "newer-schema"
  | "unreachable"
  | "not-a-registry"
  | "cannot-open"
  | "damaged"
  | "read-only"
  | "invalid-location";

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "StoreError";
  }
}
