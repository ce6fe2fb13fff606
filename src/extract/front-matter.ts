/**
 * A card's YAML front matter: split from the body, the keys extraction reads parsed by a fast reader where the
 * YAML is plain (simple-yaml.ts) and by the `yaml` package otherwise, each top-level key's line noted;
 * problems become warnings naming the file and line.
 */
import { parseDocument } from "yaml";
import { hasLineTerminator, isLineTerminator, isSpace, trimChars } from "../model/trim.js";
import { simpleYamlMapping } from "./simple-yaml.js";
import type { ExtractWarning } from "./types.js";

/** Front-matter keys extraction reads; the rest (widgets, evaluation results) is skipped unparsed. */
const NEEDED_KEYS = new Set([
  "base_model",
  "base_model_relation",
  "datasets",
  "license",
  "license_name",
  "license_link",
  "tags",
  "library_name",
  "pipeline_tag",
  "model_name",
  "name",
]);

/**
 * The value of a `name: X` (or `- name: X`) line: what `/^\s*-?\s*name:\s*(.+?)\s*$/` captured, without its
 * ambiguous quantifiers. The value is the text between the spaces, when it is one line; a value of spaces alone
 * is the last space that is not a line break (as the lazy group took it).
 */
function nameValue(line: string): string | undefined {
  const label = /^\s*(?:-\s*)?name:/.exec(line);
  if (!label) return undefined;
  const rest = line.slice(label[0].length);
  const value = trimChars(rest, isSpace);
  if (value !== "") return hasLineTerminator(value) ? undefined : value;
  for (let i = rest.length - 1; i >= 0; i--) if (!isLineTerminator(rest[i])) return rest[i];
  return undefined;
}

/**
 * Reads only the needed top-level keys of plain block-style front matter (the common case), which is much
 * faster than parsing a large `model-index`. Returns undefined when the text is not plainly a mapping of
 * top-level keys, so that the full parser reports what is wrong; null when a needed key is malformed.
 */
function fastFrontMatter(
  lines: string[],
  from: number,
  to: number,
  file: string,
  warnings: ExtractWarning[],
): Record<string, unknown> | null | undefined {
  const chunks: { key: string; start: number; end: number }[] = [];
  for (let i = from; i < to; i++) {
    const row = lines[i] ?? "";
    const c = row.charCodeAt(0);
    if (row === "" || c === 32 || c === 9 || c === 35) continue; // blank, indented, comment
    const m = /^([A-Za-z_][\w-]*)\s*:(?:\s|$)/.exec(row);
    if (!m?.[1]) {
      if (row.startsWith("- ") && chunks.length > 0) continue; // a list at column 0 under the previous key
      return undefined;
    }
    const last = chunks[chunks.length - 1];
    if (last) last.end = i;
    chunks.push({ key: m[1], start: i, end: to });
  }
  if (chunks.length === 0) return undefined;
  const data: Record<string, unknown> = {};
  for (const chunk of chunks) {
    if (chunk.key === "model-index") {
      for (let i = chunk.start + 1; i < chunk.end; i++) {
        const name = nameValue(lines[i] ?? "");
        if (name) {
          data["model-index"] = [{ name: name.replace(/^["']|["']$/g, "") }];
          break;
        }
      }
      continue;
    }
    if (!NEEDED_KEYS.has(chunk.key)) continue;
    const simple = simpleYaml(lines, chunk.start, chunk.end);
    if (simple !== undefined) {
      data[chunk.key] = simple;
      continue;
    }
    const text = lines.slice(chunk.start, chunk.end).join("\n");
    const plain = simpleYamlMapping(text);
    if (plain) {
      Object.assign(data, plain);
      continue;
    }
    const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false, logLevel: "error" });
    const error = doc.errors[0];
    if (error) {
      let line = chunk.start + 1;
      for (let k = 0; k < error.pos[0] && k < text.length; k++) if (text.charCodeAt(k) === 10) line++;
      warnings.push({
        code: "card.front-matter-invalid",
        message: `${file}:${line}: front matter is not valid YAML (${error.message.split("\n")[0]}); metadata skipped, body read`,
        file,
      });
      return null;
    }
    let value: Record<string, unknown> | null;
    try {
      value = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown> | null;
    } catch (e) {
      // An alias whose anchor sits under another key (`base_model: *a`): that key is skipped, and said.
      warnings.push({
        code: "card.front-matter-invalid",
        message: `${file}:${chunk.start + 1}: front matter key "${chunk.key}" cannot be read (${e instanceof Error ? e.message : String(e)}); key skipped`,
        file,
        field: chunk.key,
      });
      continue;
    }
    if (value && typeof value === "object") Object.assign(data, value);
  }
  return data;
}

const PLAIN = /^[^'"[\]{}&*!|>%@`#,][^#]*$/;

function plainScalar(raw: string): string | undefined {
  const v = raw.trim();
  if (v === "") return undefined;
  if (/^"[^"\\]*"$/.test(v) || /^'[^']*'$/.test(v)) return v.slice(1, -1);
  if (!PLAIN.test(v) || /:\s|\s#/.test(v)) return undefined;
  return v;
}

/**
 * The value of one top-level key when it is a plain scalar or a plain list (`key: x`, `key: [a, b]`,
 * `key:\n- a\n- b`), as strings; undefined when anything else appears, so that the YAML parser reads it.
 */
function simpleYaml(lines: string[], start: number, end: number): string | string[] | null | undefined {
  const head = lines[start] ?? "";
  const rest = head.slice(head.indexOf(":") + 1).trim();
  if (rest !== "") {
    if (
      end - start > 1 &&
      lines.slice(start + 1, end).some((l) => l.trim() !== "" && !l.trim().startsWith("#"))
    )
      return undefined;
    const flow = /^\[(.*)\]$/.exec(rest);
    if (flow) {
      if (flow[1]?.trim() === "") return [];
      const items = (flow[1] ?? "").split(",").map(plainScalar);
      return items.every((x): x is string => x !== undefined) ? items : undefined;
    }
    if (/^(null|~)$/.test(rest)) return null;
    if (/^(true|false|[-+]?\d[\d._eE+-]*)$/.test(rest)) return undefined;
    return plainScalar(rest);
  }
  const items: string[] = [];
  for (let i = start + 1; i < end; i++) {
    const row = (lines[i] ?? "").trim();
    if (row === "" || row.startsWith("#")) continue;
    const item = /^-\s+(\S.*|)$/.exec(row);
    const value = item ? plainScalar(item[1] ?? "") : undefined;
    if (value === undefined) return undefined;
    items.push(value);
  }
  return items.length > 0 ? items : null;
}

/** Splits and parses YAML front matter; problems become warnings naming the file and line. */
export function frontMatter(
  lines: string[],
  file: string,
  warnings: ExtractWarning[],
): { data?: Record<string, unknown>; bodyStart: number; keyLines: Map<string, number> } {
  const keyLines = new Map<string, number>();
  if (lines[0]?.trim() !== "---") return { bodyStart: 0, keyLines };
  let end = -1;
  for (let i = 1; i < lines.length; i++) {
    const c = lines[i]?.charCodeAt(0);
    if ((c === 45 || c === 46) && /^(---|\.\.\.)\s*$/.test(lines[i] ?? "")) {
      end = i;
      break;
    }
  }
  if (end === -1) {
    warnings.push({
      code: "card.front-matter-unclosed",
      message: `${file}:1: front matter starts with --- but has no closing ---; read as body`,
      file,
    });
    return { bodyStart: 1, keyLines };
  }
  for (let i = 1; i < end; i++) {
    // Indented lines (most of a `model-index`) hold no top-level key.
    const c = lines[i]?.charCodeAt(0) ?? 32;
    if (c === 32 || c === 45 || c === 9) continue;
    const m = /^([A-Za-z_][\w-]*)\s*:/.exec(lines[i] ?? "");
    if (m?.[1] && !keyLines.has(m[1])) keyLines.set(m[1], i + 1);
  }
  const fast = fastFrontMatter(lines, 1, end, file, warnings);
  if (fast !== undefined)
    return { ...(fast ? { data: fast } : {}), bodyStart: end + 1, keyLines: fast ? keyLines : new Map() };
  const yamlText = lines.slice(1, end).join("\n");
  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: false, logLevel: "error" });
  const error = doc.errors[0];
  if (error) {
    let line = 2;
    for (let k = 0; k < error.pos[0] && k < yamlText.length; k++) if (yamlText.charCodeAt(k) === 10) line++;
    warnings.push({
      code: "card.front-matter-invalid",
      message: `${file}:${line}: front matter is not valid YAML (${error.message.split("\n")[0]}); metadata skipped, body read`,
      file,
    });
    return { bodyStart: end + 1, keyLines: new Map() };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    warnings.push({
      code: "card.front-matter-invalid",
      message: `${file}: front matter cannot be read (${e instanceof Error ? e.message : String(e)}); metadata skipped`,
      file,
    });
    return { bodyStart: end + 1, keyLines: new Map() };
  }
  if (data === null || data === undefined) return { bodyStart: end + 1, keyLines };
  if (typeof data !== "object" || Array.isArray(data)) {
    warnings.push({
      code: "card.front-matter-not-mapping",
      message: `${file}:2: front matter is ${Array.isArray(data) ? "a list" : `a ${typeof data}`}, expected key: value pairs; metadata skipped`,
      file,
    });
    return { bodyStart: end + 1, keyLines: new Map() };
  }
  return { data: data as Record<string, unknown>, bodyStart: end + 1, keyLines };
}
