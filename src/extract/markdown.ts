/**
 * A light Markdown reader for model cards: front matter, headings, list items, tables, fenced code blocks and
 * prose sentences, each with its 1-based line number. No rendering, no HTML: only what extraction needs.
 */
import { parseDocument } from "yaml";
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

/** Splits and parses YAML front matter; problems become warnings naming the file and line. */
function frontMatter(
  lines: string[],
  file: string,
  warnings: ExtractWarning[],
): { data?: Record<string, unknown>; bodyStart: number; keyLines: Map<string, number> } {
  const keyLines = new Map<string, number>();
  if (lines[0]?.trim() !== "---") return { bodyStart: 0, keyLines };
  let end = -1;
  for (let i = 1; i < lines.length; i++)
    if (/^(---|\.\.\.)\s*$/.test(lines[i] ?? "")) {
      end = i;
      break;
    }
  if (end === -1) {
    warnings.push({
      code: "card.front-matter-unclosed",
      message: `${file}:1: front matter starts with --- but has no closing ---; read as body`,
      file,
    });
    return { bodyStart: 1, keyLines };
  }
  const yamlText = lines.slice(1, end).join("\n");
  for (let i = 1; i < end; i++) {
    const m = /^([A-Za-z_][\w-]*)\s*:/.exec(lines[i] ?? "");
    if (m?.[1] && !keyLines.has(m[1])) keyLines.set(m[1], i + 1);
  }
  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: false });
  const error = doc.errors[0];
  if (error) {
    let line = 2;
    for (let k = 0; k < error.pos[0] && k < yamlText.length; k++) if (yamlText.charCodeAt(k) === 10) line++;
    warnings.push({
      code: "card.front-matter-invalid",
      message: `${file}:${line}: front matter is not valid YAML (${error.message.split("\n")[0]}); metadata skipped, body read`,
      file,
    });
    return { bodyStart: end + 1, keyLines: new Map() };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    warnings.push({
      code: "card.front-matter-invalid",
      message: `${file}: front matter cannot be read (${e instanceof Error ? e.message : String(e)}); metadata skipped`,
      file,
    });
    return { bodyStart: end + 1, keyLines: new Map() };
  }
  if (data === null || data === undefined) return { bodyStart: end + 1, keyLines };
  if (typeof data !== "object" || Array.isArray(data)) {
    warnings.push({
      code: "card.front-matter-not-mapping",
      message: `${file}:2: front matter is ${Array.isArray(data) ? "a list" : `a ${typeof data}`}, expected key: value pairs; metadata skipped`,
      file,
    });
    return { bodyStart: end + 1, keyLines: new Map() };
  }
  return { data: data as Record<string, unknown>, bodyStart: end + 1, keyLines };
}

/** Parses a card into front matter and blocks. */
export function parseCard(text: string, file: string, warnings: ExtractWarning[]): ParsedCard {
  const lines = text.split(/\r?\n/);
  const fm = frontMatter(lines, file, warnings);
  const blocks: Block[] = [];
  const headings: string[] = [];
  let title: string | undefined;
  let paragraph: string[] = [];
  let paragraphLine = 0;
  const flush = () => {
    if (paragraph.length > 0)
      blocks.push({ type: "prose", text: paragraph.join(" "), line: paragraphLine, headings: [...headings] });
    paragraph = [];
  };
  for (let i = fm.bodyStart; i < lines.length; i++) {
    const raw = lines[i] ?? "";
    const line = raw.trim();
    const fence = /^(`{3,}|~{3,})\s*([\w+-]*)/.exec(line);
    if (fence) {
      flush();
      const marker = fence[1] ?? "```";
      const start = i;
      const body: string[] = [];
      for (i++; i < lines.length && !(lines[i] ?? "").trim().startsWith(marker); i++)
        body.push(lines[i] ?? "");
      blocks.push({
        type: "code",
        text: body.join("\n"),
        line: start + 2,
        headings: [...headings],
        lang: (fence[2] ?? "").toLowerCase(),
      });
      continue;
    }
    if (line.startsWith("<!--")) {
      flush();
      while (i < lines.length && !(lines[i] ?? "").includes("-->")) i++;
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*$/.exec(line);
    if (heading) {
      flush();
      const level = heading[1]?.length ?? 1;
      const textOf = (heading[2] ?? "").replace(/\*\*|`/g, "");
      headings.length = Math.min(headings.length, level - 1);
      while (headings.length < level - 1) headings.push("");
      headings.push(textOf);
      if (level === 1 && title === undefined) title = textOf;
      continue;
    }
    if (line === "" || /^(-{3,}|\*{3,}|_{3,})$/.test(line)) {
      flush();
      continue;
    }
    if (line.startsWith("|")) {
      flush();
      blocks.push({ type: "table", text: line, line: i + 1, headings: [...headings] });
      continue;
    }
    const item = /^(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (item) {
      flush();
      blocks.push({ type: "item", text: item[1] ?? "", line: i + 1, headings: [...headings] });
      continue;
    }
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

/** Splits prose into sentences (on `.`, `!`, `?` followed by a space and a capital or a link). */
export function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z[*(“"])/);
}

/** Markdown links `[text](url)` in a text. */
export function links(text: string): { text: string; url: string; index: number }[] {
  const out: { text: string; url: string; index: number }[] = [];
  for (const m of text.matchAll(/\[([^\]]*)\]\(([^)\s]+)[^)]*\)/g))
    out.push({ text: m[1] ?? "", url: m[2] ?? "", index: m.index ?? 0 });
  return out;
}

/** `https://huggingface.co/datasets/ORG/NAME` → `{kind: "dataset", id}`; models likewise. */
export function hubLink(url: string): { kind: "model" | "dataset"; id: string } | undefined {
  const m =
    /^https?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co)\/(datasets\/|spaces\/|collections\/|docs\/|blog\/|papers\/)?([\w.-]+)(?:\/([\w.-]+))?/.exec(
      url,
    );
  if (!m?.[2]) return undefined;
  if (m[1] && m[1] !== "datasets/") return undefined;
  const id = m[3] ? `${m[2]}/${m[3]}` : m[2];
  if (
    [
      "datasets",
      "models",
      "spaces",
      "docs",
      "blog",
      "papers",
      "settings",
      "join",
      "login",
      "organizations",
    ].includes(m[2]) &&
    !m[1]
  )
    return undefined;
  return { kind: m[1] === "datasets/" ? "dataset" : "model", id };
}
