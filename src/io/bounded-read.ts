/**
 * Bounded file reading: every read stops at a byte limit while it streams (never after), and only regular
 * files are read. FIFOs, sockets and devices (`/dev/zero`, a terminal) are refused by name before they are
 * opened, so nothing blocks on a FIFO with no writer; standard input is read only when asked for (`-`).
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats, statSync } from "node:fs";

/** Largest document ftl reads (the documented 64 MiB). */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

export type BoundedRead =
  | { ok: true; bytes: Buffer }
  | { ok: false; kind: "usage"; message: string }
  | { ok: false; kind: "too-large"; message: string };

export interface BoundedReadOptions {
  /** Stop and refuse past this many bytes (default 64 MiB). */
  maxBytes?: number;
  /** Read standard input for `-` (default true). */
  allowStdin?: boolean;
  /** What the file is, for messages ("document", "policy"). */
  what?: string;
  /** The name a missing file is given ("key file" gives "no such key file"; default "file"). */
  missingName?: string;
}

const CHUNK = 1024 * 1024;

/** What a non-regular file is, in words, or undefined for a regular file. */
export function fileKind(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return "a folder";
  if (stats.isFIFO()) return "a named pipe (FIFO)";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isSocket()) return "a socket";
  return "not a regular file";
}

/** Says why a read failed, from an errno code. */
export function errnoReason(error: unknown, missingName = "file"): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return `no such ${missingName}`;
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ELOOP") return "too many symbolic links";
  if (code === "ENOTDIR") return "a path component is not a folder";
  return `cannot read (${code ?? String(error)})`;
}

function tooLarge(name: string, size: number | undefined, max: number): BoundedRead {
  const mib = max / 1024 / 1024;
  const what = size === undefined ? `more than ${max} bytes` : `${size} bytes`;
  return { ok: false, kind: "too-large", message: `${name}: ${what} is over the ${mib} MiB limit` };
}

/** Reads from an open descriptor until EOF or `max + 1` bytes, whichever comes first. */
function readUpTo(fd: number, max: number): { bytes: Buffer; over: boolean } {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK, max + 1 - total));
    let n: number;
    try {
      n = readSync(fd, buffer, 0, buffer.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EAGAIN") {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
        continue;
      }
      if ((error as NodeJS.ErrnoException).code === "EOF") break;
      throw error;
    }
    if (n === 0) break;
    chunks.push(buffer.subarray(0, n));
    total += n;
    if (total > max) return { bytes: Buffer.alloc(0), over: true };
  }
  return { bytes: Buffer.concat(chunks, total), over: false };
}

function readStdin(max: number): BoundedRead {
  try {
    const { bytes, over } = readUpTo(0, max);
    return over ? tooLarge("<stdin>", undefined, max) : { ok: true, bytes };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    return { ok: false, kind: "usage", message: `<stdin>: cannot read standard input (${code})` };
  }
}

/**
 * Reads a whole file (or standard input for `-`), refusing non-regular files and stopping past the limit.
 *
 * @example
 * const read = readBounded("card.json");
 * if (read.ok) parse(read.bytes); else console.error(read.message);
 */
export function readBounded(path: string, options: BoundedReadOptions = {}): BoundedRead {
  const max = options.maxBytes ?? MAX_DOCUMENT_BYTES;
  if (path === "-" && options.allowStdin !== false) return readStdin(max);
  const what = options.what ?? "regular";
  let fd: number | undefined;
  try {
    const kind = fileKind(statSync(path));
    if (kind !== undefined)
      return { ok: false, kind: "usage", message: `${path}: is ${kind}; expected a ${what} file` };
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stats = fstatSync(fd);
    const swapped = fileKind(stats);
    if (swapped !== undefined)
      return { ok: false, kind: "usage", message: `${path}: is ${swapped}; expected a ${what} file` };
    if (stats.size > max) return tooLarge(path, stats.size, max);
    const { bytes, over } = readUpTo(fd, max);
    return over ? tooLarge(path, undefined, max) : { ok: true, bytes };
  } catch (error) {
    return { ok: false, kind: "usage", message: `${path}: ${errnoReason(error, options.missingName)}` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Reads a regular text file as UTF-8 within the limit; throws an Error naming the file otherwise. */
export function readBoundedText(path: string, options: BoundedReadOptions = {}): string {
  const read = readBounded(path, options);
  if (!read.ok) throw new Error(read.message);
  return read.bytes.toString("utf8");
}
