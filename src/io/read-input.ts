/**
 * Reading a document from a file or standard input: size limit, binary and encoding checks, then JSON or YAML.
 * Problems come back as data; nothing here throws for bad input.
 */
import { isUtf8 } from "node:buffer";
import { parseDocument } from "yaml";
import { issue, type ValidationIssue } from "../validate/issue.js";
import { MAX_DOCUMENT_BYTES, readBounded } from "./bounded-read.js";
import { jsonErrorOffset } from "./json-error-offset.js";
import { firstDuplicateKey } from "./json-keys.js";

export { MAX_DOCUMENT_BYTES } from "./bounded-read.js";

export type ReadResult =
  | { ok: true; value: unknown; text: string; syntax: "json" | "yaml" }
  | { ok: false; kind: "usage"; message: string }
  | { ok: false; kind: "invalid"; issues: ValidationIssue[] };

/** Byte offset of the first invalid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  // Node's own check (simdutf, the same strict UTF-8: no overlong forms, surrogates or code points past
  // U+10FFFF) answers the common case at memory speed; the scan below only runs to find the offset.
  if (isUtf8(bytes)) return -1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    let extra = 0;
    let min = 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    if (b >= 0xc2 && b <= 0xdf) [extra, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [extra, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [extra, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += extra + 1;
  }
  return -1;
}

/** `message` without V8's `, "<the input>" is not valid JSON` tail (a linear scan, not `/, ".*" … $/s`). */
function withoutQuotedInput(message: string): string {
  const tail = '" is not valid JSON';
  if (!message.endsWith(tail)) return message;
  const at = message.indexOf(', "');
  return at >= 0 && at + 3 <= message.length - tail.length ? message.slice(0, at) : message;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++)
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  return { line, column: offset - last };
}

/** "UTF-16 (little-endian)" when the bytes look like UTF-16 (a byte-order mark, or NULs at every other byte). */
export function utf16Kind(bytes: Uint8Array): string | undefined {
  const [a, b] = [bytes[0], bytes[1]];
  if (a === 0xff && b === 0xfe) return "UTF-16 (little-endian)";
  if (a === 0xfe && b === 0xff) return "UTF-16 (big-endian)";
  const n = Math.min(bytes.length, 64) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0 && bytes[i + 1] !== 0) evenNul++;
    if (bytes[i + 1] === 0 && bytes[i] !== 0) oddNul++;
  }
  if (oddNul === n / 2) return "UTF-16 (little-endian)";
  if (evenNul === n / 2) return "UTF-16 (big-endian)";
  return undefined;
}

const invalid = (code: string, message: string): ReadResult => ({
  ok: false,
  kind: "invalid",
  issues: [issue("error", code, "", message)],
});

/**
 * Decodes and parses bytes as JSON (when they start with `{` or `[`) or YAML.
 *
 * @param name how to name the input in messages (file name or `<stdin>`)
 */
export function parseBytes(bytes: Uint8Array, name: string): ReadResult {
  if (bytes.length > MAX_DOCUMENT_BYTES)
    return invalid(
      "input.too-large",
      `${name}: ${bytes.length} bytes is over the ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB limit`,
    );
  const utf16 = utf16Kind(bytes);
  if (utf16 !== undefined)
    return invalid(
      "input.encoding",
      `${name}: ${utf16}, not UTF-8; save the file as UTF-8 (without a byte-order mark is best)`,
    );
  const nul = bytes.indexOf(0);
  if (nul !== -1)
    return invalid(
      "input.binary",
      `${name}: binary data (a NUL byte at offset ${nul}); expected a JSON or YAML text file`,
    );
  const bad = firstInvalidUtf8(bytes);
  if (bad !== -1)
    return invalid("input.encoding", `${name}: not valid UTF-8 (byte offset ${bad}); save the file as UTF-8`);
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const trimmed = text.trimStart();
  if (trimmed === "")
    return invalid("input.empty", `${name}: the file is empty; expected a JSON or YAML lineage document`);

  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      const value: unknown = JSON.parse(text);
      const duplicate = firstDuplicateKey(text);
      if (duplicate !== undefined) {
        const where = lineColumn(text, duplicate.offset);
        return invalid(
          "input.syntax",
          `${name}:${where.line}:${where.column}: malformed JSON: the key ${JSON.stringify(duplicate.key)} appears twice in one object`,
        );
      }
      return { ok: true, value, text, syntax: "json" };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const at = /position (\d+)/.exec(message);
      const offset = at?.[1] !== undefined ? Number(at[1]) : jsonErrorOffset(text);
      const where = offset >= 0 ? lineColumn(text, offset) : undefined;
      const reason = withoutQuotedInput(message.replace(/ in JSON at position \d+.*$/s, "")).replace(
        /^JSON\.parse: /,
        "",
      );
      return invalid(
        "input.syntax",
        `${name}${where ? `:${where.line}:${where.column}` : ""}: malformed JSON: ${reason}`,
      );
    }
  }
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, logLevel: "error" });
  const first = doc.errors[0];
  if (first !== undefined) {
    const where = lineColumn(text, first.pos[0]);
    return invalid(
      "input.syntax",
      `${name}:${where.line}:${where.column}: malformed YAML: ${first.message.split("\n")[0]}`,
    );
  }
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: 1000 }), text, syntax: "yaml" };
  } catch (error) {
    return invalid(
      "input.syntax",
      `${name}: malformed YAML: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Reads a file (`-` for standard input) within the size limit and parses it. Missing, unreadable or
 * non-regular files (folders, FIFOs, devices) are usage errors. */
export function readInput(path: string): ReadResult {
  const read = readBounded(path, { what: "lineage document" });
  if (read.ok) return parseBytes(read.bytes, path === "-" ? "<stdin>" : path);
  if (read.kind === "too-large") return invalid("input.too-large", read.message);
  return { ok: false, kind: "usage", message: read.message };
}
