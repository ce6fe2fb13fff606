/**
 * Lists the files of a model the way the reference serializers do (`_serialization/file.py`): the model path
 * itself and everything under it, ignored paths skipped first, then symbolic links refused unless allowed,
 * then anything that is neither a regular file nor a folder refused. Linked folders are not descended into
 * (Python's `Path.glob("**")` does not follow them); a link to a file is hashed under the link's name.
 */
import { lstat, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { HashError } from "./types.js";

export interface ModelFile {
  /** Relative POSIX name (`.` for a single-file model). */
  name: string;
  /** Absolute path to read. */
  absolute: string;
  size: number;
}

export interface WalkResult {
  kind: "folder" | "file";
  files: ModelFile[];
}

/** True when `name` is an ignored path or lies inside one (component-wise, like `Path.is_relative_to`). */
export function isIgnored(name: string, ignorePaths: readonly string[]): boolean {
  return ignorePaths.some((p) => p === "." || name === p || name.startsWith(`${p}/`));
}

async function statOrThrow(absolute: string, follow: boolean) {
  try {
    return follow ? await stat(absolute) : await lstat(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR")
      throw new HashError(
        follow ? "special-file" : "not-found",
        follow
          ? `${absolute}: a symbolic link to nothing (it cannot be hashed as a file or a folder)`
          : `${absolute}: no such file or folder`,
        absolute,
      );
    throw new HashError("io", `${absolute}: ${(error as Error).message}`, absolute);
  }
}

/** Stats one entry: its target when it is an allowed link, or a `HashError` for a refused one. */
async function entryStat(absolute: string, allowSymlinks: boolean) {
  const own = await statOrThrow(absolute, false);
  if (own.isSymbolicLink()) {
    if (!allowSymlinks)
      throw new HashError(
        "symlink",
        `${absolute} is a symbolic link; links are refused unless --allow-symlinks is given`,
        absolute,
      );
    return statOrThrow(absolute, true);
  }
  return own;
}

function special(absolute: string): HashError {
  return new HashError(
    "special-file",
    `${absolute} is neither a regular file nor a folder (a socket, pipe or device cannot be hashed)`,
    absolute,
  );
}

/** Walks a folder (or takes a single file) and returns its files, unsorted. */
export async function walkModel(
  root: string,
  ignorePaths: readonly string[],
  allowSymlinks: boolean,
): Promise<WalkResult> {
  const top = await entryStat(root, allowSymlinks);
  if (top.isFile()) return { kind: "file", files: [{ name: ".", absolute: root, size: top.size }] };
  if (!top.isDirectory()) throw special(root);
  const files: ModelFile[] = [];
  const pending: string[] = [""];
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    const absoluteDir = path.join(root, dir);
    let entries: string[];
    try {
      entries = await readdir(absoluteDir);
    } catch (error) {
      throw new HashError("io", `${absoluteDir}: ${(error as Error).message}`, absoluteDir);
    }
    for (const entry of entries) {
      const name = dir === "" ? entry : `${dir}/${entry}`;
      if (isIgnored(name, ignorePaths)) continue;
      const absolute = path.join(root, name);
      const own = await entryStat(absolute, allowSymlinks);
      if (own.isFile()) files.push({ name, absolute, size: own.size });
      else if (!own.isDirectory()) throw special(absolute);
      else if (!(await lstat(absolute)).isSymbolicLink()) pending.push(name);
    }
  }
  return { kind: "folder", files };
}
