/** Indentation in Markdown: CommonMark's indented code blocks (four columns, a tab to the next multiple of 4). */

/** The columns of white space a line starts with (a tab to the next multiple of 4). */
export function indentOf(raw: string): number {
  let col = 0;
  for (let k = 0; k < raw.length; k++) {
    const c = raw.charCodeAt(k);
    if (c === 32) col++;
    else if (c === 9) col += 4 - (col % 4);
    else return col;
  }
  return col;
}

/** Where an indented code block starting at `start` ends: past its last indented line (blank lines inside kept). */
export function indentedCodeEnd(lines: readonly string[], start: number): number {
  let end = start + 1;
  for (let k = start + 1; k < lines.length; k++) {
    const l = lines[k] ?? "";
    if (l.trim() === "") continue;
    if (indentOf(l) < 4) break;
    end = k + 1;
  }
  return end;
}
