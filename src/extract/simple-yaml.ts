/**
 * A fast reader for the plain YAML most recipes and quoted configs are written in: block mappings and sequences
 * of plain or simply quoted scalars, one-line flow sequences of plain scalars, and comments. It gives exactly
 * what `parseDocument(text).toJS()` of the `yaml` package gives (core schema), or undefined for anything else
 * (anchors, tags, block or multi-line scalars, flow mappings, escapes, tabs, non-ASCII text, duplicate keys, …),
 * so that the full parser reads it and reports what is wrong. The full parser costs most of the time of reading
 * a card that quotes a mergekit config.
 */

type Value = null | boolean | number | string | Value[] | { [key: string]: Value };

interface Line {
  indent: number;
  /** The line without its indent and comment, spaces at its end trimmed. */
  text: string;
}

/** A reason to hand the text to the full parser. */
class Unsupported extends Error {}
const UNSUPPORTED = new Unsupported();

/** Printable ASCII and line breaks only: no tabs, carriage returns or other characters to think about. */
function plainAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 10) || c > 126) return false;
  }
  return true;
}

/** The text before a ` #` comment (a `#` after a space; quotes are not allowed to hold one), spaces trimmed. */
function withoutComment(text: string): string {
  let end = text.length;
  for (let i = 1; i < text.length; i++)
    if (text.charCodeAt(i) === 35 && text.charCodeAt(i - 1) === 32) {
      end = i;
      break;
    }
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  return text.slice(0, end);
}

function contentLines(text: string): Line[] | undefined {
  const out: Line[] = [];
  for (const raw of text.split("\n")) {
    let indent = 0;
    while (raw.charCodeAt(indent) === 32) indent++;
    if (indent === raw.length || raw.charCodeAt(indent) === 35) continue; // blank or a comment
    const body = withoutComment(raw.slice(indent));
    if (body.length > 500 || /^(?:---|\.\.\.|%)/.test(body)) return undefined;
    out.push({ indent, text: body });
  }
  return out;
}

const NULL = /^(?:~|[Nn]ull|NULL)$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** A start no plain scalar has (an indicator, `- `), or one this reader leaves to the parser (`?`, `:`). */
const INDICATOR_START = /^(?:[-?:,[\]{}#&*!|>'"%@`]\s|[?:,[\]{}#&*!|>'"%@`]|-$)/;

/** A plain scalar resolved as the core schema does (its tags tried in the schema's order). */
function plainScalar(s: string, inFlow: boolean): Value {
  if (s === "" || INDICATOR_START.test(s) || s.endsWith(":") || s.includes(": ") || s.includes(" #"))
    throw UNSUPPORTED;
  if (inFlow && /[,[\]{}:#"']/.test(s)) throw UNSUPPORTED;
  if (NULL.test(s)) return null;
  if (BOOL.test(s)) return s[0] === "t" || s[0] === "T";
  if (OCT.test(s)) return Number.parseInt(s.substring(2), 8);
  if (INT.test(s)) return Number.parseInt(s, 10);
  if (HEX.test(s)) return Number.parseInt(s.substring(2), 16);
  if (FLOAT_NAN.test(s))
    return s.slice(-3).toLowerCase() === "nan"
      ? Number.NaN
      : s[0] === "-"
        ? Number.NEGATIVE_INFINITY
        : Number.POSITIVE_INFINITY;
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return Number.parseFloat(s);
  return s;
}

/** `"…"` without escapes or `'…'` without doubled quotes, and nothing after it; undefined when not quoted. */
function quoted(s: string): string | undefined {
  const q = s.charCodeAt(0);
  if (q !== 34 && q !== 39) return undefined;
  const close = s.indexOf(s[0] as string, 1);
  if (close !== s.length - 1 || (q === 34 && s.includes("\\"))) throw UNSUPPORTED;
  return s.slice(1, -1);
}

/** The value written after `key:` or `- ` on the same line (a one-line flow sequence of scalars included). */
function inlineValue(s: string): Value {
  const text = quoted(s);
  if (text !== undefined) return text;
  if (s.charCodeAt(0) !== 91) return plainScalar(s, false);
  if (!s.endsWith("]")) throw UNSUPPORTED;
  const inner = s.slice(1, -1).trim();
  if (inner === "") return [];
  return inner.split(",").map((item) => {
    const x = item.trim();
    return quoted(x) ?? plainScalar(x, true);
  });
}

/** `key:` or `key: value` → [key, value text]; keys are plain names only. */
function keyOf(text: string): [string, string] | undefined {
  const m = /^([A-Za-z_][\w.\-/]*):(?: (.*))?$/.exec(text);
  if (!m?.[1]) return undefined;
  if (/^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|__proto__)$/.test(m[1])) throw UNSUPPORTED;
  return [m[1], (m[2] ?? "").trim()];
}

const isItem = (text: string) => text === "-" || text.startsWith("- ");

class Reader {
  i = 0;
  constructor(readonly lines: Line[]) {}

  /** The node whose first line is the current one, at that line's indent. */
  node(indent: number): Value {
    const line = this.lines[this.i] as Line;
    if (line.indent !== indent) throw UNSUPPORTED;
    if (isItem(line.text)) return this.sequence(indent);
    if (keyOf(line.text)) return this.mapping(indent);
    throw UNSUPPORTED;
  }

  /** The value of a `key:` or `-` with nothing after it: a nested node, or null. */
  nested(parent: number, seqAtSameIndent: boolean): Value {
    const next = this.lines[this.i];
    if (next && next.indent > parent) return this.node(next.indent);
    if (next && seqAtSameIndent && next.indent === parent && isItem(next.text)) return this.sequence(parent);
    return null;
  }

  mapping(indent: number): Value {
    const map: { [key: string]: Value } = {};
    for (let line = this.lines[this.i]; line && line.indent === indent; line = this.lines[this.i]) {
      const kv = keyOf(line.text);
      if (!kv || Object.hasOwn(map, kv[0])) throw UNSUPPORTED;
      this.i++;
      map[kv[0]] = kv[1] === "" ? this.nested(indent, true) : inlineValue(kv[1]);
      this.after(indent);
    }
    return map;
  }

  sequence(indent: number): Value[] {
    const list: Value[] = [];
    for (let line = this.lines[this.i]; line && line.indent === indent; line = this.lines[this.i]) {
      if (!isItem(line.text)) break;
      const rest = line.text.slice(1).trimStart();
      if (rest === "") {
        this.i++;
        list.push(this.nested(indent, false));
      } else if (isItem(rest) || keyOf(rest)) {
        // `- key: value` (or `- - x`): the rest is a node at the column it starts in.
        const at = indent + line.text.length - rest.length;
        this.lines[this.i] = { indent: at, text: rest };
        list.push(this.node(at));
      } else {
        this.i++;
        list.push(inlineValue(rest));
      }
      this.after(indent);
    }
    return list;
  }

  /** After a value, the next line must not be indented deeper (a multi-line scalar or a stray line). */
  after(indent: number): void {
    const next = this.lines[this.i];
    if (next && next.indent > indent) throw UNSUPPORTED;
  }
}

/**
 * The mapping a plain YAML text holds, as `parseDocument(text).toJS()` gives it; undefined when the text is not
 * plain enough to be sure (the caller then parses it in full).
 */
export function simpleYamlMapping(text: string): Record<string, unknown> | undefined {
  if (!plainAscii(text)) return undefined;
  const lines = contentLines(text);
  const first = lines?.[0];
  if (!lines || !first || isItem(first.text)) return undefined;
  try {
    const reader = new Reader(lines);
    const value = reader.node(first.indent);
    if (reader.i !== lines.length) return undefined;
    return value as Record<string, unknown>;
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}
