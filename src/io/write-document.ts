/** Writing documents atomically (temporary file, then rename), as JSON or, for .yaml/.yml names, YAML. */
import { chmodSync, chownSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { stringify } from "yaml";
import type { LineageDocument } from "../schema/lineage.js";

/** The text a document is written as: stable 2-space JSON, or YAML for `.yaml`/`.yml` paths. */
export function serializeDocument(doc: LineageDocument, path = "lineage.json"): string {
  if (/\.ya?ml$/i.test(path)) return stringify(doc, { lineWidth: 0 });
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Writes text so that readers see either the old file or the new one, never half of it. */
export function writeFileAtomic(
  path: string,
  text: string,
  options: { exclusive?: boolean; mode?: number; owner?: { uid: number; gid: number } } = {},
): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(temp, text, { flag: "wx" });
    if (options.mode !== undefined) chmodSync(temp, options.mode);
    if (options.owner !== undefined && process.getuid?.() === 0)
      chownSync(temp, options.owner.uid, options.owner.gid);
    if (options.exclusive) writeFileSync(path, "", { flag: "wx" });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** A write that was refused or failed; the message does not name any file (the caller names the user's). */
export class WriteRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WriteRefused";
  }
}

/** Says why a write failed, from its errno code, without the temporary file's name. */
export function writeFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EROFS") return "read-only file system";
  if (code === "ENOSPC") return "no space left on the device";
  if (code === "ENOENT") return "its folder does not exist";
  if (code === "EISDIR") return "is a folder";
  if (error instanceof WriteRefused) return error.message;
  return code ?? (error instanceof Error ? error.message : String(error));
}

/**
 * Replaces an existing file's content atomically, keeping what makes it the user's file: a symlink is written
 * through (its target changes, the link stays), permissions and owner are kept, and a read-only file is
 * refused (WriteRefused), not overwritten.
 */
export function replaceFileKeeping(path: string, text: string): void {
  const target = realpathSync(path);
  const stats = statSync(target);
  if (!stats.isFile()) throw new WriteRefused("not a regular file");
  if ((stats.mode & 0o222) === 0)
    throw new WriteRefused(
      "the file is read-only; ftl does not overwrite it: make it writable and run again",
    );
  writeFileAtomic(target, text, { mode: stats.mode & 0o7777, owner: { uid: stats.uid, gid: stats.gid } });
}
