/**
 * Writing a recipe as YAML with comments. Floats are written the way Python's YAML 1.1 reader takes them as
 * numbers (`5.0e-7`, never `5e-7`, which PyYAML reads as a string), and strings YAML 1.1 would read as
 * booleans (`on`, `yes`, `y`) are quoted.
 */
import { Document, type Scalar, type YAMLMap } from "yaml";

/** Python's float syntax for a JavaScript number that is not an integer. */
export function pythonFloat(value: number): string {
  const s = String(value);
  const m = /^(-?\d+)(\.\d+)?e([+-]\d+)$/.exec(s);
  return m ? `${m[1]}${m[2] ?? ".0"}e${m[3]}` : s;
}

const PY_FLOAT = {
  identify: (v: unknown) => typeof v === "number" && Number.isFinite(v) && !Number.isInteger(v),
  default: true,
  tag: "tag:yaml.org,2002:float",
  test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9.]*(?:[eE][-+][0-9]+)?$/,
  resolve: (s: string) => Number(s),
  stringify: ({ value }: { value: unknown }) => pythonFloat(value as number),
};

/** One line (or block) of a recipe: a key with its value, or a comment standing for a key. */
export type Entry =
  | { key: string; value: unknown; comment?: string; blankBefore?: boolean }
  | { comment: string; blankBefore?: boolean };

/** The YAML text of `entries` in order, with `header` and `footer` comment lines. */
export function emitYaml(
  header: readonly string[],
  entries: readonly Entry[],
  footer: readonly string[],
): string {
  const doc = new Document({}, { version: "1.1", customTags: (tags) => [PY_FLOAT, ...tags] });
  const map = doc.contents as YAMLMap;
  let pending: string[] = [];
  let blank = false;
  for (const entry of entries) {
    if (!("key" in entry)) {
      // A section after a placeholder: a blank line between them (an empty comment line prints as one).
      if (entry.blankBefore && pending.length > 0) pending.push("");
      else blank ||= entry.blankBefore === true;
      pending.push(...entry.comment.split("\n"));
      continue;
    }
    const pair = doc.createPair(entry.key, entry.value);
    const key = pair.key as Scalar;
    const comments = [...pending, ...(entry.comment ? entry.comment.split("\n") : [])];
    if (comments.length > 0) key.commentBefore = comments.map((c) => (c === "" ? "" : ` ${c}`)).join("\n");
    // The first key follows the header's own blank line.
    if ((blank || entry.blankBefore) && map.items.length > 0) key.spaceBefore = true;
    map.items.push(pair);
    pending = [];
    blank = false;
  }
  const tail = [...pending, ...(pending.length > 0 && footer.length > 0 ? [""] : []), ...footer];
  if (tail.length > 0) doc.comment = tail.map((c) => (c === "" ? "" : ` ${c}`)).join("\n");
  if (header.length > 0) doc.commentBefore = header.map((c) => ` ${c}`).join("\n");
  return map.items.length === 0 && tail.length > 0
    ? `${header.map((c) => `# ${c}`).join("\n")}\n${tail.map((c) => (c ? `# ${c}` : "")).join("\n")}\n`
    : doc.toString({ lineWidth: 0 });
}
