/**
 * `--into README.md`: merging the lineage into a user's model card without ever destroying it. Anything
 * ambiguous is refused with a `CardUpdateError` that says what to fix, and then nothing is changed: an
 * encoding other than UTF-8, a start marker without its end (or the other way round, or twice), markers
 * inside a fenced code block, and YAML anchors or aliases in the front matter keys ftl sets. Everything
 * outside the front matter and the section stays byte for byte as it was.
 */
import { isAlias, isNode, parseDocument, visit } from "yaml";
import type { LineageDocument } from "../schema/lineage.js";
import type { ExportOptions } from "./_shared.js";
import { cardMetadata, lineageSection, SECTION_END, SECTION_START } from "./hf-card.js";

/** A card ftl will not change, and why (the message names what to fix). */
export class CardUpdateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CardUpdateError";
  }
}

const FRONT_MATTER = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;
const UTF8_BOM = "\uFEFF";

/** Decodes a card's bytes as UTF-8, refusing UTF-16 and anything that is not valid UTF-8. */
export function decodeCard(bytes: Uint8Array): string {
  const [a, b] = [bytes[0], bytes[1]];
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff) || bytes.includes(0))
    throw new CardUpdateError(
      "the card is UTF-16 (or binary), not UTF-8; ftl writes UTF-8 only: save it as UTF-8 and run again (nothing was changed)",
    );
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new CardUpdateError(
      "the card is not valid UTF-8 (Latin-1 or another legacy encoding?); save it as UTF-8 and run again (nothing was changed)",
    );
  }
}

interface Marker {
  kind: "start" | "end";
  line: number;
  offset: number;
  /** Why ftl cannot take the marker for its own: inside a fenced or indented code block, or not alone on its line. */
  ambiguous?: string;
}

/**
 * Every marker of the body, with why it may not be ftl's own: ftl writes each marker alone on a line at its start,
 * so one inside a fenced code block (``` or ~~~), indented as code (four spaces or a tab), or sharing its line
 * (inline code, prose) is someone's example, not the section.
 */
function markers(body: string): Marker[] {
  const found: Marker[] = [];
  let fence: { char: string; length: number } | undefined;
  let offset = 0;
  let line = 0;
  for (const text of body.split("\n")) {
    line++;
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(text);
    const wasFenced = fence !== undefined;
    if (open?.[1] !== undefined) {
      const run = open[1];
      if (fence === undefined) fence = { char: run[0] as string, length: run.length };
      else if (run[0] === fence.char && run.length >= fence.length && text.trim() === run) fence = undefined;
    }
    const fenced = wasFenced || fence !== undefined;
    for (const [kind, mark] of [
      ["start", SECTION_START],
      ["end", SECTION_END],
    ] as const)
      for (let at = text.indexOf(mark); at !== -1; at = text.indexOf(mark, at + mark.length)) {
        const ambiguous = fenced
          ? "inside a fenced code block"
          : /^(?: {4}| {0,3}\t)/.test(text)
            ? "inside an indented code block"
            : text.trim() !== mark
              ? "on a line with other text (inline code or prose)"
              : undefined;
        found.push({ kind, line, offset: offset + at, ...(ambiguous ? { ambiguous } : {}) });
      }
    offset += text.length + 1;
  }
  return found;
}

/** Where the ftl section is in the body: `[start, end)` offsets, or undefined when there is none. */
export function findSection(body: string, lineOffset = 0): { start: number; end: number } | undefined {
  const all = markers(body);
  const where = (m: Marker) => `line ${m.line + lineOffset}`;
  const odd = all.find((m) => m.ambiguous);
  if (odd?.ambiguous !== undefined)
    throw new CardUpdateError(
      `an ftl ${odd.kind} marker is ${odd.ambiguous} (${where(odd)}); ftl cannot tell which section is its own: move or remove it and run again (nothing was changed)`,
    );
  const starts = all.filter((m) => m.kind === "start");
  const ends = all.filter((m) => m.kind === "end");
  if (starts.length === 0 && ends.length === 0) return undefined;
  const [start, end] = [starts[0], ends[0]];
  if (
    starts.length !== 1 ||
    ends.length !== 1 ||
    start === undefined ||
    end === undefined ||
    end.offset < start.offset
  )
    throw new CardUpdateError(
      `the ftl section markers are not one ${SECTION_START} followed by one ${SECTION_END} (found ${starts.length} start${starts.length === 1 ? "" : "s"}${starts.length > 0 ? ` at ${starts.map(where).join(", ")}` : ""} and ${ends.length} end${ends.length === 1 ? "" : "s"}${ends.length > 0 ? ` at ${ends.map(where).join(", ")}` : ""}); fix or remove them and run again (nothing was changed)`,
    );
  return { start: start.offset, end: end.offset + SECTION_END.length };
}

/** Refuses front matter whose keys that ftl sets use YAML anchors or aliases (they could not be kept). */
function refuseAliases(yamlDoc: ReturnType<typeof parseDocument>, keys: readonly string[]): void {
  for (const key of keys) {
    const node = yamlDoc.get(key, true);
    if (!isNode(node)) continue;
    let problem = isAlias(node) || node.anchor !== undefined;
    visit(node, (_k, n) => {
      if (isAlias(n) || (isNode(n) && n.anchor !== undefined)) {
        problem = true;
        return visit.BREAK;
      }
      return undefined;
    });
    if (problem)
      throw new CardUpdateError(
        `the front matter's '${key}' uses a YAML anchor or alias (&name / *name), which ftl cannot keep when it rewrites '${key}': write the values out and run again (nothing was changed)`,
      );
  }
}

function mergeFrontMatter(frontText: string, doc: LineageDocument): string {
  const meta = cardMetadata(doc);
  const yamlDoc = parseDocument(frontText, { uniqueKeys: true, logLevel: "error" });
  if (yamlDoc.errors.length > 0)
    throw new CardUpdateError(
      `the front matter is not valid YAML (${yamlDoc.errors[0]?.message.split("\n")[0]}); fix it and run again (nothing was changed)`,
    );
  if (frontText.trim() !== "" && !yamlDoc.contents?.toJSON)
    throw new CardUpdateError(
      "the front matter is not a YAML mapping; fix it and run again (nothing was changed)",
    );
  refuseAliases(yamlDoc, [...Object.keys(meta), "base_model_relation"]);
  for (const [key, value] of Object.entries(meta)) {
    if ((key === "tags" || key === "datasets") && Array.isArray(value)) {
      const have: unknown = yamlDoc.toJS({ maxAliasCount: 100 })?.[key];
      const list = Array.isArray(have) ? have.map(String) : typeof have === "string" ? [have] : [];
      yamlDoc.set(key, [...list, ...value.filter((v) => !list.includes(String(v)))]);
    } else yamlDoc.set(key, value);
  }
  if (!yamlDoc.has("base_model")) yamlDoc.delete("base_model_relation");
  return yamlDoc.toString({ lineWidth: 0 });
}

/**
 * Merges the lineage into an existing card's text: ftl's front matter keys are set (tags and datasets merged
 * with the card's own), other keys and comments kept; the section between the markers is replaced, or
 * appended when the card has none. Throws a {@link CardUpdateError} for anything ambiguous.
 *
 * @example
 * const text = updateHfCard(readFileSync("README.md", "utf8"), doc);
 */
export function updateHfCard(existing: string, doc: LineageDocument, options: ExportOptions = {}): string {
  const bom = existing.startsWith(UTF8_BOM) ? UTF8_BOM : "";
  const card = existing.slice(bom.length);
  const match = FRONT_MATTER.exec(card);
  const body = match ? card.slice(match[0].length) : card;
  const frontLines = match ? match[0].split("\n").length - 1 : 0;
  const found = findSection(body, frontLines);
  const front = `---\n${mergeFrontMatter(match?.[1] ?? "", doc)}---\n`;
  const section = lineageSection(doc, options);
  if (found !== undefined) {
    const after = body.slice(found.end).replace(/^\r?\n/, "");
    return `${bom}${front}${body.slice(0, found.start)}${section}${after}`;
  }
  const gap =
    body === "" || body.endsWith("\n\n") ? (body === "" ? "\n" : "") : body.endsWith("\n") ? "\n" : "\n\n";
  return `${bom}${front}${body}${gap}${section}`;
}

/** {@link updateHfCard} on a card's bytes: refuses encodings other than UTF-8 first. */
export function updateHfCardBytes(
  bytes: Uint8Array,
  doc: LineageDocument,
  options: ExportOptions = {},
): string {
  return updateHfCard(decodeCard(bytes), doc, options);
}
