/**
 * Provenance notes that another layer acts on, defined once. The extractor writes them on the facts it records;
 * the audit reads them to tell a guess from a statement.
 */

/**
 * A dataset the import took from a card's one Hub dataset link, the card naming no other training data
 * (`extract/evidence/dataset-link-fallback.ts`): a guess, which the audit does not let stand for the data the
 * card's prose names.
 */
export const DATASET_LINK_GUESS_NOTE = "a Hub dataset link of a card that names no other training data";
