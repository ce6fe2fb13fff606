/**
 * The rows a lineage document becomes (plan.ts makes them): types only, without Node imports, so that the web
 * page's type check (no Node types) can read the Store interface that names them.
 */
import type { Step } from "../schema/lineage.js";
import type { DigestRow } from "./digest-rows.js";
import type { AddInput, Relation } from "./store.js";

export interface PlannedStep {
  stepId: string;
  kind: Step["kind"];
  relation: Relation;
  name?: string;
  objective?: string;
  parameterization?: string;
  method?: string;
  /** Hyperparameters as JSON text, or undefined. */
  hyperparameters?: string;
  output: string;
  inputs: string[];
  datasets: string[];
}

export interface LicenseRow {
  entity: string;
  license: string;
  licenseName?: string;
  licenseLink?: string;
}

export interface DocumentPlan {
  hash: string;
  /** Canonical JSON of the document (what is stored). */
  body: string;
  subject: string;
  /** Every model named, with whether it is an unnamed intermediate checkpoint. */
  models: Map<string, boolean>;
  datasets: Set<string>;
  steps: PlannedStep[];
  /** Direct parents of the subject according to this document. */
  parents: string[];
  modelLicenses: LicenseRow[];
  datasetLicenses: LicenseRow[];
  /** Digests the document records, for models and datasets it names (see `digestRows`). */
  digests: DigestRow[];
}

/** A document planned for writing, with the source and signature it is added with. */
export interface PlannedInput {
  plan: DocumentPlan;
  source: string;
  signature?: AddInput["signature"];
}
