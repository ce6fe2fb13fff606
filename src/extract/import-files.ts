import { readFileSync } from "node:fs";
import { extractFromFiles } from "./extract-from-files.js";
import type { ExtractOptions, ExtractResult } from "./types.js";

/** Reads files and folders and extracts one lineage document from them. */
export async function importFiles(paths: string[], options: ExtractOptions = {}): Promise<ExtractResult> {
  return extractFromFiles(
    paths.map((path) => ({ path, text: readFileSync(path, "utf8") })),
    options,
  );
}
