import type { LineageDocument } from "../schema/lineage.js";

/** A lineage document read back from a standard export (CycloneDX, SPDX 3, PROV JSON-LD, hf-card). */
export interface StandardImport {
  /** The format recognised, e.g. "cyclonedx". */
  format: string;
  document: LineageDocument;
  /** What could not be restored, in words that name the file's field. */
  warnings: string[];
}

/**
 * Recognises a file written in one of the standard formats and restores the lineage it carries.
 * Returns null when the text is not such a file, so that the caller can try other readers.
 * (Placeholder until the export area fills it in: it recognises nothing yet.)
 */
export function readStandardExport(_text: string, _fileName: string): StandardImport | null {
  return null;
}
