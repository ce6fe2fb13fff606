/** Public types of extraction: the files read, the warnings raised and the result. */
import type { LineageDocument } from "../schema/lineage.js";

/** One file to extract from. `path` is used for provenance and to recognise the kind by its basename or content. */
export interface SourceFile {
  path: string;
  text: string;
}

/** Something that could not be read, resolved or agreed on; `sources` names both sides of a conflict. */
export interface ExtractWarning {
  code: string;
  message: string;
  file?: string;
  field?: string;
  sources?: string[];
}

/** The extracted document, what went wrong, and whether every input was read in full. */
export interface ExtractResult {
  document: LineageDocument;
  warnings: ExtractWarning[];
  complete: boolean;
}

/** Options of `extractFromFiles` and `importFiles`. */
export interface ExtractOptions {
  /** Id of the model the document describes, when the files do not name it. */
  subject?: string;
  /**
   * Trace a root that is a well-known intermediate checkpoint to its parent with ftl's table (default true).
   * The Hub import turns it off: it follows parents from the Hub's own data.
   */
  intermediates?: boolean;
}
