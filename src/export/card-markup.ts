/**
 * Text that lands in a model card, escaped for the context it lands in: ids in code spans (or, when a code
 * span cannot hold them safely, in `<code>` with HTML entities), free text with HTML neutralised, and the
 * reverse for reading a card back. Nothing an id contains can open HTML, close its code span, break a table
 * row or forge the ftl section markers.
 */
import { hasControl, mapControls } from "../render/visible.js";

/** Can a plain backtick code span carry this safely? Not with backticks, HTML, controls or line breaks. */
const unsafeInSpan = (text: string): boolean => /[`<>&]/.test(text) || hasControl(text);

const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** HTML-escapes text for `<code>`: `& < > "`, backticks, pipes and control characters as entities. */
export function htmlEscape(text: string): string {
  const escaped = text.replace(/[&<>"`|]/g, (c) => ENTITY[c] ?? `&#${c.charCodeAt(0)};`);
  return mapControls(escaped, (_c, code) => `&#${code};`);
}

/** Reverses {@link htmlEscape} (and the few named entities it writes). */
export function htmlUnescape(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#\d{1,7});/g, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code = Number(name.slice(1));
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return { amp: "&", lt: "<", gt: ">", quot: '"' }[name] ?? whole;
  });
}

/** An id as inline code outside tables. */
export function codeSpan(text: string): string {
  return unsafeInSpan(text) ? `<code>${htmlEscape(text)}</code>` : `\`${text}\``;
}

/** An id as inline code inside a GFM table cell (pipes escaped). */
export function code(text: string): string {
  return unsafeInSpan(text) ? `<code>${htmlEscape(text)}</code>` : `\`${text.replaceAll("|", "\\|")}\``;
}

/**
 * Each run of whitespace that holds a line break as one space (what `/\s*\n\s*\/g` would do, in linear time:
 * that pattern backtracks quadratically over long runs of spaces).
 */
export function flattenLines(text: string): string {
  if (!text.includes("\n")) return text;
  const lines = text.split("\n");
  const last = lines.length - 1;
  const kept = lines
    .map((line, i) => (i === 0 ? line.trimEnd() : i === last ? line.trimStart() : line.trim()))
    .filter((line, i) => i === 0 || i === last || line !== "");
  return kept.join(" ");
}

/** Free text inside a table cell or list item: one line, pipes escaped, no live HTML. */
export function cell(text: string): string {
  const flat = flattenLines(text).replace(/[&<>]/g, (c) => ENTITY[c] ?? c);
  return mapControls(flat, (_c, code) => `&#${code};`).replaceAll("|", "\\|");
}

/** The text of a code span (`` `x` ``, ``` `` x `` ``` from older ftl, or `<code>…</code>`), or undefined. */
export function parseCode(text: string): string | undefined {
  const t = text.trim();
  if (t.startsWith("<code>") && t.endsWith("</code>") && !t.slice(6, -7).includes("<"))
    return htmlUnescape(t.slice(6, -7));
  if (t.startsWith("`` ") && t.endsWith(" ``") && t.length >= 6) return t.slice(3, -3);
  if (t.startsWith("`") && t.endsWith("`") && t.length >= 2 && !t.slice(1, -1).includes("`"))
    return t.slice(1, -1);
  return undefined;
}

/** Free text written by {@link cell}, read back. */
export function parseCell(text: string): string {
  return htmlUnescape(text);
}
