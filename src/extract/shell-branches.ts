/**
 * The branches of a shell script's `if … then … elif … else … fi` that it takes, where a test compares words the
 * script itself sets (`binary=False` … `if [ $binary = True ]; then dataset_path=./data/…`: blind dev
 * g14-rcp-openrlhf-qwen-coder-rm, whose dataset was read through two branches the script never runs). Any other
 * test (a script argument, an environment variable, `-f file`, arithmetic) is unknown, and its branches are read
 * as before: a command in them may run.
 */

import type { Word } from "./shell-words.js";

type Truth = boolean | undefined;

interface Frame {
  /** Does the branch being read run? */
  now: Truth;
  /** Did an earlier branch of this `if` run? */
  taken: Truth;
}

/** `[ a = b ]`, `[[ a == b ]]`, `test a != b`, with `!` before it: true or false when both words are known. */
export function testValue(words: readonly Word[]): Truth {
  let rest = words;
  let negate = false;
  if (rest[0]?.text === "!") {
    negate = true;
    rest = rest.slice(1);
  }
  const open = rest[0]?.text;
  const close = rest.at(-1)?.text;
  const inner =
    (open === "[" && close === "]") || (open === "[[" && close === "]]")
      ? rest.slice(1, -1)
      : open === "test"
        ? rest.slice(1)
        : undefined;
  if (inner?.length !== 3) return undefined;
  const [a, op, b] = inner as [Word, Word, Word];
  if (!known(a) || !known(b)) return undefined;
  const same = a.text === b.text;
  const value = op.text === "=" || op.text === "==" ? same : op.text === "!=" ? !same : undefined;
  return value === undefined ? undefined : value !== negate;
}

/** A word the script gives a value: not a script argument, nor a variable it never sets (left as written). */
function known(w: Word): boolean {
  return !w.unknown && !w.text.includes("$") && !w.text.includes("`");
}

/** Follows the `if` structure command by command; `skipping()` is true inside a branch the script does not run. */
export function branchTracker(): { see(words: readonly Word[]): void; skipping(): boolean } {
  const frames: Frame[] = [];
  return {
    see(words) {
      const head = words[0]?.text;
      const top = frames.at(-1);
      if (head === "if") {
        const t = testValue(words.slice(1));
        frames.push({ now: t, taken: t });
      } else if (head === "elif" && top) {
        const t = testValue(words.slice(1));
        top.now = top.taken === true ? false : top.taken === false ? t : t === false ? false : undefined;
        top.taken = top.taken === true || (top.taken === false ? t : t === true ? true : undefined);
      } else if (head === "else" && top) {
        top.now = top.taken === undefined ? undefined : !top.taken;
        top.taken = true;
      } else if (head === "fi") frames.pop();
    },
    skipping: () => frames.some((f) => f.now === false),
  };
}
