import { isSpace, trimEnd, trimStart } from "../model/trim.js";
import { frontMatter } from "./front-matter.js";
import { indentedCodeEnd, indentOf } from "./markdown-indent.js";
import type { ExtractWarning } from "./types.js";

export interface Block {
  type: "prose" | "item" | "table" | "code";
  text: string;
  line: number;
  /** The headings above the block, outermost first. */
  headings: string[];
  /** Code blocks: the language after the fence. */
  lang?: string;
}

export interface ParsedCard {
  frontMatter?: Record<string, unknown>;
  /** Line of each top-level front-matter key. */
  keyLines: Map<string, number>;
  blocks: Block[];
  title?: string;
}

/** In the lines of a fence left open to the end, the index of the first heading after a blank line, if any. */
function unclosedFenceEnd(body: readonly string[]): number | undefined {
  for (let k = 1; k < body.length; k++) {
    const line = body[k] ?? "";
    if ((body[k - 1] ?? "").trim() === "" && /^#{1,6} \S/.test(line)) return k;
  }
  return undefined;
}

/** Parses a card into front matter and blocks. */
export function parseCard(text: string, file: string, warnings: ExtractWarning[]): ParsedCard {
  const lines = text.includes("\r") ? text.split(/\r?\n/) : text.split("\n");
  const fm = frontMatter(lines, file, warnings);
  const blocks: Block[] = [];
  const headings: string[] = [];
  let title: string | undefined;
  let paragraph: string[] = [];
  let paragraphLine = 0;
  // The blocks under the same headings share one copy of them (a new copy when a heading changes).
  let shared: string[] | undefined;
  const headingsNow = () => {
    shared ??= [...headings];
    return shared;
  };
  const flush = () => {
    // Lines that are each `key: value` ("learning rate: 3e-5", "model: bert-base-uncased") are a list, not
    // a sentence.
    let keys = 0;
    while (keys < paragraph.length && isKeyLine(paragraph[keys] ?? "")) keys++;
    if (keys < 2) keys = 0;
    for (let k = 0; k < keys; k++)
      blocks.push({
        type: "item",
        text: paragraph[k] ?? "",
        line: paragraphLine + k,
        headings: headingsNow(),
      });
    if (paragraph.length > keys)
      blocks.push({
        type: "prose",
        text: paragraph.slice(keys).join(" "),
        line: paragraphLine + keys,
        headings: headingsNow(),
      });
    paragraph = [];
  };
  // Inside a list, an indented line continues an item (or nests one); outside, after a blank line, it is code.
  let inList = false;
  for (let i = fm.bodyStart; i < lines.length; i++) {
    const raw = lines[i] ?? "";
    const line = raw.trim();
    const first = line.charCodeAt(0);
    if (line !== "" && paragraph.length === 0 && !inList && indentOf(raw) >= 4) {
      const end = indentedCodeEnd(lines, i);
      blocks.push({
        type: "code",
        text: lines
          .slice(i, end)
          .map((l) => l.replace(/^(?: {1,4}|\t)/, ""))
          .join("\n"),
        line: i + 1,
        headings: headingsNow(),
        lang: "",
      });
      i = end - 1;
      continue;
    }
    const opened = first === 96 || first === 126 ? /^(`{3,}|~{3,})\s*([\w+-]*)/.exec(line) : null;
    // A backtick fence's info string has no backtick (CommonMark): "```qlora/orpo```" is inline code in a paragraph.
    const fence = opened && first === 96 && line.slice(opened[1]?.length).includes("`") ? null : opened;
    if (fence) {
      flush();
      // A fence indented under a list item belongs to the item: the list goes on after it (the indented items
      // and fences of InternLM's XTuner tutorials, dev g13-ne-zh-xtuner-internlm2-assistant), as CommonMark reads it.
      if (indentOf(raw) === 0) inList = false;
      const marker = fence[1] ?? "```";
      const start = i;
      const body: string[] = [];
      for (i++; i < lines.length && !(lines[i] ?? "").trim().startsWith(marker); i++)
        body.push(lines[i] ?? "");
      // A fence never closed would make the rest of the card code; the card goes on at its next heading after a
      // blank line (the README's author forgot the closing fence: blind dev g7-co-qlora-intro-llama31-insurance).
      const cut = i >= lines.length ? unclosedFenceEnd(body) : undefined;
      if (cut !== undefined) {
        body.length = cut;
        i = start + cut;
      }
      blocks.push({
        type: "code",
        text: body.join("\n"),
        line: start + 2,
        headings: headingsNow(),
        lang: (fence[2] ?? "").toLowerCase(),
      });
      continue;
    }
    if (line.startsWith("<!--")) {
      flush();
      while (i < lines.length && !(lines[i] ?? "").includes("-->")) i++;
      continue;
    }
    const heading = atxHeading(line);
    if (heading) {
      flush();
      inList = false;
      const level = heading.level;
      const textOf = heading.text.replace(/\*\*|`/g, "");
      headings.length = Math.min(headings.length, level - 1);
      while (headings.length < level - 1) headings.push("");
      headings.push(textOf);
      shared = undefined;
      if (level === 1 && title === undefined) title = textOf;
      // A heading that is a whole sentence (a subtitle: "#### Fine-tune the powerful Qwen2.5-7B-Instruct model using
      // DPO on the Intel/orca_dpo_pairs dataset with support for LoRA, 4-bit quantization, and W&B logging", dev
      // t4-nn-qwen25-7b-instruct-dpo-orca-pairs-qlora) is also read as what it says.
      else if (textOf.split(/\s+/).length >= 12)
        blocks.push({ type: "prose", text: textOf, line: i + 1, headings: headingsNow() });
      continue;
    }
    const mark = first === 45 || first === 42 || first === 95; // - * _
    if (line === "" || (mark && /^(-{3,}|\*{3,}|_{3,})$/.test(line))) {
      flush();
      continue;
    }
    if (line.startsWith("|")) {
      flush();
      blocks.push({ type: "table", text: line, line: i + 1, headings: headingsNow() });
      continue;
    }
    const item =
      mark || first === 43 || (first >= 48 && first <= 57)
        ? /^(?:[-*+]|\d+[.)])\s+(\S.*|)$/.exec(line)
        : null;
    if (item) {
      flush();
      inList = true;
      blocks.push({ type: "item", text: item[1] ?? "", line: i + 1, headings: headingsNow() });
      continue;
    }
    // A paragraph that starts at the margin ends the list (a lazy continuation line does not).
    if (paragraph.length === 0 && indentOf(raw) < 2 && lines[i - 1]?.trim() === "") inList = false;
    if (paragraph.length === 0) paragraphLine = i + 1;
    paragraph.push(line);
  }
  flush();
  return {
    ...(fm.data ? { frontMatter: fm.data } : {}),
    keyLines: fm.keyLines,
    blocks,
    ...(title ? { title } : {}),
  };
}

/**
 * `**Key:** value`: what `/^[*_`]*[A-Za-z][\w .-]{0,38}[*_`]*\s*[:：]\s*\S/` accepted, tested in parts (the markup
 * and spaces around a key were ambiguous). The colon is the first one; the key is what is left of the text before
 * it once the markup and spaces around it are taken off.
 */
function isKeyLine(line: string): boolean {
  const colon = line.search(/[:：]/);
  if (colon < 0 || trimStart(line.slice(colon + 1), isSpace) === "") return false;
  const key = trimStart(trimEnd(trimEnd(line.slice(0, colon), isSpace), "*_`"), "*_`");
  return /^[A-Za-z][\w .-]{0,38}$/.test(key);
}

/**
 * An ATX heading (`## Title ##`): its level and text. A scanner, not a regular expression, so that a line of
 * thousands of `#` costs one pass.
 */
export function atxHeading(line: string): { level: number; text: string } | undefined {
  let level = 0;
  while (level < line.length && line.charCodeAt(level) === 35) level++;
  if (level < 1 || level > 6) return undefined;
  const rest = line.slice(level);
  if (rest !== "" && !/^\s/.test(rest)) return undefined;
  let end = rest.length;
  while (end > 0 && /\s/.test(rest[end - 1] ?? "")) end--;
  let hashes = end;
  while (hashes > 0 && rest.charCodeAt(hashes - 1) === 35) hashes--;
  // Closing hashes count only after white space (`# C#` keeps its `#`).
  if (hashes < end && (hashes === 0 || /\s/.test(rest[hashes - 1] ?? ""))) end = hashes;
  return { level, text: rest.slice(0, end).trim() };
}

/** The innermost heading above a block that is not empty, or "" (`headings.filter(Boolean).pop() ?? ""`, uncopied). */
export function innerHeading(block: Block): string {
  const headings = block.headings;
  for (let i = headings.length - 1; i >= 0; i--) if (headings[i]) return headings[i] as string;
  return "";
}

/** A table row's cells as written: the outer pipes dropped, each cell trimmed (`| a | b |` → `["a", "b"]`). */
export function tableCells(row: string): string[] {
  return row
    .trim()
    .replace(/^\||\|$/g, "")
    .split("|")
    .map((c) => c.trim());
}

/** Splits prose into sentences (on `.`, `!`, `?` followed by a space and a capital or a link). */
export function sentences(text: string): string[] {
  if (!text.includes(".") && !text.includes("!") && !text.includes("?")) return [text];
  return text.split(/(?<=[.!?])\s+(?=[A-Z[*(“"])/);
}

/** A Markdown link's span: `[label](target)` from `start` to `end` (exclusive). */
export interface LinkSpan {
  label: string;
  target: string;
  start: number;
  end: number;
}

/**
 * Every `[label](target)` in a text, found by a scanner: each `[` is looked at once and an unclosed `[a](` never
 * makes the search go back, so the cost is linear in the text (a regular expression here is cubic on
 * `[a](` repeated).
 */
export function linkSpans(text: string): LinkSpan[] {
  const out: LinkSpan[] = [];
  let from = 0;
  for (;;) {
    const open = text.indexOf("[", from);
    if (open === -1) return out;
    const close = text.indexOf("]", open + 1);
    if (close === -1) return out;
    const inner = text.lastIndexOf("[", close);
    if (inner > open || text[close + 1] !== "(") {
      from = inner > open ? inner : close + 1;
      continue;
    }
    const end = text.indexOf(")", close + 2);
    if (end === -1) return out;
    out.push({
      label: text.slice(open + 1, close),
      target: text.slice(close + 2, end),
      start: open,
      end: end + 1,
    });
    from = end + 1;
  }
}

/** Markdown links `[text](url)` in a text (links with an empty target are left out). */
export function links(text: string): { text: string; url: string; index: number }[] {
  return linkSpans(text).flatMap((l) => {
    const url = /^\S+/.exec(l.target)?.[0];
    return url ? [{ text: l.label, url, index: l.start }] : [];
  });
}

/** The text with each link replaced by what `render` makes of it; linear, like `linkSpans`. */
export function replaceLinks(text: string, render: (label: string, target: string) => string): string {
  if (!text.includes("](")) return text;
  let out = "";
  let at = 0;
  for (const l of linkSpans(text)) {
    out += text.slice(at, l.start) + render(l.label, l.target);
    at = l.end;
  }
  return out + text.slice(at);
}

/**
 * A text without its links' targets and the `org/name` ids it writes (a link keeps its label unless that is an
 * id): the text's own words, where a model's name (`…-bnb-4bit`, `…-GGUF`) says nothing of what the text states.
 */
export function withoutModelIds(text: string): string {
  let out = "";
  let from = 0;
  for (let at = text.indexOf("](", from); at !== -1; at = text.indexOf("](", from)) {
    const close = text.indexOf(")", at + 2);
    const target = close === -1 ? "" : text.slice(at + 2, close);
    if (close === -1 || /\s/.test(target)) {
      out += text.slice(from, at + 2);
      from = at + 2;
      continue;
    }
    out += text.slice(from, at + 1);
    from = close + 1;
  }
  out += text.slice(from);
  // A word with a slash and a digit, dot or hyphen is an id (`unsloth/qwen2.5-0.5b-…-bnb-4bit`); "GGUF/GPTQ" is not.
  return out.replace(/[^\s[\]()`'"<>]+/g, (word) => (word.includes("/") && /[\d.-]/.test(word) ? " " : word));
}
