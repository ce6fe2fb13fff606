/**
 * Text helpers shared by the readers of statements in other languages: finding phrases from a table in one
 * linear pass, clause windows, and the training words near a position.
 */
import { type Block, innerHeading, replaceLinks } from "../markdown.js";
import { outOfScopeSection } from "../section-scope.js";
import { SKIP_HEADING, TRAINING_WORDS } from "./ml-phrases.js";

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const NON_ASCII = /[\u0080-\uffff]/;

/**
 * The scripts of the characters outside ASCII in a text, as bits: Latin letters with accents, Cyrillic, kana,
 * CJK ideographs, Hangul, and anything else.
 */
function scripts(text: string): number {
  if (!NON_ASCII.test(text)) return 0;
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    bits |=
      c >= 0xc0 && c <= 0x24f
        ? 1
        : c >= 0x400 && c <= 0x4ff
          ? 2
          : c >= 0x3040 && c <= 0x30ff
            ? 4
            : c >= 0x3400 && c <= 0x9fff
              ? 8
              : c >= 0xac00 && c <= 0xd7af
                ? 16
                : 32;
  }
  return bits;
}

/**
 * Each phrase expression's alternatives with the scripts each needs, and its narrower forms by the scripts a text
 * holds. A phrase needing a script the text has none of never matches it, so the expression of the other
 * alternatives, in the same order, finds exactly the same matches, several times faster: most cards are English,
 * and most phrases are not.
 */
const PHRASES = new WeakMap<
  RegExp,
  { phrases: readonly { text: string; needs: number }[]; forms: Map<number, RegExp | null> }
>();

/**
 * One regular expression of literal alternatives, lower case, longest first, matched against lower-case text:
 * linear in the text.
 */
export function phraseRegex(phrases: readonly string[]): RegExp {
  const sorted = [...new Set(phrases.map((p) => p.toLowerCase()))].sort((a, b) => b.length - a.length);
  const re = new RegExp(sorted.map(escapeRegex).join("|"), "g");
  PHRASES.set(re, { phrases: sorted.map((text) => ({ text, needs: scripts(text) })), forms: new Map() });
  return re;
}

let lastText = "";
let lastScripts = 0;

/** The expression to scan `text` with: `re`, or its alternatives that can match it (null: none can). */
export function forText(re: RegExp, text: string): RegExp | null {
  const table = PHRASES.get(re);
  if (table === undefined) return re;
  // The readers scan one block's text with several tables in turn: its scripts are worked out once.
  if (text !== lastText) {
    lastText = text;
    lastScripts = scripts(text);
  }
  const has = lastScripts;
  let form = table.forms.get(has);
  if (form === undefined) {
    const kept = table.phrases.filter((p) => (p.needs & ~has) === 0);
    form =
      kept.length === table.phrases.length
        ? re
        : kept.length === 0
          ? null
          : new RegExp(kept.map((p) => escapeRegex(p.text)).join("|"), "g");
    table.forms.set(has, form);
  }
  return form;
}

/**
 * The matches of a global expression, without the copy of the expression `matchAll` makes on every call; at most
 * `limit` of them (a block stating a fact hundreds of times is not a statement of it).
 */
export function* matches(phrases: RegExp, text: string, limit = 200): Generator<RegExpExecArray> {
  const re = forText(phrases, text);
  if (re === null) return;
  re.lastIndex = 0;
  let n = 0;
  for (let m = re.exec(text); m && n < limit; m = re.exec(text), n++) {
    yield m;
    if (m[0] === "") re.lastIndex++;
  }
}

const WORD_CHAR = /[\p{Script=Latin}\p{Script=Cyrillic}\d]/u;

/** Is the match at `start..end` a whole word where the phrase begins or ends with a Latin or Cyrillic letter? */
export function wholeWord(text: string, start: number, end: number): boolean {
  const first = text[start] ?? "";
  const last = text[end - 1] ?? "";
  if (WORD_CHAR.test(first) && WORD_CHAR.test(text[start - 1] ?? "")) return false;
  if (WORD_CHAR.test(last) && WORD_CHAR.test(text[end] ?? "")) return false;
  return true;
}

const TERMINATORS = ["。", "！", "？", "；", "\n", ". ", "! ", "? "];

/** The clause around `start..end`: from the last sentence end before it to the first after, at most `span` away. */
export function clause(text: string, start: number, end: number, span = 100): string {
  const from = Math.max(0, start - span);
  const to = Math.min(text.length, end + span);
  const window = text.slice(from, to);
  const s = start - from;
  const e = end - from;
  let a = 0;
  let b = window.length;
  for (const t of TERMINATORS) {
    const before = window.lastIndexOf(t, s - 1);
    if (before !== -1 && before + t.length > a && before < s) a = before + t.length;
    const after = window.indexOf(t, e);
    if (after !== -1 && after < b) b = after;
  }
  return window.slice(a, b);
}

/** Offset of the clause returned by `clause` within the text. */
export function clauseStart(text: string, start: number, span = 100): number {
  const from = Math.max(0, start - span);
  const window = text.slice(from, start);
  let a = 0;
  for (const t of TERMINATORS) {
    const before = window.lastIndexOf(t);
    if (before !== -1 && before + t.length > a) a = before + t.length;
  }
  return from + a;
}

const TRAINING = phraseRegex(TRAINING_WORDS);

/** Does the text (lower case) name training, in any language read here? */
/**
 * The text with each link read as its label and each address's scheme blanked, at the same positions: a scope
 * (`Sie können [X](…) mit LoRA feinabstimmen`) then does not stop at a link's brackets or an address's colon.
 */
export function maskRefs(text: string): string {
  if (!text.includes("](") && !text.includes("://")) return text;
  return replaceLinks(text, (label, target) => ` ${label}${" ".repeat(target.length + 3)}`).replace(
    /(https?):\/\//g,
    "$1   ",
  );
}

/**
 * "trained from scratch" in the languages read: pretraining, whose data do not make a fine-tuning step and whose
 * architecture's name is no base. tr "sıfırdan" (dev v2-ne-tr-vergi-gpt2-scratch-finetune: "GPT-2 mimarisi temel
 * alınmış ve model sıfırdan Türkçe verilerle eğitilmiştir"); vi "huấn luyện từ đầu" (find_string 14867197744); id
 * "dilatih dari awal" (the same phrase class; "dari awal" and "từ đầu" alone also mean "from the start").
 */
export const FROM_SCRATCH =
  /\bfrom scratch\b|从零|从头训练|ゼロから|처음부터|с нуля|von Grund auf|à partir de zéro|desde cero|do zero\b|sıfırdan|huấn luyện từ đầu|dilatih dari awal/i;

export function saysTraining(text: string): boolean {
  const re = forText(TRAINING, text);
  if (re === null) return false;
  re.lastIndex = 0;
  return re.test(text);
}

/** Is the block outside the sections that describe training (evaluation, usage, licence, a failed run)? */
export function skipBlock(block: Block, cache: Map<string, boolean>): boolean {
  if (block.type === "code" || outOfScopeSection(block)) return true;
  const last = innerHeading(block);
  let skip = cache.get(last);
  if (skip === undefined) {
    skip = SKIP_HEADING.test(last);
    cache.set(last, skip);
  }
  return skip;
}

/** Does the text hold letters of a script other than Latin (CJK, Hangul, Cyrillic) or Latin accents? */
export function foreignText(text: string): boolean {
  return /[\u00c0-\u024f\u0400-\u04ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/.test(text);
}

/**
 * Traditional Chinese characters of the phrase tables, with their simplified forms: a card written in Taiwan or Hong
 * Kong (`基於 X 進行微調`, `以 X 為基座`, `訓練資料`, `學習率`) reads as the simplified phrases do. One character for
 * one, so positions in the text do not move.
 */
const TRADITIONAL =
  "於于為为礎础練练調调進进數数據据參参學学習习應应監监預预積积長长輪轮續续來来後后發发佈布優优訓训設设並并經经過过將将與与適适權权併并減减種种隨随機机階阶開开構构個个層层確确認认選选擇择採采資资準准備备歷历範范圍围這这們们從从當当則则會会實实驗验評评測测試试點点時时間间處处碼码檔档載载匯汇鍵键題题問问語语對对話话聯联網网絡络專专標标註注類类別别較较產产課课務务雙双體体";

const FOLD = new Map<string, string>();
for (let i = 0; i + 1 < TRADITIONAL.length; i += 2)
  FOLD.set(TRADITIONAL[i] as string, TRADITIONAL[i + 1] as string);

/**
 * `text` with the traditional characters of `TRADITIONAL` written as their simplified forms (same length). Text with
 * kana is Japanese, whose kanji (`学習`, `調整`) the Japanese phrases are written in: left as it is.
 */
export function foldTraditional(text: string): string {
  if (!/[\u3400-\u9fff]/.test(text) || /[\u3040-\u30ff]/.test(text)) return text;
  let out = "";
  for (const c of text) out += FOLD.get(c) ?? c;
  return out;
}
