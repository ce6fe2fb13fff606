/** Options, result and error of capturing a training output folder into a lineage step. */
import type { ExtractWarning } from "../../extract/types.js";
import type { Objective, Parameterization } from "../../model/vocabulary.js";
import type { DatasetRef, Hyperparameters, LineageDocument, Step } from "../../schema/lineage.js";
import type { HashOptions, Manifest } from "../hash/types.js";

export interface CaptureOptions {
  /** The lineage to continue (`--file`): the new step's input is its last step's output. Absent: a new document. */
  document?: LineageDocument;
  /** The checkpoint's id; overrides what the folder's files say. Without either, the output is `unknown`. */
  output?: string;
  objective?: Objective;
  parameterization?: Parameterization;
  /** Added to the step's datasets; one with the id of a dataset the files name replaces it. */
  datasets?: DatasetRef[];
  /** Override the files' values key by key (`other` merged key by key too). */
  hyperparameters?: Hyperparameters;
  /** How to hash (files serialization only: a step records one digest per file). */
  hash?: Omit<HashOptions, "shardSize" | "allowEmpty">;
}

export interface CaptureResult {
  document: LineageDocument;
  /** The appended (or, for a new document, the folder's own) step, its output carrying the digests. */
  step: Step;
  manifest: Manifest;
  /** The extraction's warnings and capture's own (`capture.*`). */
  warnings: ExtractWarning[];
  /** False when neither --output nor any file names the checkpoint: its id is `unknown`. */
  outputKnown: boolean;
}

export type CaptureErrorCode = "not-found" | "not-a-folder" | "no-model-files" | "not-applicable";

/** A capture refused before anything was written; `code` says why. */
export class CaptureError extends Error {
  constructor(
    readonly code: CaptureErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "CaptureError";
  }
}
