import type { LineageDocument } from "../schema/lineage.js";
import { withoutEmptyMaps } from "./losses.js";
import { readCycloneDx } from "./read-cyclonedx.js";
import { readHfCard } from "./read-hf-card.js";
import { readProvJsonLd } from "./read-prov.js";
import { readSpdx3 } from "./read-spdx3.js";

/** A lineage document read back from a standard export (CycloneDX, SPDX 3, PROV JSON-LD, hf-card). */
export interface StandardImport {
  /** The format recognised, e.g. "cyclonedx". */
  format: string;
  document: LineageDocument;
  /** What could not be restored, in words that name the file's field. */
  warnings: string[];
  /** What the format never carries (the file was read in full; these say what it cannot hold). */
  notes?: string[];
}

/** The readers tried in turn; each returns null for text that is not its format. */
const READERS: ((text: string, fileName: string) => StandardImport | null)[] = [
  readCycloneDx,
  readSpdx3,
  readProvJsonLd,
  readHfCard,
];

/**
 * Recognises a file written in one of the standard formats (CycloneDX JSON, SPDX 3 JSON-LD, PROV JSON-LD, a
 * Hugging Face model card) and restores the lineage it carries. Returns null when the text is none of them,
 * so that the caller can try other readers.
 *
 * @example
 * const result = readStandardExport(readFileSync("bom.json", "utf8"), "bom.json");
 * if (result) console.log(result.format, result.warnings);
 */
export function readStandardExport(text: string, fileName: string): StandardImport | null {
  for (const read of READERS) {
    const result = read(text, fileName);
    if (result) return { ...result, document: withoutEmptyMaps(result.document) };
  }
  return null;
}
