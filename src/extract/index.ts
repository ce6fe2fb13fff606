/** Extraction of ftl/v1 lineage from model cards, trainer configs, recipes and output folders. */
export { extractFromFiles, extractGroups, type GroupedResult } from "./extract-from-files.js";
export { importFiles, importGroups } from "./import-files.js";
export type { ExtractOptions, ExtractResult, ExtractWarning, SourceFile } from "./types.js";
