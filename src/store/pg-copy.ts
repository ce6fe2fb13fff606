/**
 * COPY FROM STDIN for PostgreSQL bulk loads (pg-copy-streams): rows collected as COPY's text format and
 * sent in one stream per table, instead of one INSERT per batch and table.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

/** One value in COPY's text format: `\N` for null, backslash, tab, newline and carriage return escaped. */
export function copyValue(value: string | number | null): string {
  if (value === null) return "\\N";
  if (typeof value === "number") return String(value);
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) =>
        c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r",
      )
    : value;
}

/** Rows of one table, as COPY text in chunks of about 1 MB. */
export class CopyRows {
  private chunks: string[] = [];
  private chunk = "";
  rows = 0;

  constructor(readonly table: string) {}

  add(...row: (string | number | null)[]): void {
    this.chunk += `${row.map(copyValue).join("\t")}\n`;
    this.rows++;
    if (this.chunk.length >= 1 << 20) {
      this.chunks.push(this.chunk);
      this.chunk = "";
    }
  }

  /** Sends the collected rows (nothing when there are none) and forgets them. */
  async send(client: pg.PoolClient): Promise<void> {
    if (this.rows === 0) return;
    const chunks = this.chunk.length > 0 ? [...this.chunks, this.chunk] : this.chunks;
    this.chunks = [];
    this.chunk = "";
    this.rows = 0;
    await pipeline(Readable.from(chunks), client.query(copyFrom(`COPY ${this.table} FROM STDIN`)));
  }
}
