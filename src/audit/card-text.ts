/**
 * Reading a model card's own words for what an import may have lost: the bases it declares (front matter
 * `base_model`, "**Base Model:** [...]", "a fine-tuning of [Llama2 70B](...)"), the licence lines of its text,
 * and whether it says how it was made. Pure: takes text, returns data; never throws.
 */

import { parse as parseYaml } from "yaml";
import { hubModelId } from "../model/hub-url.js";
import { isLineTerminator, isSpace } from "../model/trim.js";
import { basesInProse, type DeclaredBase, firstLink } from "./card-bases.js";
import { bareModelName, downloadedModels } from "./card-labels.js";
import { derivedTag, ownHubId } from "./card-signals.js";

export { basesInProse, type DeclaredBase, modelIdFrom } from "./card-bases.js";

/** What a card says, as far as the audit cares. */
export interface CardSignals {
  license?: string;
  licenseName?: string;
  licenseLink?: string;
  bases: DeclaredBase[];
  /** Lines about licensing: a `License` section, or sentences such as "released under …". */
  licenseLines: string[];
  /** The prose (front matter removed). */
  body: string;
  /** True when the card has YAML front matter: a Hub model card, not a project README. */
  modelCard?: true;
  /** The model's name from the card's first `#` title, when it looks like one (a Hub link, a size, "Model Card for X"). */
  title?: string;
  /** Front-matter metadata that marks a derivative (`library_name: peft`, tags `lora`, `merge`, `gguf`, `sft` …). */
  derivedTag?: string;
  /** The card's first `#` title as written, whether or not it looks like a model name. */
  heading?: string;
  /** The name of the card's own Hub page, from a line that links it ("**Repository:** https://huggingface.co/…"). */
  ownHubName?: string;
  /** The same page's full id (`org/name`). */
  ownHubId?: string;
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

const asString = (v: unknown): string | undefined =>
  typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
const asStrings = (v: unknown): string[] =>
  (Array.isArray(v) ? v : [v]).map(asString).filter((s): s is string => s !== undefined);

function frontMatter(text: string): { fields: Record<string, unknown>; body: string } {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { fields: {}, body: text };
  let fields: Record<string, unknown> = {};
  try {
    const parsed: unknown = parseYaml(match[1] ?? "", { logLevel: "error" });
    if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed))
      fields = parsed as Record<string, unknown>;
  } catch {
    // A card whose metadata is not YAML still has prose worth reading.
  }
  return { fields, body: text.slice(match[0].length) };
}

const OTHER_HEADING = /^#{1,6}\s.*\b(?:data|datasets?|code|codebase)\b/i;
// Also a heading in other languages: ライセンス, 许可证/許可證, 许可协议, 开源协议, "## 协议", Lizenz, Licencia, Licença.
const LICENSE_HEADING =
  /^#{1,6}(?:[^\S\n\r\u2028\u2029]*[\n\r\u2028\u2029])*.*(?:licen[cs]e|ライセンス|许可|許可|协议|協議|lizenz|licencia|licença)/i;
/** Licence headings in Italian, Korean and Russian (kept apart: the one pattern with them backtracks). */
const LICENSE_HEADING_MORE = /^#{1,6}[^\S\n\r\u2028\u2029].*(?:licenza|라이선스|라이센스|лицензи)/i;
const LICENSE_SENTENCE =
  /(?:licen[cs]ed|released|distributed|published|provided|made available|available)\s+under|^\W*licen[cs]e\W*[:：]|\bcommercial (?:use|usage|purposes?)\b|商用|用于商业|商业用途|许可协议|开源协议|상업적|коммерческ/i;

/** Lines about licensing: a `License` section, or a line that says what the model is released under. */
export function licenseLines(body: string): string[] {
  const lines: string[] = [];
  let inSection = 0;
  // Under a heading about the data or the code ("## Data", "### Code License"), a licence line is theirs.
  let aboutOther = false;
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    const heading = /^(#{1,6})\s/.exec(line);
    if (heading) {
      aboutOther = OTHER_HEADING.test(line);
      inSection =
        (LICENSE_HEADING.test(line) || LICENSE_HEADING_MORE.test(line)) && !aboutOther
          ? (heading[1]?.length ?? 1)
          : 0;
    } else if (line !== "" && !aboutOther && (inSection > 0 || LICENSE_SENTENCE.test(line)))
      lines.push(line.slice(0, 300));
  }
  return lines;
}

/**
 * The text of the first `# Title` line: what `/^#\s+(.+?)\s*$/m` captured, trimmed, found by a scan (the lazy
 * title and the spaces after it were ambiguous). As with the pattern, the title may start on a later line.
 */
function firstTitle(body: string): string | undefined {
  const hash = /^#\s/m.exec(body);
  if (!hash) return undefined;
  let start = hash.index + 1;
  while (start < body.length && isSpace(body[start]!)) start++;
  let end = start;
  while (end < body.length && !isLineTerminator(body[end])) end++;
  return body.slice(start, end).trim() || undefined;
}

/** The model name a card's first `#` title gives, if it looks like a model name rather than a heading. */
export function titleName(body: string): string | undefined {
  const title = firstTitle(body);
  if (!title) return undefined;
  const link = firstLink(title);
  if (link && hubModelId(link.target)) return link.label.split("/").pop();
  const forModel = /^model card for\s+(\S.*)$/i.exec(title)?.[1]?.replace(/[`*]/g, "").trim();
  if (forModel) return /^model id$/i.test(forModel) ? undefined : forModel;
  return /\b\d+(?:\.\d+)?\s?[BM]\b/i.test(title) && title.length <= 80 ? title : undefined;
}

/**
 * A card that names no base but downloads a model (`git clone https://huggingface.co/org/model`) starts from
 * it: a serving recipe, a quantisation or a fine-tuning walkthrough. Read only on a card that declares no licence or
 * whose metadata marks a derivative (an application's README that downloads a model it merely uses is neither), and
 * not when the card declares a licence and the download is its own model (its title or Hub page names it).
 */
function downloadedBases(
  body: string,
  license: string | undefined,
  names: (string | undefined)[],
): DeclaredBase[] {
  const own = new Set(names.filter((n): n is string => !!n).map(bareModelName));
  return downloadedModels(body)
    .filter((d) => license === undefined || !own.has(bareModelName(d.id)))
    .map((d) => ({ id: d.id, where: d.where }));
}

/** Reads a model card (Markdown with optional YAML front matter). */
export function readCard(text: string): CardSignals {
  const { fields, body } = frontMatter(text);
  const modelCard = FRONT_MATTER.test(text);
  const bases: DeclaredBase[] = asStrings(fields.base_model).map((id) => ({
    id,
    where: "front matter base_model",
  }));
  const seen = new Set(bases.map((b) => b.id.toLowerCase()));
  for (const b of basesInProse(body))
    if (!seen.has(b.id.toLowerCase())) {
      seen.add(b.id.toLowerCase());
      bases.push(b);
    }
  const license = asStrings(fields.license)[0];
  const licenseName = asString(fields.license_name);
  const licenseLink = asString(fields.license_link);
  const title = titleName(body);
  const ownId = ownHubId(body);
  const own = ownId?.split("/").pop();
  if (bases.length === 0 && (license === undefined || derivedTag(fields)))
    bases.push(...downloadedBases(body, license, [title, own, firstTitle(body)]));
  const tag = derivedTag(fields);
  const heading = firstTitle(body);
  return {
    ...(heading ? { heading } : {}),
    ...(tag ? { derivedTag: tag } : {}),
    ...(title ? { title } : {}),
    ...(own ? { ownHubName: own } : {}),
    ...(ownId ? { ownHubId: ownId } : {}),
    ...(modelCard ? { modelCard: true as const } : {}),
    ...(license ? { license } : {}),
    ...(licenseName ? { licenseName } : {}),
    ...(licenseLink ? { licenseLink } : {}),
    bases,
    licenseLines: licenseLines(body),
    body,
  };
}
