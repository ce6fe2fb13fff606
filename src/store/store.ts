/**
 * The registry's storage contract. Two implementations (SQLite, PostgreSQL) pass one contract test suite;
 * everything above the store (queries, CLI, crawl, bench, audit) codes against this interface only.
 */
import type { LineageDocument } from "../schema/lineage.js";
import type { ApiTokens } from "./api-tokens.js";
import type { IntegrityIndex } from "./integrity-index.js";
import type { PlannedInput } from "./plan-types.js";
import type {
  AncestorsResult,
  CommonResult,
  DatasetsResult,
  Descendant,
  DescendantsOptions,
  DescendantsPage,
  DescendantsPageOptions,
  DescendantsResult,
  DocumentsResult,
  LicensesResult,
  ModelInfo,
  SearchOptions,
  SearchResult,
  StoreStats,
  TrainedOnResult,
  WalkOptions,
} from "./query-types.js";

export * from "./query-types.js";

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
