/**
 * More official model families (issue 16, knowledge-base breadth): encoders, task models and speech/vision backbones that fine-tuning cards start from (stop 34).
 * Each licence is the publisher's card's `license` field or licence file (the `source`). A summary for triage,
 * not legal advice.
 */
import type { FamilyEntry } from "../terms.js";

export const BREADTH_FAMILIES_2: readonly FamilyEntry[] = [];
