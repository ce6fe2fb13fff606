/**
 * The card a quantised re-upload quotes below its own part: under a heading that says so ("# Original model card:
 * …", "# Original Model Card"), or under a heading that is the source's own name, the copy's title without its
 * format words ("# Qwen2.5-0.5B-Instruct" below "# Qwen2.5-0.5B-Instruct GGUF Models": blind dev
 * z1-qnt-mungert-qwen25-05b-instruct-gguf-iq-quants). What the quoted card says of its training is not the copy's.
 */
import { spaceOr, trimEnd, withoutSpans } from "../../model/trim.js";
import { atxHeading, type Block, innerHeading } from "../markdown.js";

/**
 * The heading a re-upload puts above the card of the model it quantised, quoted in full: "# Original model card:
 * Gryphe's MythoMax L2 13B" (TheBloke), "# Original Model Card" (QuantFactory), "## Original model description".
 */
const QUOTED_CARD = /^(?:original (?:model )?(?:card|readme|description)|original model's card)\b/i;
const QUANT_WORD =
  /\b(?:GGUF|GGML|GPTQ|AWQ|EXL2|ExLlamaV2|MLX|HQQ|bnb|bitsandbytes|FP8|quants?|quanti[sz](?:ed|ation|ations))\b/i;

/**
 * The blocks of the card's own part: a quantised re-upload that quotes the original model's card below its own
 * says nothing of training itself, and what the quoted card says of its own training (its base, data, method) is
 * not this model's step. The cut is made only when the card says, before the quoted card, that it is quantised.
 */
export function ownBlocks(blocks: Block[], cut: QuotedCard | undefined, title: string | undefined): Block[] {
  if (cut === undefined) return blocks;
  const before = blocks.filter((b) => b.line < cut.line);
  const quantised =
    QUANT_WORD.test(title ?? "") || before.some((b) => QUANT_WORD.test(`${innerHeading(b)} ${b.text}`));
  return quantised && before.length > 0 ? before : blocks;
}

/** Words a copy's title adds to its source's name: the format, "Models", "Quants", sizes in bits. */
const FORMAT_WORDS =
  /\b(?:GGUF|GGML|GPTQ|AWQ|EXL2|MLX|HQQ|bnb|FP8|NVFP4|INT[48]|\d-?bit|models?|quants?|quanti[sz]ations?|quanti[sz]ed|files|version|weights)\b/gi;

/** Where a quoted card starts (1-based line of its heading), and how its heading says so. */
export interface QuotedCard {
  line: number;
  /** "original": a heading that says so ("# Original model card: …"); "source-name": the source's own name. */
  by: "original" | "source-name";
}

/**
 * The heading that opens a quoted card, found in one pass over the card's headings: the first one that says it is
 * the original card, else a later heading that is the source's name (the title without tags, markup and format
 * words).
 */
export function quotedCard(text: string, title: string | undefined): QuotedCard | undefined {
  const plain = (s: string) => withoutSpans(s, "<", ">").replace(/[*_`]/g, "").trim();
  const titled = plain(title ?? "");
  const name = QUANT_WORD.test(titled)
    ? trimEnd(titled.replace(FORMAT_WORDS, " "), spaceOr("-")).replace(/\s+/g, " ").trim().toLowerCase()
    : "";
  let bySource: number | undefined;
  let seenTitle = false;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const heading = atxHeading((lines[i] ?? "").slice(0, 310))?.text;
    if (heading === undefined) continue;
    if (QUOTED_CARD.test(heading.replace(/[*_]/g, "").trim())) return { line: i + 1, by: "original" };
    if (name.length < 3 || bySource !== undefined) continue;
    const cleaned = plain(heading);
    if (!seenTitle) seenTitle = cleaned === titled;
    else if (cleaned.toLowerCase() === name) bySource = i + 1;
  }
  return bySource === undefined ? undefined : { line: bySource, by: "source-name" };
}

/**
 * The blocks in which the card may name itself: all of them, but for a copy that quotes its source's card under the
 * source's own name, whose usage code loads the source (blind dev z1-qnt-mungert-qwen25-05b-instruct-gguf-iq-quants).
 * A card quoted as "Original model card: X" may be the copy's own Hub card kept in a mirror: it is still read.
 */
export function selfBlocks(blocks: Block[], cut: QuotedCard | undefined): Block[] {
  return cut?.by === "source-name" ? blocks.filter((b) => b.line < cut.line) : blocks;
}
