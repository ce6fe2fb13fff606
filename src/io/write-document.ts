/** Writing documents atomically (temporary file, then rename), as JSON or, for .yaml/.yml names, YAML. */
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { stringify } from "yaml";
import type { LineageDocument } from "../schema/lineage.js";

/** The text a document is written as: stable 2-space JSON, or YAML for `.yaml`/`.yml` paths. */
export function serializeDocument(doc: LineageDocument, path = "lineage.json"): string {
  if (/\.ya?ml$/i.test(path)) return stringify(doc, { lineWidth: 0 });
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Writes text so that readers see either the old file or the new one, never half of it. */
export function writeFileAtomic(path: string, text: string, options: { exclusive?: boolean } = {}): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(temp, text, { flag: "wx" });
    if (options.exclusive) writeFileSync(path, "", { flag: "wx" });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
