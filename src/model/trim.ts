/**
 * Linear-time trimming of a set of characters from the ends of a string. A `/[,.]+$/` replace is
 * quadratic on a long run of those characters followed by something else (the regex engine retries the
 * run from every start position); these loops look at each character once.
 */

/** Characters to trim: a string of them, or a test (`isSpace`). */
export type CharSet = string | ((c: string) => boolean);

const has = (chars: CharSet, c: string) => (typeof chars === "string" ? chars.includes(c) : chars(c));

/** What `\s` matches (one UTF-16 code unit). */
export const isSpace = (c: string): boolean => /^\s$/.test(c);

/** `chars`, or a whitespace character (`[\s…]`). */
export const spaceOr =
  (chars: string) =>
  (c: string): boolean =>
    chars.includes(c) || isSpace(c);

/** `s` without any trailing characters found in `chars` (e.g. `trimEnd(id, "/")` for `/\/+$/`). */
export function trimEnd(s: string, chars: CharSet): string {
  let end = s.length;
  while (end > 0 && has(chars, s[end - 1]!)) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** `s` without any leading characters found in `chars`. */
export function trimStart(s: string, chars: CharSet): string {
  let start = 0;
  while (start < s.length && has(chars, s[start]!)) start++;
  return start === 0 ? s : s.slice(start);
}

/**
 * `s` without leading characters in `head` and trailing characters in `tail` (default: `head`): what
 * `s.replace(/^[HEAD]+|[TAIL]+$/g, "")` does.
 */
export function trimChars(s: string, head: CharSet, tail: CharSet = head): string {
  return trimStart(trimEnd(s, tail), head);
}

/**
 * `s` cut at the first match of `marker` within its last line: what `s.replace(/MARKER.*$/, "")` does
 * (`.` stops at line terminators, `$` is the end of the string), without retrying `.*$` from every start.
 */
export function cutInLastLine(s: string, marker: RegExp): string {
  const lineStart =
    Math.max(s.lastIndexOf("\n"), s.lastIndexOf("\r"), s.lastIndexOf("\u2028"), s.lastIndexOf("\u2029")) + 1;
  const m = marker.exec(s.slice(lineStart));
  return m ? s.slice(0, lineStart + m.index) : s;
}

/** A line terminator as regular expressions see it (what `.` does not match and `^`/`$` in `m` mode stop at). */
export const isLineTerminator = (c: string | undefined): boolean =>
  c === "\n" || c === "\r" || c === "\u2028" || c === "\u2029";

/** Does `s` hold a line terminator? */
export const hasLineTerminator = (s: string): boolean => /[\n\r\u2028\u2029]/.test(s);

/**
 * `text` with each span from `open` to the next `close` replaced by a space (`(…)` remarks, `<…>` HTML tags), in one
 * pass; an unclosed `open` and what follows it are kept.
 */
export function withoutSpans(text: string, open: string, close: string): string {
  let out = "";
  let from = 0;
  for (;;) {
    const start = text.indexOf(open, from);
    const end = start < 0 ? -1 : text.indexOf(close, start + 1);
    if (end < 0) return out + text.slice(from);
    out += `${text.slice(from, start)} `;
    from = end + 1;
  }
}
