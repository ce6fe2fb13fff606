/**
 * Control characters made visible. Ids, file names and card text can carry escape sequences (clear the
 * screen, forge a `warning:` line) and line breaks; every human output shows them as escapes instead of
 * sending them to the terminal. No regular expressions: a linear scan by character code.
 */

/** C0 and C1 controls, DEL, and the Unicode line and paragraph separators. */
export function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
}

/** Replaces each control character with what `replace` returns for it. */
export function mapControls(text: string, replace: (char: string, code: number) => string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isControl(code)) continue;
    out += text.slice(from, i) + replace(text[i] as string, code);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Does the text contain a control character? */
export function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) return true;
  return false;
}

const NAMED: Record<number, string> = { 9: "\\t", 10: "\\n", 13: "\\r", 27: "\\e" };

/**
 * Text safe to print in one line of human output: controls as `\n`, `\t`, `\e`, `\x07`, `\u2028`.
 *
 * @example
 * visible("org/m\u001b[2J") // "org/m\\e[2J"
 */
export function visible(text: string): string {
  return mapControls(text, (_c, code) => {
    const named = NAMED[code];
    if (named !== undefined) return named;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16)}`;
  });
}

/**
 * Multi-line human output made safe: every line's controls made visible, the line breaks ftl wrote itself
 * kept (`\n` between lines, a final one).
 */
export function visibleLines(text: string): string {
  return text
    .split("\n")
    .map((line) => visible(line))
    .join("\n");
}

/** The clear-line sequence ftl's own progress line starts with; kept as it is. */
const PROGRESS_PREFIX = "\r\u001b[K";

/**
 * Human output made safe for a terminal: line breaks and tabs kept, every other control character made
 * visible ({@link visible}); ftl's own progress-line prefix (carriage return, clear line) is kept. `names`
 * (arguments with control characters) are made visible whole wherever they appear, line breaks included.
 */
export function terminalSafe(text: string, names: readonly string[] = []): string {
  const progress = text.startsWith(PROGRESS_PREFIX);
  let rest = progress ? text.slice(PROGRESS_PREFIX.length) : text;
  // A name the user gave (a file) with a line break in it is shown escaped where it appears, break included.
  for (const name of names) if (rest.includes(name)) rest = rest.replaceAll(name, visible(name));
  const safe = mapControls(rest, (c, code) => (code === 10 || code === 9 ? c : visible(c)));
  return progress ? PROGRESS_PREFIX + safe : safe;
}
