/**
 * The bases a model card names in its prose (the audit's own reading, beside the import's): "**Base Model:**
 * [...]", "a fine-tuning of [Llama2 70B](...)", `base_model=` in usage code, "以 X 为基础", a `## Base model`
 * heading, and the model ids its links and text give. Pure: takes text, returns data; never throws.
 */
import { hubModelId, hubRepo, isHubUrl } from "../model/hub-url.js";
import { refKind } from "../model/refs.js";
import { isLineTerminator, isSpace, trimEnd } from "../model/trim.js";
import { FOREIGN_BASE_LABEL } from "./card-labels.js";
import { BARE_MODEL_ROW, normalPath, outputPaths, valuesUnderBaseLabels } from "./card-signals.js";
import { familyFor } from "./knowledge.js";

/** A base named by a card, with the words it was read from. */
export interface DeclaredBase {
  id: string;
  /** Where it was read: `front matter base_model`, or the sentence quoted. */
  where: string;
}

const HUB_ID = /^[\w.-]+\/[\w.-]+$/;

/** A model id from a link (`https://huggingface.co/org/name`) or its text, if it names a model. */
export function modelIdFrom(text: string, url?: string): string | undefined {
  // A Hub page that is not a model's (a dataset, a Space, a collection, the docs) names no model.
  if (url && isHubUrl(url.trim()) && hubRepo(url.trim())?.kind !== "model") return undefined;
  const fromUrl = url ? hubModelId(url) : undefined;
  if (fromUrl) return fromUrl;
  // Emphasis marks go; an underscore inside a word is part of the id (`allenai/scibert_scivocab_uncased`).
  const name = trimEnd(text.replace(/[*`"“”]|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, "").trim(), ".,;:");
  if (name === "" || name.length > 120) return undefined;
  // A folder named for models or runs (`checkpoints/adapters`, `outputs/x`) is a local path, never a Hub id.
  if (HUB_ID.test(name)) return refKind(name) === "hub" ? name : undefined;
  return familyFor(name) ? name : undefined;
}

/** Once a family is recognised, words that still belong to the name: a size or version, or a variant. */
const NAME_PART = /\d|^(?:instruct|chat|base|it|coder|code|vl|math|mini|small|medium|large|preview|hf)$/i;
const STOP_WORDS = new Set([
  "on",
  "with",
  "using",
  "for",
  "and",
  "by",
  "to",
  "in",
  "the",
  "a",
  "from",
  "which",
  "that",
  "model",
  "weights",
]);
/** A line's leading non-word characters, the label's words, then non-word characters up to `:`, `：` or `|`. */
const BASE_LABEL =
  /^[^\w\n\r\u2028\u2029]*(?:base[ _-]?model|(?:pre-?trained|foundation|parent|original) model|model|finetuned[ _-]from(?:[ _-]model)?|fine-tuned from(?: model)?)[^\w\n\r\u2028\u2029:：|]*[:：|]\s*(\S.*)$/gim;
/** The words of a `## Base model` heading, tried where the non-word characters after a `#` line start end (sticky). */
const BASE_HEADING_WORDS = /(?:base|parent|foundation)[ _-]?model\W*$/imy;

/**
 * The first `## Base model` heading: what `/^#{1,6}\s*\W*(?:base|parent|foundation)[ _-]?model\W*$/im` found, by a
 * scan. The pattern retried each `#` line inside one run of non-word characters (`#\n#\n#…`), which all lead
 * to the same word; here that word is tried once.
 */
function baseHeading(body: string): { index: number; text: string } | undefined {
  const wordChar = /\w/g;
  let word = -1; // the first word character after the last `#` line tried
  for (const hash of body.matchAll(/^#/gm)) {
    const index = hash.index ?? 0;
    if (index < word) continue;
    wordChar.lastIndex = index;
    const found = wordChar.exec(body);
    if (!found) return undefined;
    word = found.index;
    BASE_HEADING_WORDS.lastIndex = word;
    const m = BASE_HEADING_WORDS.exec(body);
    if (m) return { index, text: body.slice(index, word + m[0].length) };
  }
  return undefined;
}
/** A base model key and what may stand between it and its value; the value is read by `hubIdAt`. */
const BASE_KEY = /\b(?:base_model(?:_name_or_path)?|--base[-_]model)\s*(?:[=:]\s*)?["']?/g;

/**
 * A Hub-style `org/name` (characters `[\w.-]`) starting at `at`: what `([\w.-]+\/[\w.-]+)` captured there, with
 * each part read at most 200 characters (a longer run is no Hub id), so that trying it after every key is linear.
 */
function hubIdAt(text: string, at: number): string | undefined {
  const idChar = (i: number) => i < text.length && i - at < 402 && /[\w.-]/.test(text[i]!);
  let slash = at;
  while (slash - at <= 200 && idChar(slash)) slash++;
  if (slash === at || text[slash] !== "/") return undefined;
  let end = slash + 1;
  while (end - slash <= 200 && idChar(end)) end++;
  return end === slash + 1 ? undefined : text.slice(at, end);
}
const LOADED_KEY =
  /(?:\b(?:model_name(?:_or_path)?|model_id|pretrained_model_name_or_path)\s*[=:]\s*["']|--model[-_](?:id|name(?:[-_]or[-_]path)?)\s+["']?)([\w.-]+\/[\w.-]+)/g;
/** Usage code that loads a model to put an adapter on it or quantise it loads the base. */
const LOADS_BASE = /\bPeftModel\b|\bquanti[sz]|\bGPTQ\b|\bAWQ\b|\bGGUF\b|\bLoRA\b/i;
const DERIVED_FROM =
  /^#{1,6}[ \t]*(?:fine[- ]?tun(?:e|ing)|finetun(?:e|ing))[ \t]+(?:the[ \t]+)?|\b(?:fine[- ]?tun(?:e|ing|ed version)|finetune|merge|quanti[sz]ation|quanti[sz]ed version)\s+of\s+(?:the\s+)?|\b(?:fine[- ]?tuned|trained|distilled|derived)\s+from\s+(?:the\s+)?|\b(?:a|an)\s+(?:derivative|variant|modified version)\s+of\s+(?:the\s+)?|\bpre-?trained[ \t]+base[ \t]+models?[ \t]+(?:for|of|from)[ \t]+|\b(?:based|built)\s+(?:on|upon)\s+(?:the\s+)?|\b(?:we|to)\s+fine[- ]?tune\s+(?:the\s+)?|\bon top of\s+(?:the\s+)?|\b(?:continued\s+|continual\s+)?pre-?training\s+(?:of\s+)?(?:the\s+)?|\bQ?LoRA[ \t]+(?:adapter[ \t]+)?(?:for[ \t]+|on[ \t]+)?(?:the[ \t]+)?|基于\s*|以\s*(?:原始|原版)?\s*(?=[A-Za-z])/gim;

/** "We use [X](…) as our base model": a verb of choosing, then the name, then "as … base model" in the sentence. */
const USES = /\b(?:use[sd]?|using|adopt(?:s|ed)?|cho(?:o)?se|select(?:s|ed)?)[ \t]+/gi;
const AS_BASE =
  /^(?:[^.\n]|\.(?=\S)){0,300}?\bas (?:our|the|its|a) (?:base|foundation|backbone|parent|starting) model\b/i;

/** "fine-tuning (QLoRA) of X": a short parenthesis between the derivation and "of" (kept apart from DERIVED_FROM). */
const DERIVED_FROM_PAREN =
  /\b(?:fine[- ]?tun(?:e|ing)|finetun(?:e|ing)|quanti[sz]ation)[ \t]+\([^()\n]{1,30}\)[ \t]+of[ \t]+(?:the[ \t]+)?/gi;
/**
 * A Markdown link `[label](target)` starting at `at`, with a label of 1–120 characters other than `]` and a target
 * of 1–300 characters other than `)` and spaces. Each bound caps the scan, so trying every `[` is linear.
 */
function linkAt(text: string, at: number): { label: string; target: string; end: number } | undefined {
  if (text[at] !== "[") return undefined;
  const found = text.slice(at + 1, at + 122).indexOf("]");
  const close = at + 1 + found;
  if (found < 1 || text[close + 1] !== "(") return undefined;
  let end = close + 2;
  while (end < text.length && end - close - 2 <= 300 && text[end] !== ")" && !/\s/.test(text[end]!)) end++;
  if (text[end] !== ")" || end === close + 2 || end - close - 2 > 300) return undefined;
  return { label: text.slice(at + 1, close), target: text.slice(close + 2, end), end: end + 1 };
}

/** The first such link in a text. */
export function firstLink(text: string): { label: string; target: string; end: number } | undefined {
  for (let at = text.indexOf("["); at !== -1; at = text.indexOf("[", at + 1)) {
    const link = linkAt(text, at);
    if (link) return link;
  }
  return undefined;
}

/** The model named right after a phrase, on its line: a Markdown link, a Hub id (whole), or a family name ("Llama2 70B"). */
function namedAt(text: string, at: number): { id: string; quote: string } | undefined {
  let rest = text
    .slice(at, at + 200)
    .replace(/^[ \t]*\r?\n?[ \t]*/, "")
    .replace(/^[\w-]+['’]s\s+/, "");
  const owner = linkAt(rest, 0);
  // A possessive link before the name ("[EleutherAI’s](https://www.eleuther.ai/) [Pythia-12b](…)").
  if (owner && /['’]s$/.test(owner.label)) rest = rest.slice(owner.end).replace(/^[ \t]+/, "");
  const link = linkAt(rest, 0) ?? cjkClauseLink(rest);
  if (link) {
    const id = modelIdFrom(link.label, link.target);
    return id ? { id, quote: rest.slice(0, link.end) } : undefined;
  }
  if (/^[^.\n]{0,60}\b(?:architecture|tokeni[sz]er)/i.test(rest)) return undefined;
  const parts: string[] = [];
  for (const spaced of (rest.split("\n")[0] ?? "").split(/\s+/, 4)) {
    // Chinese and Japanese prose runs the name into the next words ("BLOOMZ-7B1-mt训练调优后的模型"): the name ends
    // where the Latin letters do.
    // A name in code or emphasis marks (`` `org/model` ``, **Llama 3**) is read without them.
    const word = leadingLatin(spaced).replace(/^[`*_"']{1,3}/, "");
    const clean = trimEnd(word, ",.;:!?)`*_\"'");
    if (clean === "" || STOP_WORDS.has(clean.toLowerCase()) || !/^[\w.\-/]+$/.test(clean)) break;
    if (parts.length > 0 && !NAME_PART.test(clean) && familyFor(parts.join("-"))) break;
    parts.push(clean);
    if (clean !== spaced || clean.includes("/")) break;
  }
  // A word with a slash is a Hub id by itself: "Fine-tuned `org/name`" is not the model "Fine-tuned-org/name".
  const written = parts.find((p) => p.includes("/"));
  if (written && parts.length > 1) {
    const id = modelIdFrom(written);
    return id ? { id, quote: written } : undefined;
  }
  for (let n = parts.length; n >= 1; n--) {
    const words = withoutProseLead(parts.slice(0, n));
    const id = modelIdFrom(words.join("-"));
    if (id) return { id, quote: words.join(" ") };
  }
  return undefined;
}

/** A word's leading run of Latin name characters, when CJK text follows it without a space. */
function leadingLatin(word: string): string {
  const cjk = word.search(/[\u3000-\u9fff\uff00-\uffef]/);
  return cjk > 0 ? word.slice(0, cjk) : word;
}

/**
 * In Chinese or Japanese prose, a name may come after a few qualifiers in the same clause ("基于Meta发布的可商用大模型
 * [Llama-2](…)开发"): the first link within 40 characters, before any clause or sentence end.
 */
function cjkClauseLink(rest: string): { label: string; target: string; end: number } | undefined {
  const head = rest.slice(0, 40);
  if (!/[\u3000-\u9fff]/.test(head)) return undefined;
  const stop = head.search(/[。，、；！？\n]/);
  const open = head.indexOf("[");
  if (open < 0 || (stop >= 0 && stop < open)) return undefined;
  return linkAt(rest, open);
}

/**
 * Drops leading prose words (lower-case letters only: "previewed version of", "lasted checkpoints of") while
 * what follows still names the family, so that the name read is the one the text gives ("OpenLLaMA-3B"),
 * never one made of the sentence around it.
 */
function withoutProseLead(words: string[]): string[] {
  let from = 0;
  while (
    from < words.length - 1 &&
    /^[a-z]+$/.test(words[from] ?? "") &&
    !HUB_ID.test(words.join("-")) &&
    familyFor(words.slice(from + 1).join("-"))
  )
    from++;
  return words.slice(from);
}

/**
 * The first item of a section: its first non-blank text, past a `-` or `*` bullet, to the end of that line. What
 * `/^\s*(?:[-*]\s+)?(\S.*)$/m` captured, in one scan (the pattern retried each blank line's spaces).
 */
function firstItem(section: string): string | undefined {
  let i = 0;
  while (i < section.length && isSpace(section[i]!)) i++;
  if (i === section.length) return undefined;
  if ((section[i] === "-" || section[i] === "*") && isSpace(section[i + 1] ?? "x")) {
    let k = i + 1;
    while (k < section.length && isSpace(section[k]!)) k++;
    if (k < section.length) i = k;
  }
  let end = i;
  while (end < section.length && !isLineTerminator(section[end])) end++;
  return section.slice(i, end);
}

function sentenceAround(text: string, index: number): string {
  const start = Math.max(text.lastIndexOf("\n", index), text.lastIndexOf(". ", index) + 1, 0);
  const endNl = text.indexOf("\n", index);
  const end = endNl === -1 ? text.length : endNl;
  return text.slice(start, end).trim().slice(0, 200);
}

/** A dated news or changelog line (`**[2023/07/25]** Release X, which is based on Y`): about other releases. */
const NEWS_DATE = /^[ \t>*_-]{0,12}\[?\d{4}[/.-]\d{1,2}/;
/** A dated day or a "News" label at the head of the line (`- 🔥🔥🔥 **News**: \`2024/5/20\`: … CogVLM2, which is based on llama3-8b`). */
const NEWS_HEAD = /\bnews\b|\d{4}[/.-]\d{1,2}[/.-]\d{1,2}/i;
function isNewsLine(text: string, index: number): boolean {
  const start = text.lastIndexOf("\n", index) + 1;
  const head = text.slice(start, Math.min(index, start + 60));
  return NEWS_DATE.test(head.slice(0, 40)) || NEWS_HEAD.test(head);
}

/** `以 X 为基础` ("on X as its base") says so only when 为基础/为基座 closes the clause: `以ms/tok计` does not. */
function completesChinese(text: string, match: RegExpMatchArray): boolean {
  if (!match[0].startsWith("以")) return true;
  const at = (match.index ?? 0) + match[0].length;
  const clause = text.slice(at, at + 80).split(/[。，,\n]/)[0] ?? "";
  return clause.includes("为基础") || clause.includes("为基座") || clause.includes("为底座");
}

/** Bases a card names in its prose. */
export function basesInProse(body: string): DeclaredBase[] {
  const found: DeclaredBase[] = [];
  const quote = (text: string) => `'${text.trim().slice(0, 160)}'`;
  for (const labelled of [...body.matchAll(BASE_LABEL), ...body.matchAll(FOREIGN_BASE_LABEL)]) {
    // A table row whose label is only "Model" (`| **Model** | FP16/BF16 | INT8 |`) heads columns: not a base.
    if (BARE_MODEL_ROW.test(labelled[0])) continue;
    const value = (labelled[1] ?? "").replace(/^[*_\s]+/, "");
    const named = namedAt(value, 0);
    if (named) found.push({ id: named.id, where: quote(labelled[0]) });
  }
  for (const { label, value } of valuesUnderBaseLabels(body)) {
    const named = namedAt(value.replace(/^[*_`\s]+/, ""), 0);
    if (named) found.push({ id: named.id, where: quote(`${label} ${value}`) });
  }
  const heading = baseHeading(body);
  if (heading) {
    const section = body.slice(heading.index + heading.text.length).split(/\n#{1,6}\s/)[0] ?? "";
    const item = firstItem(section);
    const named = item ? namedAt(item.replace(/^[*_`\s]+/, ""), 0) : undefined;
    if (named) found.push({ id: named.id, where: `the '${heading.text.replace(/^#+\s*/, "")}' section` });
  }
  for (const match of [...body.matchAll(DERIVED_FROM), ...body.matchAll(DERIVED_FROM_PAREN)]) {
    if (isNewsLine(body, match.index ?? 0) || !completesChinese(body, match)) continue;
    const named = namedAt(body, (match.index ?? 0) + match[0].length);
    if (named) found.push({ id: named.id, where: quote(sentenceAround(body, match.index ?? 0)) });
  }
  for (const m of body.matchAll(USES)) {
    const at = m.index + m[0].length;
    const named = AS_BASE.test(body.slice(at, at + 400)) ? namedAt(body, at) : undefined;
    if (named) found.push({ id: named.id, where: quote(sentenceAround(body, m.index)) });
  }
  const outputs = outputPaths(body);
  for (const m of body.matchAll(BASE_KEY)) {
    const at = m.index + m[0].length;
    const id = hubIdAt(body, at);
    // A path an earlier command of the same card writes (`--output_dir "models/x"`) is an intermediate, not a base.
    if (id && !outputs.has(normalPath(id)))
      found.push({
        id,
        where: quote(body.slice(m.index, at + id.length + (/["']/.test(body[at + id.length] ?? "") ? 1 : 0))),
      });
  }
  const loaded = LOADS_BASE.test(body) ? body.matchAll(LOADED_KEY) : [];
  for (const m of loaded) if (m[1]) found.push({ id: m[1], where: quote(m[0]) });
  return withoutBareDuplicates(found);
}

/**
 * The bases without a bare family name ("Llama 3") that a Hub id the card also names belongs to
 * (`meta-llama/Meta-Llama-3-8B`): the same model said twice, not a second ancestor.
 */
function withoutBareDuplicates(found: DeclaredBase[]): DeclaredBase[] {
  const named = new Set(
    found.filter((b) => b.id.includes("/")).flatMap((b) => familyFor(b.id)?.license.id ?? []),
  );
  return found.filter((b) => b.id.includes("/") || !named.has(familyFor(b.id)?.license.id ?? ""));
}

// `^#{1,6}\s*.*licen[cs]e` without the ambiguous `\s*.*`: blank lines, then the line that names the licence.
