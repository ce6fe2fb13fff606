/** Extraction of ftl/v1 lineage from model cards, trainer configs, recipes and output folders. */
export { extractFromFiles } from "./extract-from-files.js";
export { importFiles } from "./import-files.js";
export type { ExtractOptions, ExtractResult, ExtractWarning, SourceFile } from "./types.js";
