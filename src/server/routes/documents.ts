/**
 * `POST /api/v1/documents`: one lineage document (`application/json`) or many, one per line
 * (`application/x-ndjson`, each line a document or `{"source", "document"}` as `ftl ingest` reads). Every
 * document is validated as by `ftl add`; if any is not valid nothing is stored (422 with every issue, each with
 * its index and line), otherwise all of them are added in one transaction (201).
 */
import type { Context } from "hono";
import type { LineageDocument } from "../../schema/lineage.js";
import type { AddInput, Store } from "../../store/store.js";
import { registryIdProblem } from "../../validate/registrable.js";
import { validateLineage } from "../../validate/validate.js";
import { ApiError, type ApiIssue } from "../errors.js";
import { parseQuery } from "../request.js";
import { DocumentsPostQuery } from "../schemas.js";

const JSON_TYPES = ["application/json"];
const JSONL_TYPES = [
  "application/x-ndjson",
  "application/jsonl",
  "application/x-jsonlines",
  "application/ndjson",
];

/** Documents at most in one request (a bigger batch belongs to `ftl ingest`). */
export const MAX_DOCUMENTS = 10_000;

interface Entry {
  value: unknown;
  line: number;
  source?: string;
}

function parseEntries(text: string, jsonl: boolean): Entry[] {
  if (!jsonl) {
    try {
      return [{ value: JSON.parse(text) as unknown, line: 1 }];
    } catch (error) {
      throw new ApiError(400, "bad-request", `the body is not valid JSON (${(error as Error).message})`);
    }
  }
  const entries: Entry[] = [];
  for (const [i, raw] of text.split("\n").entries()) {
    if (raw.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw new ApiError(400, "bad-request", `line ${i + 1} is not valid JSON`, [
        { code: "syntax.json", line: i + 1, message: (error as Error).message },
      ]);
    }
    const wrapper = value as { source?: unknown; document?: unknown };
    if (typeof value === "object" && value !== null && "document" in value && !("format" in value)) {
      if (wrapper.source !== undefined && (typeof wrapper.source !== "string" || wrapper.source === ""))
        throw new ApiError(400, "bad-request", `line ${i + 1}: 'source' must be a non-empty string`);
      entries.push({
        value: wrapper.document,
        line: i + 1,
        ...(wrapper.source ? { source: wrapper.source } : {}),
      });
    } else entries.push({ value, line: i + 1 });
    if (entries.length > MAX_DOCUMENTS)
      throw new ApiError(
        413,
        "payload-too-large",
        `at most ${MAX_DOCUMENTS} documents per request (use ftl ingest)`,
      );
  }
  if (entries.length === 0) throw new ApiError(400, "bad-request", "the body holds no document");
  return entries;
}

function validated(entries: Entry[], jsonl: boolean): { documents: LineageDocument[]; issues: ApiIssue[] } {
  const documents: LineageDocument[] = [];
  const issues: ApiIssue[] = [];
  for (const [index, entry] of entries.entries()) {
    const where = jsonl ? { index, line: entry.line } : {};
    const report = validateLineage(entry.value);
    const errors = report.issues.filter((i) => i.severity === "error");
    if (!report.valid || report.document === undefined) {
      for (const e of errors)
        issues.push({ code: e.code, ...(e.path ? { path: e.path } : {}), message: e.message, ...where });
      continue;
    }
    const problem = registryIdProblem(report.document);
    if (problem !== undefined) issues.push({ code: "registry.id", message: problem, ...where });
    else documents.push(report.document);
  }
  return { documents, issues };
}

/** The handler of `POST /api/v1/documents`. */
export function documentsHandler(store: Store) {
  return async (c: Context<{ Variables: { tokenName: string | undefined } }>) => {
    const q = parseQuery(c, DocumentsPostQuery);
    const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    const jsonl = JSONL_TYPES.includes(type);
    if (!jsonl && !JSON_TYPES.includes(type))
      throw new ApiError(
        415,
        "unsupported-media-type",
        `send application/json (one document) or application/x-ndjson (one per line), not '${type || "nothing"}'`,
      );
    const entries = parseEntries(await c.req.text(), jsonl);
    const { documents, issues } = validated(entries, jsonl);
    if (issues.length > 0)
      throw new ApiError(
        422,
        "invalid-document",
        `${entries.length - documents.length} of ${entries.length} document(s) not valid; nothing was stored`,
        issues,
      );
    const source = q.source ?? `api:${c.get("tokenName") ?? "anonymous"}`;
    const batch: AddInput[] = documents.map((document, i) => ({
      document,
      source: entries[i]?.source ?? source,
    }));
    const summary = await store.addDocuments(batch);
    return c.json({ ...summary, source }, 201);
  };
}
