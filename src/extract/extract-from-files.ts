import { FORMAT_V1 } from "../model/vocabulary.js";
import type { ExtractOptions, ExtractResult, SourceFile } from "./types.js";

/** Extracts one lineage document from the given files. Pure: no I/O. */
export function extractFromFiles(files: SourceFile[], options: ExtractOptions = {}): ExtractResult {
  return {
    document: { format: FORMAT_V1, subject: { id: options.subject ?? "unknown" }, bases: [], steps: [] },
    warnings: files.length === 0 ? [{ code: "extract.no-input", message: "no files given" }] : [],
    complete: files.length > 0,
  };
}
