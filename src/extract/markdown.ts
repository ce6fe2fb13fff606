/**
 * A light Markdown reader for model cards: front matter, headings, list items, tables, fenced code blocks and
 * prose sentences, each with its 1-based line number. No rendering, no HTML: only what extraction needs.
 */

import { parseDocument } from "yaml";
import {
  hasLineTerminator,
  isLineTerminator,
  isSpace,
  trimChars,
  trimEnd,
  trimStart,
} from "../model/trim.js";
import { simpleYamlMapping } from "./simple-yaml.js";
import type { ExtractWarning } from "./types.js";

export interface Block {
  type: "prose" | "item" | "table" | "code";
  text: string;
  line: number;
  /** The headings above the block, outermost first. */
  headings: string[];
  /** Code blocks: the language after the fence. */
  lang?: string;
}

export interface ParsedCard {
  frontMatter?: Record<string, unknown>;
  /** Line of each top-level front-matter key. */
  keyLines: Map<string, number>;
  blocks: Block[];
  title?: string;
}

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
function frontMatter(
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

/** Parses a card into front matter and blocks. */
export function parseCard(text: string, file: string, warnings: ExtractWarning[]): ParsedCard {
  const lines = text.includes("\r") ? text.split(/\r?\n/) : text.split("\n");
  const fm = frontMatter(lines, file, warnings);
  const blocks: Block[] = [];
  const headings: string[] = [];
  let title: string | undefined;
  let paragraph: string[] = [];
  let paragraphLine = 0;
  // The blocks under the same headings share one copy of them (a new copy when a heading changes).
  let shared: string[] | undefined;
  const headingsNow = () => {
    shared ??= [...headings];
    return shared;
  };
  const flush = () => {
    // Lines that are each `key: value` ("learning rate: 3e-5", "model: bert-base-uncased") are a list, not
    // a sentence.
    let keys = 0;
    while (keys < paragraph.length && isKeyLine(paragraph[keys] ?? "")) keys++;
    if (keys < 2) keys = 0;
    for (let k = 0; k < keys; k++)
      blocks.push({
        type: "item",
        text: paragraph[k] ?? "",
        line: paragraphLine + k,
        headings: headingsNow(),
      });
    if (paragraph.length > keys)
      blocks.push({
        type: "prose",
        text: paragraph.slice(keys).join(" "),
        line: paragraphLine + keys,
        headings: headingsNow(),
      });
    paragraph = [];
  };
  for (let i = fm.bodyStart; i < lines.length; i++) {
    const raw = lines[i] ?? "";
    const line = raw.trim();
    const first = line.charCodeAt(0);
    const fence = first === 96 || first === 126 ? /^(`{3,}|~{3,})\s*([\w+-]*)/.exec(line) : null;
    if (fence) {
      flush();
      const marker = fence[1] ?? "```";
      const start = i;
      const body: string[] = [];
      for (i++; i < lines.length && !(lines[i] ?? "").trim().startsWith(marker); i++)
        body.push(lines[i] ?? "");
      blocks.push({
        type: "code",
        text: body.join("\n"),
        line: start + 2,
        headings: headingsNow(),
        lang: (fence[2] ?? "").toLowerCase(),
      });
      continue;
    }
    if (line.startsWith("<!--")) {
      flush();
      while (i < lines.length && !(lines[i] ?? "").includes("-->")) i++;
      continue;
    }
    const heading = atxHeading(line);
    if (heading) {
      flush();
      const level = heading.level;
      const textOf = heading.text.replace(/\*\*|`/g, "");
      headings.length = Math.min(headings.length, level - 1);
      while (headings.length < level - 1) headings.push("");
      headings.push(textOf);
      shared = undefined;
      if (level === 1 && title === undefined) title = textOf;
      continue;
    }
    const mark = first === 45 || first === 42 || first === 95; // - * _
    if (line === "" || (mark && /^(-{3,}|\*{3,}|_{3,})$/.test(line))) {
      flush();
      continue;
    }
    if (line.startsWith("|")) {
      flush();
      blocks.push({ type: "table", text: line, line: i + 1, headings: headingsNow() });
      continue;
    }
    const item =
      mark || first === 43 || (first >= 48 && first <= 57)
        ? /^(?:[-*+]|\d+[.)])\s+(\S.*|)$/.exec(line)
        : null;
    if (item) {
      flush();
      blocks.push({ type: "item", text: item[1] ?? "", line: i + 1, headings: headingsNow() });
      continue;
    }
    if (paragraph.length === 0) paragraphLine = i + 1;
    paragraph.push(line);
  }
  flush();
  return {
    ...(fm.data ? { frontMatter: fm.data } : {}),
    keyLines: fm.keyLines,
    blocks,
    ...(title ? { title } : {}),
  };
}

/** `key: value` on one line, with a short key. */
/**
 * `**Key:** value`: what `/^[*_`]*[A-Za-z][\w .-]{0,38}[*_`]*\s*[:：]\s*\S/` accepted, tested in parts (the markup
 * and spaces around a key were ambiguous). The colon is the first one; the key is what is left of the text before
 * it once the markup and spaces around it are taken off.
 */
function isKeyLine(line: string): boolean {
  const colon = line.search(/[:：]/);
  if (colon < 0 || trimStart(line.slice(colon + 1), isSpace) === "") return false;
  const key = trimStart(trimEnd(trimEnd(line.slice(0, colon), isSpace), "*_`"), "*_`");
  return /^[A-Za-z][\w .-]{0,38}$/.test(key);
}

/**
 * An ATX heading (`## Title ##`): its level and text. A scanner, not a regular expression, so that a line of
 * thousands of `#` costs one pass.
 */
export function atxHeading(line: string): { level: number; text: string } | undefined {
  let level = 0;
  while (level < line.length && line.charCodeAt(level) === 35) level++;
  if (level < 1 || level > 6) return undefined;
  const rest = line.slice(level);
  if (rest !== "" && !/^\s/.test(rest)) return undefined;
  let end = rest.length;
  while (end > 0 && /\s/.test(rest[end - 1] ?? "")) end--;
  let hashes = end;
  while (hashes > 0 && rest.charCodeAt(hashes - 1) === 35) hashes--;
  // Closing hashes count only after white space (`# C#` keeps its `#`).
  if (hashes < end && (hashes === 0 || /\s/.test(rest[hashes - 1] ?? ""))) end = hashes;
  return { level, text: rest.slice(0, end).trim() };
}

/** The innermost heading above a block that is not empty, or "" (`headings.filter(Boolean).pop() ?? ""`, uncopied). */
export function innerHeading(block: Block): string {
  const headings = block.headings;
  for (let i = headings.length - 1; i >= 0; i--) if (headings[i]) return headings[i] as string;
  return "";
}

/** Splits prose into sentences (on `.`, `!`, `?` followed by a space and a capital or a link). */
export function sentences(text: string): string[] {
  if (!text.includes(".") && !text.includes("!") && !text.includes("?")) return [text];
  return text.split(/(?<=[.!?])\s+(?=[A-Z[*(“"])/);
}

/** A Markdown link's span: `[label](target)` from `start` to `end` (exclusive). */
export interface LinkSpan {
  label: string;
  target: string;
  start: number;
  end: number;
}

/**
 * Every `[label](target)` in a text, found by a scanner: each `[` is looked at once and an unclosed `[a](` never
 * makes the search go back, so the cost is linear in the text (a regular expression here is cubic on
 * `[a](` repeated).
 */
export function linkSpans(text: string): LinkSpan[] {
  const out: LinkSpan[] = [];
  let from = 0;
  for (;;) {
    const open = text.indexOf("[", from);
    if (open === -1) return out;
    const close = text.indexOf("]", open + 1);
    if (close === -1) return out;
    const inner = text.lastIndexOf("[", close);
    if (inner > open || text[close + 1] !== "(") {
      from = inner > open ? inner : close + 1;
      continue;
    }
    const end = text.indexOf(")", close + 2);
    if (end === -1) return out;
    out.push({
      label: text.slice(open + 1, close),
      target: text.slice(close + 2, end),
      start: open,
      end: end + 1,
    });
    from = end + 1;
  }
}

/** Markdown links `[text](url)` in a text (links with an empty target are left out). */
export function links(text: string): { text: string; url: string; index: number }[] {
  return linkSpans(text).flatMap((l) => {
    const url = /^\S+/.exec(l.target)?.[0];
    return url ? [{ text: l.label, url, index: l.start }] : [];
  });
}

/** The text with each link replaced by what `render` makes of it; linear, like `linkSpans`. */
export function replaceLinks(text: string, render: (label: string, target: string) => string): string {
  if (!text.includes("](")) return text;
  let out = "";
  let at = 0;
  for (const l of linkSpans(text)) {
    out += text.slice(at, l.start) + render(l.label, l.target);
    at = l.end;
  }
  return out + text.slice(at);
}

/** `https://huggingface.co/datasets/ORG/NAME` → `{kind: "dataset", id}`; models likewise. */
export function hubLink(url: string): { kind: "model" | "dataset"; id: string } | undefined {
  const m =
    /^https?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co)\/(datasets\/|spaces\/|collections\/|docs\/|blog\/|papers\/)?([\w.-]+)(?:\/([\w.-]+))?/.exec(
      url,
    );
  if (!m?.[2]) return undefined;
  if (m[1] && m[1] !== "datasets/") return undefined;
  const id = m[3] ? `${m[2]}/${m[3]}` : m[2];
  if (
    [
      "datasets",
      "models",
      "spaces",
      "docs",
      "blog",
      "papers",
      "settings",
      "join",
      "login",
      "organizations",
    ].includes(m[2]) &&
    !m[1]
  )
    return undefined;
  return { kind: m[1] === "datasets/" ? "dataset" : "model", id };
}
