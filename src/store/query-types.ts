/**
 * What the registry's queries answer (the result and option types of {@link Store}'s read methods), apart from
 * the contract itself (store.ts), which re-exports them.
 */
import type { Hyperparameters, LineageDocument } from "../schema/lineage.js";
import type { Relation } from "./store.js";
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
