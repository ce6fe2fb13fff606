/**
 * One JSONL line of `ftl ingest`, checked (size, UTF-8, BOM), parsed, validated and planned as rows: the pure
 * work, done in the reading thread or in a worker thread (ingest-worker.ts), with the same results.
 */
import { MAX_DOCUMENT_BYTES } from "../io/bounded-read.js";
import { isPlainJson, scanJsonText } from "../io/json-keys.js";
import { firstInvalidUtf8 } from "../io/read-input.js";
import type { JsonlLine } from "../io/read-lines.js";
import type { LineageDocument } from "../schema/lineage.js";
import { registryIdProblem } from "../validate/registrable.js";
import { parseLineage } from "../validate/validate.js";
import { MAX_NESTING_DEPTH, valueIssues } from "../validate/value-checks.js";
import { type PlannedInput, planDocument } from "./plan.js";
import type { AddInput } from "./store.js";

/** A line's outcome: its planned document, or why it was skipped (blank lines have none). */
export type LineEntry = { line: number } & ({ planned: PlannedInput } | { message: string });

function trustedShape(value: unknown): string | undefined {
  const v = value as Partial<LineageDocument> | null;
  if (typeof v !== "object" || v === null || Array.isArray(v)) return "expected a JSON object";
  if (v.format !== "ftl/v1") return `format: expected "ftl/v1", got ${JSON.stringify(v.format)}`;
  if (typeof v.subject?.id !== "string") return "subject.id: expected a string";
  if (!Array.isArray(v.bases)) return "bases: expected a list";
  if (!Array.isArray(v.steps)) return "steps: expected a list";
  return undefined;
}

/**
 * Turns a parsed value into a document, or a message saying why not. `clean`: the value was parsed from plain
 * text (scanJsonText) nested at most MAX_NESTING_DEPTH deep, so `valueIssues` has nothing to find.
 */
export function toDocument(
  value: unknown,
  validation: "schema" | "trusted",
  clean = false,
): { document: LineageDocument } | { message: string } {
  if (validation === "trusted") {
    const problem =
      trustedShape(value) ??
      (clean ? undefined : valueIssues(value)[0]?.message) ??
      registryIdProblem(value as LineageDocument);
    return problem === undefined ? { document: value as LineageDocument } : { message: problem };
  }
  const parsed = parseLineage(value);
  if (parsed.success) {
    const problem = registryIdProblem(parsed.data);
    return problem === undefined ? { document: parsed.data } : { message: problem };
  }
  const first = parsed.issues.slice(0, 3).map((i) => i.message);
  const more = parsed.issues.length > 3 ? ` (+${parsed.issues.length - 3} more)` : "";
  return { message: `not a valid ftl/v1 document: ${first.join("; ")}${more}` };
}

/** Reads one JSONL line: a document, or a `{source, document}` wrapper. */
export function parseJsonlLine(
  text: string,
  defaultSource: string,
  validation: "schema" | "trusted",
): { input: AddInput } | { message: string } {
  const read = readJsonlLine(text, defaultSource, validation);
  return "input" in read ? { input: read.input } : read;
}

/**
 * {@link parseJsonlLine}, and whether the document's strings are from plain text (scanJsonText; `plain`: when
 * the caller knows it from the bytes).
 */
function readJsonlLine(
  text: string,
  defaultSource: string,
  validation: "schema" | "trusted",
  plainText?: boolean,
): { input: AddInput; plain: boolean } | { message: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { message: `malformed JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const { duplicate, depth, plain } = scanJsonText(text, plainText);
  if (duplicate !== undefined)
    return {
      message: `malformed JSON: the key ${JSON.stringify(duplicate.key)} appears twice in one object`,
    };
  let source = defaultSource;
  if (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    !("format" in value) &&
    "document" in value
  ) {
    const wrapper = value as { source?: unknown; document: unknown };
    if (wrapper.source !== undefined) {
      if (typeof wrapper.source !== "string" || wrapper.source.trim() === "")
        return { message: "source: expected a non-empty string" };
      source = wrapper.source;
    }
    value = wrapper.document;
  }
  // Plain text has no string valueIssues would report; its depth bounds the document's.
  const doc = toDocument(value, validation, plain && depth <= MAX_NESTING_DEPTH);
  // The schema check may rewrite values (defaults); a trusted document is the parsed value itself.
  return "document" in doc
    ? { input: { document: doc.document, source }, plain: plain && validation === "trusted" }
    : doc;
}

/** A JSONL line's text ("" for a blank line), or why it cannot be read. */
export function jsonlText(read: JsonlLine): string | { message: string } {
  if (read.tooLong)
    return { message: `line over the ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB limit; skipped` };
  let bytes = read.bytes;
  if (read.line === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    bytes = bytes.subarray(3);
  const bad = firstInvalidUtf8(bytes);
  if (bad !== -1) return { message: `not valid UTF-8 (byte ${bad + 1} of the line); save the file as UTF-8` };
  const text = bytes.toString("utf8");
  return text.trim() === "" ? "" : text;
}

/** Checks, parses and plans one JSONL line; undefined for a blank line. */
export function planLine(
  read: JsonlLine,
  source: string,
  validation: "schema" | "trusted",
): LineEntry | undefined {
  const text = jsonlText(read);
  if (text === "") return undefined;
  // A first line's byte order mark makes the bytes not plain: that line is checked by its text.
  const parsed =
    typeof text === "string"
      ? readJsonlLine(text, source, validation, read.bytes !== undefined && isPlainJson(read.bytes))
      : text;
  if ("message" in parsed) return { line: read.line, message: parsed.message };
  return {
    line: read.line,
    planned: { plan: planDocument(parsed.input.document, parsed.plain), source: parsed.input.source },
  };
}
