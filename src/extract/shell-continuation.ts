/**
 * Line continuations in commands quoted in cards and READMEs, as their readers take them: bash's `\`, and the
 * ones people copy from Windows, PowerShell's backtick and cmd.exe's `^`, each last on its line after a space
 * (`llamafactory-cli train `↵`--stage sft `↵…`: blind dev m-ne-zh-qwen25-15b-qlora-lf-aiemplyee-readme). A
 * line that holds only a comment between continued lines (`# 训练阶段：SFT 监督微调`, a note on the next flag)
 * is read past: the command goes on after it, as its author meant.
 */

/** The length of the continuation at `i` (through its line break and any comment-only lines after it), or 0. */
export function continuationAt(text: string, i: number): number {
  const ch = text[i];
  let end: number;
  if (ch === "\\") end = i + 1;
  else if ((ch === "`" || ch === "^") && /[ \t]/.test(text[i - 1] ?? "")) {
    end = i + 1;
    while (text[end] === " " || text[end] === "\t") end++;
  } else return 0;
  if (text[end] === "\r") end++;
  if (text[end] !== "\n") return 0;
  end++;
  // Comment-only lines inside the command: skipped with their line breaks.
  for (;;) {
    const line = /^[ \t]*#[^\n]*\n/.exec(text.slice(end, end + 400));
    if (line === null || !hasNextArgument(text, end + line[0].length)) break;
    end += line[0].length;
  }
  return end - i;
}

/** Does the line at `i` go on with the command (it starts, after blanks, with an option or a word)? */
function hasNextArgument(text: string, i: number): boolean {
  return /^[ \t]*[^\s#]/.test(text.slice(i, i + 80));
}

/** The line breaks in `text` from `i` for `length` characters. */
export function linesIn(text: string, i: number, length: number): number {
  let n = 0;
  for (let k = i; k < i + length; k++) if (text[k] === "\n") n++;
  return n;
}
