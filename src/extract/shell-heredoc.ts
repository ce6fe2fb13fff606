/**
 * A here-document read into a variable: `read -r -d '' training_commands <<EOF … EOF`, the way OpenRLHF's example
 * scripts (and the many projects that copy them) hold a training command before `deepspeed --module
 * $training_commands`. The body is the variable's value; it is not a command of its own. Other here-documents are
 * left to the caller.
 */
import type { Word } from "./shell-words.js";

export interface HeredocValue {
  /** The variable `read` sets. */
  name: string;
  /** The body, its line continuations joined (also in a literal one: it is only split into words); not expanded. */
  body: string;
  /** `<<'EOF'` or `<<"EOF"`: the body is taken as written, no expansion. */
  literal: boolean;
  /** Where the text goes on after the closing delimiter's line, and how many lines were consumed. */
  end: number;
  lines: number;
}

const IDENTIFIER = /^[A-Za-z_]\w*$/;

/** The delimiter of a `<<` operator among the words, and the words before it. */
function operator(words: readonly Word[]): { at: number; delimiter: string; tabs: boolean } | undefined {
  const at = words.findIndex((w) => w.text.startsWith("<<") && !w.text.startsWith("<<<"));
  if (at < 0) return undefined;
  const op = words[at]?.text ?? "";
  const tabs = op.startsWith("<<-");
  const inline = op.slice(tabs ? 3 : 2);
  const delimiter = inline !== "" ? inline : (words[at + 1]?.text ?? "");
  // The quotes around the delimiter are gone from the word (the raw line still shows them).
  return /^[\w.-]+$/.test(delimiter) ? { at, delimiter, tabs } : undefined;
}

/**
 * When `words` (a finished line) are `read [options] NAME <<DELIM`, the here-document that starts at `from` in
 * `text`: its body up to the line that is DELIM alone. Undefined for any other line, or when DELIM never comes.
 */
export function heredocAssignment(
  words: readonly Word[],
  text: string,
  from: number,
): HeredocValue | undefined {
  if (words[0]?.text !== "read") return undefined;
  const lineStart = text.lastIndexOf("\n", from - 2) + 1;
  const raw = text.slice(lineStart, from);
  const op = operator(words);
  const name = op ? words[op.at - 1]?.text : undefined;
  if (!op || !name || !IDENTIFIER.test(name)) return undefined;
  const literal = /<<-?\s*['"]/.test(raw);
  let i = from;
  let lines = 0;
  const body: string[] = [];
  while (i < text.length) {
    const nl = text.indexOf("\n", i);
    const line = text.slice(i, nl === -1 ? text.length : nl).replace(/\r$/, "");
    i = nl === -1 ? text.length : nl + 1;
    lines++;
    if ((op.tabs ? line.replace(/^\t+/, "") : line) === op.delimiter) {
      const joined = body.join("\n");
      // Continuations are joined either way: the value is only ever split into a command's words.
      return { name, body: joined.replace(/\\\n/g, " "), literal, end: i, lines };
    }
    body.push(line);
  }
  return undefined;
}
