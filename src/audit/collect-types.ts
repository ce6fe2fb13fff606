/**
 * The types of the ancestor walk (`collect-ancestors.ts`): its options, the ancestors it reaches with their
 * resolved licences, and what it collects.
 */
import type { LineageDocument } from "../schema/lineage.js";
import type { FamilyMatch } from "./knowledge.js";
import type { Ancestor, LicenseOrigin, PathHop, StepRef } from "./report.js";
import type { ResolvedLicense } from "./resolve-license.js";

/** Returns the lineage document recorded for a model id (its subject is that model), if one is known. */
export type UpstreamLookup = (
  modelId: string,
) => Promise<LineageDocument | undefined> | LineageDocument | undefined;

/** Licences supplied from outside the document (`--model-licenses`, `--dataset-licenses`). */
export interface SuppliedLicenses {
  models?: Readonly<Record<string, string>>;
  datasets?: Readonly<Record<string, string>>;
}

export interface CollectOptions extends SuppliedLicenses {
  upstream?: UpstreamLookup;
  /** Licences the registry records for models and datasets (used after the document and supplied maps). */
  recorded?: SuppliedLicenses;
  /** How many upstream documents deep to follow (default 16). */
  maxDepth?: number;
  /** Licence lines of the subject's card or description, read when its licence is not in the knowledge base. */
  subjectProse?: readonly string[];
  /**
   * The licence the subject's card says it inherited from its base ("License: CC-BY-NC (inherited from base
   * model)"): the licence of those bases when nothing else gives one, as inferred.
   */
  inherited?: { license: string; quote: string; bases: ReadonlySet<string> };
}

/** An ancestor with its licence resolved. */
export interface Reach extends Ancestor {
  resolved?: ResolvedLicense;
  family?: FamilyMatch;
  /** Set when the document's licence for a well-known model differs from the family table. */
  familyConflict?: FamilyMatch;
}

export interface ModelLicense {
  resolved?: ResolvedLicense;
  from: LicenseOrigin;
  source?: string;
  family?: FamilyMatch;
  familyConflict?: FamilyMatch;
}

export interface Collected {
  subject: { id: string; license: ModelLicense };
  reaches: Reach[];
  unresolved: { reference: string; step: StepRef; path: PathHop[] }[];
  /** Fine-tuning steps that name no training data. */
  undocumented: StepRef[];
  /** Upstream documents followed. */
  upstreamDocuments: string[];
  /** Set when the subject names no model ancestor and its id embeds a family: that family stands in for its base. */
  implied?: Reach;
}
