/**
 * A mergekit configuration written as a Python string and saved by the program (LazyMergekit's notebook:
 * `yaml_config = """ models: … merge_method: task_arithmetic … """`, then `!mergekit-yaml config.yaml merge`; blind dev
 * g8-mrg-phi35-mini-task-arithmetic-mergekit-notebook, t6-rcp-mergekit-marcoro14-slerp-python-config-writer): read
 * as the mergekit recipe it is.
 */
import { parseDocument } from "yaml";
import type { FileFacts } from "./facts.js";
import { readMergekit } from "./read-derived-recipes.js";
import type { SourceFile } from "./types.js";

const QUOTES = ['"""', "'''"] as const;

/** The triple-quoted strings of a Python text, with the line each starts on. */
function tripleQuoted(text: string): { body: string; line: number }[] {
  const out: { body: string; line: number }[] = [];
  let at = 0;
  while (at < text.length) {
    const starts = QUOTES.map((q) => ({ q, i: text.indexOf(q, at) })).filter((s) => s.i >= 0);
    if (starts.length === 0) break;
    const first = starts.reduce((a, b) => (b.i < a.i ? b : a));
    const end = text.indexOf(first.q, first.i + 3);
    if (end < 0) break;
    out.push({ body: text.slice(first.i + 3, end), line: text.slice(0, first.i).split("\n").length });
    at = end + 3;
  }
  return out;
}

function mergekitObject(body: string): Record<string, unknown> | undefined {
  if (!body.includes("merge_method")) return undefined;
  const doc = parseDocument(body, { prettyErrors: false, logLevel: "error" });
  if (doc.errors.length > 0) return undefined;
  const obj = doc.toJS({ maxAliasCount: 100 }) as unknown;
  if (typeof obj !== "object" || obj === null || Array.isArray(obj)) return undefined;
  const o = obj as Record<string, unknown>;
  return typeof o.merge_method === "string" && (o.models !== undefined || o.slices !== undefined)
    ? o
    : undefined;
}

/** The merge a Python program's mergekit string describes, or undefined. */
export function readMergekitString(file: SourceFile): FileFacts | undefined {
  for (const { body } of tripleQuoted(file.text)) {
    const obj = mergekitObject(body);
    if (!obj) continue;
    const out: FileFacts = { file: file.path, kind: "mergekit", bases: [], steps: [], warnings: [] };
    readMergekit(obj, file.path, body, out);
    for (const s of out.steps) s.recipe = true;
    return out.steps.length > 0 ? out : undefined;
  }
  return undefined;
}
