/**
 * Where the knowledge base's entries were read: Hub page addresses, and the shape of an official family entry
 * (the licensor's own organisation, so the table is authoritative for it). One definition for every table.
 */
import type { FamilyEntry } from "../terms.js";

/** A model repository's page (or a file in it: `org/name/blob/main/LICENSE`). */
export const hfModel = (id: string): string => `https://huggingface.co/${id}`;

/** A dataset repository's page. */
export const hfDataset = (id: string): string => `https://huggingface.co/datasets/${id}`;

/** An official family entry: its licence read from the publisher's own `source`, with an optional note. */
export const officialFamily = (
  family: string,
  pattern: string,
  license: string,
  source: string,
  note?: string,
): FamilyEntry => ({
  family,
  pattern,
  license,
  official: true,
  source,
  ...(note ? { note } : {}),
});

/**
 * A community copy's entry: a re-upload that keeps the family's name (`unsloth/gpt-oss-20b`) carries the family's
 * licence as an inference, not the table's say-so; the `source` is the publisher's own page.
 */
export const inferredFamily = (
  family: string,
  pattern: string,
  license: string,
  source: string,
): FamilyEntry => ({
  family,
  pattern,
  license,
  official: false,
  source,
});
