/**
 * Splitting shell text (a `.sh` file or a command quoted in a card) into simple commands of words, the way a
 * reader of the script would: `\` line continuations, quotes, comments, `;`/`&&`/`|` separators, and
 * variables the script assigns (`MODEL=org/name`, `for LR in 1e-6`) expanded. Nothing is run: `$(...)` and
 * back-quoted commands stay as written, a variable the script never assigns (`$HOME`) stays as written, and a
 * word that depends on a script argument (`$1` without a default) or on a loop over several values is unknown.
 */

import { branchTracker } from "./shell-branches.js";
import { continuationAt, linesIn } from "./shell-continuation.js";
import { heredocAssignment } from "./shell-heredoc.js";

/** One word of a command, after quote removal and expansion, with the line it starts on (1-based). */
export interface Word {
  text: string;
  line: number;
  /** The word depends on a value the script does not give (a script argument, a loop over several values). */
  unknown?: boolean;
}

export interface Command {
  words: Word[];
  line: number;
}

/** Variables: a value, or null when the script sets it from something unknown. */
type Env = Map<string, string | null>;

const SPLIT = "\u0001";
/** An assignment word: `NAME=value`, or bash's `NAME+=value`. */
const ASSIGNMENT = /^[A-Za-z_]\w*\+?=/;
const SEPARATORS = new Set([";", "&&", "||", "|", "&"]);
const KEYWORDS = new Set(["do", "then", "else", "elif", "{", "(", "!", "time", "exec", "nohup"]);

interface Cursor {
  text: string;
  i: number;
  line: number;
}

/** Reads `${...}`, `$NAME`, `$1`, `$(...)` at `c.i` (which is on `$`); returns the expansion. */
function readDollar(
  c: Cursor,
  env: Env,
  quoted: boolean,
): { text: string; unknown: boolean; split: boolean } {
  const { text } = c;
  const next = text[c.i + 1] ?? "";
  if (next === "(") {
    let depth = 0;
    const start = c.i;
    for (c.i++; c.i < text.length; c.i++) {
      if (text[c.i] === "(") depth++;
      else if (text[c.i] === ")" && --depth === 0) break;
      else if (text[c.i] === "\n") c.line++;
    }
    c.i++;
    return { text: text.slice(start, c.i), unknown: false, split: false };
  }
  let name: string;
  let fallback: string | undefined;
  let raw: string;
  if (next === "{") {
    const end = text.indexOf("}", c.i + 2);
    const inner = text.slice(c.i + 2, end === -1 ? undefined : end);
    raw = text.slice(c.i, end === -1 ? undefined : end + 1);
    c.i = end === -1 ? text.length : end + 1;
    const m = /^([A-Za-z_]\w*|\d+|[@*#])(?::?([-=])(.*))?$/s.exec(inner);
    if (!m?.[1]) return { text: raw, unknown: false, split: false };
    name = m[1];
    fallback = m[3];
    // `${MODEL:=org/name}` (often as `: "${MODEL:=…}"`) also assigns the default when the name is unset.
    if (m[2] === "=" && fallback !== undefined && !env.has(name) && /^[A-Za-z_]/.test(name))
      env.set(name, expandText(fallback, env));
  } else {
    const re = /([A-Za-z_]\w*|\d|[@*#?$])/y;
    re.lastIndex = c.i + 1;
    const m = re.exec(text);
    if (!m?.[1]) {
      c.i++;
      return { text: "$", unknown: false, split: false };
    }
    name = m[1];
    raw = `$${name}`;
    c.i += 1 + name.length;
  }
  const value = env.get(name);
  if (value !== undefined && value !== null) return { text: value, unknown: false, split: !quoted };
  if (fallback !== undefined && value === undefined)
    return { text: expandText(fallback, env), unknown: false, split: !quoted };
  if (value === null || /^(\d+|[@*#?$])$/.test(name)) return { text: "", unknown: true, split: false };
  return { text: raw, unknown: false, split: false };
}

/** Expands the variables of a `${X:-default}` default (no quotes inside), or of a here-document (`unquote` false). */
function expandText(text: string, env: Env, unquote = true): string {
  const c: Cursor = { text, i: 0, line: 1 };
  let out = "";
  while (c.i < text.length) {
    if (text[c.i] === "$") out += readDollar(c, env, true).text;
    else out += text[c.i++];
  }
  return unquote ? out.replace(/^["']|["']$/g, "") : out;
}

function skipComment(c: Cursor): void {
  while (c.i < c.text.length && c.text[c.i] !== "\n") c.i++;
}

/** Moves past a line continuation at `c.i` (see shell-continuation.ts), if there is one there. */
function skipContinuation(c: Cursor): boolean {
  const length = continuationAt(c.text, c.i);
  if (length === 0) return false;
  c.line += linesIn(c.text, c.i, length);
  c.i += length;
  return true;
}

/**
 * `\x` at `c.i`: the escaped character (a line continuation gives nothing). Before a letter, digit or `_` the
 * backslash is kept: nobody escapes those in a script, so it is a Windows path copied into the command
 * (`--output_dir saves\Qwen2.5-1.5B-Instruct\lora`), which bash would have mangled.
 */
function readEscape(c: Cursor, inQuotes: boolean): string {
  const esc = c.text[c.i + 1];
  c.i += 2;
  if (esc === "\n") c.line++;
  else if (esc === "\r" && c.text[c.i] === "\n") {
    c.i++;
    c.line++;
  } else if (esc !== undefined)
    return (inQuotes && !/["\\$`]/.test(esc)) || /\w/.test(esc) ? `\\${esc}` : esc;
  return "";
}

/** A back-quoted command at `c.i`, kept as written, not run; a `` `# note` `` in a command is nothing. */
function readBackquote(c: Cursor): string {
  const end = c.text.indexOf("`", c.i + 1);
  const inner = c.text.slice(c.i, end === -1 ? undefined : end + 1);
  c.line += inner.split("\n").length - 1;
  c.i = end === -1 ? c.text.length : end + 1;
  return /^`\s*#/.test(inner) ? "" : inner;
}

/** Does the character end an unquoted word (`/[\s;&|]/`)? ASCII is looked at directly. */
function endsWord(ch: string): boolean {
  const k = ch.charCodeAt(0);
  if (k < 128) return k === 32 || (k >= 9 && k <= 13) || k === 59 || k === 38 || k === 124;
  return /\s/.test(ch);
}

/** Reads one word starting at `c.i`; returns it, or undefined at a separator or end of line. */
function readWord(c: Cursor, env: Env): Word[] {
  const { text } = c;
  const line = c.line;
  let out = "";
  let unknown = false;
  let quote: '"' | "'" | undefined;
  // `""` is an empty word; a back-quoted comment alone is none.
  let quoted = false;
  while (c.i < text.length) {
    const ch = text[c.i] as string;
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      else {
        if (ch === "\n") c.line++;
        out += ch;
      }
      c.i++;
      continue;
    }
    if (ch === "\\") {
      out += readEscape(c, quote !== undefined);
      continue;
    }
    if (ch === "`") {
      out += readBackquote(c);
      continue;
    }
    if (ch === "$") {
      const e = readDollar(c, env, quote === '"');
      // Unquoted expansions split into words, except in an assignment's value and inside `$(...)`.
      out += e.split && !ASSIGNMENT.test(out) ? splitOutsideCommands(e.text) : e.text;
      unknown ||= e.unknown;
      continue;
    }
    if (quote === '"') {
      if (ch === '"') quote = undefined;
      else {
        if (ch === "\n") c.line++;
        out += ch;
      }
      c.i++;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      quoted = true;
      c.i++;
      continue;
    }
    if (endsWord(ch)) break;
    out += ch;
    c.i++;
  }
  if (out === "" && !quoted && !unknown) return [];
  // One word unless an expansion split it (the common case, without the arrays).
  if (!out.includes(SPLIT)) return [{ text: out, line, ...(unknown ? { unknown } : {}) }];
  return out
    .split(SPLIT)
    .filter((t, _k, all) => t !== "" || all.length === 1)
    .map((t) => ({ text: t, line, ...(unknown ? { unknown } : {}) }));
}

/** Marks the word breaks of an expansion, leaving `$(...)` and back-quoted commands whole. */
function splitOutsideCommands(value: string): string {
  let out = "";
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] as string;
    if (ch === "$" && value[i + 1] === "(") depth++;
    else if (ch === ")" && depth > 0) depth--;
    out += depth === 0 && /\s/.test(ch) ? SPLIT : ch;
  }
  return out.replace(new RegExp(`${SPLIT}+`, "g"), SPLIT);
}

function isAssignment(w: Word): boolean {
  return ASSIGNMENT.test(w.text);
}

/**
 * Sets a variable from an assignment word: `NAME=value`, or bash's `NAME+=value`, which appends to what the name
 * holds (`TRAIN_PARAMS+=" --lora_rank 64"` line after line: blind dev g3-ne-zh-chinese-mixtral-8x7b-vocab-qlora-cpt).
 */
function assign(w: Word, env: Env): void {
  const eq = w.text.indexOf("=");
  const append = w.text[eq - 1] === "+";
  const name = w.text.slice(0, append ? eq - 1 : eq);
  const value = w.unknown ? null : w.text.slice(eq + 1);
  if (!append) env.set(name, value);
  else {
    const had = env.has(name) ? env.get(name) : "";
    env.set(name, had === null || had === undefined || value === null ? null : had + value);
  }
}

/** Applies a finished command's assignments and loops to the variables; returns the words left to run. */
function settle(words: Word[], env: Env): Word[] {
  let rest = words;
  while (rest[0] && KEYWORDS.has(rest[0].text)) rest = rest.slice(1);
  const head = rest[0]?.text;
  if (head === "for" && rest[2]?.text === "in" && rest[1]) {
    const values = rest.slice(3);
    env.set(rest[1].text, values.length === 1 && !values[0]?.unknown ? (values[0]?.text ?? null) : null);
    return [];
  }
  const declare = head === "export" || head === "declare" || head === "local" || head === "readonly";
  const from = declare ? 1 : 0;
  let k = from;
  while (rest[k] && isAssignment(rest[k] as Word)) k++;
  if (k > from && (k === rest.length || declare)) {
    for (const w of rest.slice(from, k)) assign(w, env);
    return [];
  }
  // `VAR=x cmd ...`: the assignment is for cmd only.
  return rest.slice(k);
}

/**
 * The script a command hands to a shell (`srun … bash -c "…; torchrun train.py $TRAIN_PARAMS"`: blind dev
 * g3-ne-zh-chinese-mixtral-8x7b-vocab-qlora-cpt), already expanded by the outer script; undefined for any other.
 */
function innerScript(words: Word[]): Word | undefined {
  // `bash -c`, `/bin/bash -c` (a `docker run … /bin/bash -c "python3 train.py …"`: dev
  // t9-ne-ja-hf-trainer-gpt2-full-ft-tiny-shakespeare).
  const at = words.findIndex(
    (w, i) => /^(?:ba|da|z)?sh$/.test(w.text.split("/").pop() ?? "") && words[i + 1]?.text === "-c",
  );
  return at >= 0 ? words[at + 2] : undefined;
}

/** The simple commands of a shell text, with the script's own variables expanded. */
export function shellCommands(text: string, lineOffset = 0, depth = 0): Command[] {
  const env: Env = new Map();
  const c: Cursor = { text, i: 0, line: 1 + lineOffset };
  const commands: Command[] = [];
  let words: Word[] = [];
  const branches = branchTracker();
  const finish = () => {
    branches.see(words);
    if (branches.skipping()) {
      words = [];
      return;
    }
    const rest = settle(words, env);
    const inner = depth < 2 ? innerScript(rest) : undefined;
    if (inner) commands.push(...shellCommands(inner.text, inner.line - 1, depth + 1));
    else if (rest.length > 0) commands.push({ words: rest, line: rest[0]?.line ?? c.line });
    words = [];
  };
  while (c.i < text.length) {
    const ch = text[c.i] as string;
    if (ch === "\n") {
      c.i++;
      const here = heredocAssignment(words, text, c.i);
      if (here) {
        if (!branches.skipping())
          env.set(here.name, here.literal ? here.body : expandText(here.body, env, false));
        c.i = here.end;
        c.line += here.lines;
        words = [];
      } else finish();
      c.line++;
    } else if (/\s/.test(ch)) c.i++;
    else if (skipContinuation(c)) {
      // A line continuation between words (bash's, PowerShell's or cmd.exe's): skipped.
    } else if (ch === "#" && (c.i === 0 || /\s/.test(text[c.i - 1] ?? ""))) skipComment(c);
    else if (/[;&|]/.test(ch)) {
      c.i += text[c.i + 1] === ch ? 2 : 1;
      finish();
    } else {
      const start = c.i;
      const read = readWord(c, env);
      if (c.i === start) c.i++; // never stall on a character no rule reads
      // An escaped `\&\&` or `\;` passed to a wrapper (mason.py) still separates the command it wraps.
      if (read.length === 1 && SEPARATORS.has(read[0]?.text ?? "")) finish();
      else words.push(...read);
    }
  }
  finish();
  return commands;
}
