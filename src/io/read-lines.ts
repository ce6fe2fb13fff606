/**
 * JSON Lines reading with a bound per line: a file is read in chunks and split on `\n`; a line longer than
 * the limit is skipped while it streams (its bytes are never kept), so `/dev/zero`-like input or one
 * endless line cannot exhaust memory. Each line comes back as bytes so that the caller can reject invalid
 * UTF-8 instead of having it replaced by U+FFFD.
 */
import { open } from "node:fs/promises";
import { MAX_DOCUMENT_BYTES } from "./bounded-read.js";

export type JsonlLine =
  | { line: number; bytes: Buffer; tooLong?: undefined }
  | { line: number; tooLong: true; bytes?: undefined };

export interface LineReader {
  /** Bytes read from the file so far. */
  readonly bytesRead: number;
  lines(): AsyncGenerator<JsonlLine>;
}

const CHUNK = 1024 * 1024;

function trimCr(bytes: Buffer): Buffer {
  return bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.subarray(0, -1) : bytes;
}

/**
 * Opens a regular file (the caller checks that) for bounded line reading.
 *
 * @example
 * const reader = lineReader("registry.jsonl");
 * for await (const l of reader.lines()) if (!l.tooLong) handle(l.bytes);
 */
export function lineReader(path: string, maxLineBytes = MAX_DOCUMENT_BYTES): LineReader {
  let bytesRead = 0;
  async function* lines(): AsyncGenerator<JsonlLine> {
    const handle = await open(path, "r");
    try {
      let parts: Buffer[] = [];
      let partBytes = 0;
      let skipping = false;
      let line = 1;
      const buffer = Buffer.allocUnsafe(CHUNK);
      for (;;) {
        const { bytesRead: n } = await handle.read(buffer, 0, CHUNK, null);
        if (n === 0) break;
        bytesRead += n;
        let start = 0;
        for (let nl = buffer.indexOf(10, 0); nl !== -1 && nl < n; nl = buffer.indexOf(10, start)) {
          if (skipping || partBytes + nl - start > maxLineBytes) yield { line, tooLong: true };
          else yield { line, bytes: trimCr(Buffer.concat([...parts, buffer.subarray(start, nl)])) };
          parts = [];
          partBytes = 0;
          skipping = false;
          line++;
          start = nl + 1;
        }
        if (start < n && !skipping) {
          partBytes += n - start;
          if (partBytes > maxLineBytes) {
            skipping = true;
            parts = [];
          } else parts.push(Buffer.from(buffer.subarray(start, n)));
        }
      }
      if (skipping) yield { line, tooLong: true };
      else if (partBytes > 0) yield { line, bytes: trimCr(Buffer.concat(parts)) };
    } finally {
      await handle.close();
    }
  }
  return {
    get bytesRead() {
      return bytesRead;
    },
    lines,
  };
}
