/** A fetched model with what was read from it: the unit the chain is joined from. */
import type { ExtractResult } from "../extract/types.js";
import type { HubModel } from "./fetch-model.js";
import type { HubParents } from "./hub-parents.js";

/** One fetched model, what was extracted from its files, and its Hub-declared parents. */
export interface ChainNode {
  model: HubModel;
  extract: ExtractResult;
  hub: HubParents;
  /** Parents actually followed (fetched); the rest stay bases. */
  followed: string[];
}
