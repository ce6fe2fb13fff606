/**
 * Merges described in words: mergekit's card template ("The following models were included in the merge",
 * "merged using the TIES merge method using X as a base"), sentences ("a merge of A and B using SLERP",
 * "interleaving layers of A and B"), MoE cards listing their experts, and layer-range tables of frankenmerges
 * (kept as each parent's `layer_range`). Adds merge evidence to the card state; `readCard` makes the step.
 */
import type { MergeMethod } from "../../model/vocabulary.js";
import type { CardState } from "../card-body.js";
import { extracted, type Fact, fact } from "../facts.js";
import { type Block, innerHeading, replaceLinks } from "../markdown.js";
import { mentions } from "../read-prose.js";
import { MERGE_METHOD_WORDS } from "../terms.js";

export interface MergeEvidence {
  inputs: Fact<{ id: string; parameters?: Record<string, unknown> }>[];
  method?: Fact<MergeMethod>;
  base?: Fact<string>;
}

const METHOD_WORD =
  /\b(slerp|nuslerp|dare[_ -]ties|dare[_ -]linear|ties|task[_ -]arithmetic|model[_ -]stock|passthrough|linear|della(?:[_ -]linear)?|breadcrumbs(?:[_ -]ties)?|karcher|sce|arcee[_ -]fusion)\b/i;
const MERGE_SENTENCE =
  /\b(?:a |the )?(?:merge|merging|mix|blend) of\b|\bmerged (?:with|using|from)\b|\binterleav\w* (?:the )?layers of\b|\bfrankenmerge\b/i;
/**
 * "my [A](…) and [B](…) merge using a … merge technique" (the card TheBloke quotes in dev y1-qnt-mythomax-l2-13b-gptq):
 * two models joined by "and", the second one's link or id right before the word "merge". Found by index, not by one
 * pattern (a link pattern before " merge" backtracks on text full of brackets).
 */
function andMerge(text: string): boolean {
  const lower = text.toLowerCase();
  for (let at = lower.indexOf(" merge"); at >= 0; at = lower.indexOf(" merge", at + 1)) {
    if (/\w/.test(lower[at + 6] ?? "")) continue; // "merged", "merges"
    const before = text.slice(Math.max(0, at - 400), at);
    let start: number;
    if (before.endsWith(")")) {
      const close = before.lastIndexOf("](");
      start = close < 0 ? -1 : before.lastIndexOf("[", close);
      if (start < 0 || before.slice(close + 2, -1).includes(" ")) continue;
    } else {
      start = before.lastIndexOf(" ") + 1;
      if (!before.slice(start).includes("/")) continue;
    }
    if (/\band $/i.test(before.slice(Math.max(0, start - 5), start))) return true;
  }
  return false;
}
const LIST_HEADING = /models? merged|merged models|experts|source models|models? used/i;
/** A layer range (`[0, 16]`, `8-24`), not a number written with thousands separators (`5,033,557,096` bytes). */
const RANGE = /(?<![\d,.])(\d{1,3})\s*(?:-|–|to|,)\s*(\d{1,3})\b(?!,\d)/;

function methodOf(text: string): MergeMethod | undefined {
  const w = METHOD_WORD.exec(text)?.[1]?.toLowerCase().replace(/[ -]/g, "_");
  if (!w) return /interleav|frankenmerge/i.test(text) ? "passthrough" : undefined;
  return MERGE_METHOD_WORDS[w] ?? "other";
}

function models(text: string): string[] {
  return mentions(text)
    .filter((m) => m.kind === "model")
    .map((m) => m.id);
}

function add(
  ev: MergeEvidence,
  id: string,
  line: number,
  file: string,
  parameters?: Record<string, unknown>,
): void {
  const known = ev.inputs.find((i) => i.value.id.toLowerCase() === id.toLowerCase());
  if (known) {
    // A layer-range table row adds its range to a parent the prose named (a frankenmerge's slices).
    if (parameters) known.value.parameters = { ...known.value.parameters, ...parameters };
    return;
  }
  ev.inputs.push(
    fact({ id, ...(parameters ? { parameters } : {}) }, extracted(file, { line, confidence: 0.8 })),
  );
}

/**
 * The sentence that opens mergekit's list of parents when the card keeps it without its headings: "The following
 * models were included in the merge:", "Models merged:", "We merged the following models:".
 */
const LIST_LEAD =
  /\b(?:following|these) models (?:were|are) (?:included in|used in|used for) the merge\b|^\W{0,3}models merged\W{0,3}:|\bmerged the following models\b/i;

function readBlock(block: Block, ev: MergeEvidence, file: string, listed: boolean): void {
  const heading = innerHeading(block);
  if (block.type === "item" && (listed || LIST_HEADING.test(heading))) {
    for (const id of models(block.text).slice(0, 1)) add(ev, id, block.line, file);
    return;
  }
  if (block.type === "table") {
    const ids = models(block.text);
    // Only a row naming one model can give its layer range.
    const range = ids.length === 1 ? RANGE.exec(replaceLinks(block.text, () => " ")) : null;
    if (ids.length === 1 && range)
      add(ev, ids[0] as string, block.line, file, { layer_range: [Number(range[1]), Number(range[2])] });
    return;
  }
  const saysAndMerge = andMerge(block.text);
  if (
    block.type !== "prose" ||
    !(saysAndMerge || MERGE_SENTENCE.test(block.text)) ||
    block.text.length > 2000
  )
    return;
  const method = methodOf(block.text);
  if (method && !ev.method) ev.method = fact(method, extracted(file, { line: block.line, confidence: 0.8 }));
  const asBase = usingAsBase(block.text);
  if (asBase && !ev.base) ev.base = fact(asBase, extracted(file, { line: block.line, confidence: 0.8 }));
  if (saysAndMerge || /\b(?:merge|mix|blend) of\b|\binterleav|\bmerged with\b/i.test(block.text))
    for (const id of models(block.text)) if (id !== asBase) add(ev, id, block.line, file);
}

/**
 * `using [org/name](link) as a base` → `org/name`: what `/using \[?([\w.-]+\/[\w.-]+)\]?(?:\([^)]*\))? as (?:a|the) base/i`
 * captured, by a scan (the pattern retried `([^)]*` to the end of the text from each unclosed link).
 */
function usingAsBase(text: string): string | undefined {
  let close = 0; // the first `)` after the last `(` looked at
  let unclosed = false; // no `)` after it: no later `(` closes either
  const link = /using \[?([\w.-]+\/[\w.-]+)\]?/iy;
  // Each `using ` is tried: one may start inside the id of the one before (`org/reusing x/y`).
  for (const start of text.matchAll(/using /gi)) {
    link.lastIndex = start.index ?? 0;
    const m = link.exec(text);
    if (!m) continue;
    let at = link.lastIndex;
    if (text[at] === "(") {
      if (unclosed) continue;
      if (close <= at) close = text.indexOf(")", at + 1);
      if (close < 0) {
        unclosed = true;
        continue;
      }
      at = close + 1;
    }
    if (/^ as (?:a|the) base/i.test(text.slice(at, at + 12))) return m[1];
  }
  return undefined;
}

/** Reads merge statements; nothing is recorded unless the card says it is a merge. */
export function readMergeProse(blocks: Block[], state: CardState): void {
  const ev: MergeEvidence = { inputs: [] };
  let listed = false;
  for (const block of blocks) {
    if (block.type !== "item") listed = block.type === "prose" && LIST_LEAD.test(block.text);
    readBlock(block, ev, state.file, listed);
  }
  if (ev.inputs.length >= 2 || ev.method) state.merge = ev;
}
