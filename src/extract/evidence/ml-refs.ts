/**
 * Reading the model or dataset written right beside a phrase: a Markdown link (a Hub link gives its id), a Hub
 * id (`org/name`), a file path (`data/train.jsonl`), or a name without an org (`Qwen 2.5 7B`, left as written).
 * Every read looks at a bounded window of the text, so a block of any size is read in linear time.
 */

import { hubRepo } from "../../model/hub-url.js";
import { trimEnd } from "../../model/trim.js";
import { modelPair } from "../mentions.js";

export interface Ref {
  value: string;
  kind: "hub" | "dataset" | "path" | "name";
  start: number;
  end: number;
}

const HUB_ID = /^[A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*$/;
const DATA_FILE = /\.(jsonl|json|csv|tsv|parquet|txt|arrow)$/i;
/** Characters skipped between a phrase and its value: spaces, emphasis, colons, quotes, brackets of CJK. */
const FILLER = new Set([..." \t*`_:：=\"'「」『』“”‘’《》【】(（"]);
/** Words skipped before a name (`Meta's`, `the`, `le modèle`). */
const FILLER_WORD =
  /^(?:the|a|an|le|la|les|l'|el|del|los|o|os|um|uma|do|da|dem|den|der|das|des|du|modèle|modelo|model|modell|модели|модель|\w+'s)$/i;
/** Words that end a name written without an org. */
const STOP_WORD =
  /^(?:model\w*|modelo\w*|modèle\w*|llm|basis\w*|version|datensatz|daten|and|und|et|y|e|und|with|mit|avec|con|com|for|für|pour|para|on|auf|sur|en|em|no|na|in|im|dans)$/i;
/** A stop word: one of `STOP_WORD`, or a word holding `modell` (`Basismodell`), tested without `\w*modell\w*`. */
const isStopWord = (word: string): boolean =>
  STOP_WORD.test(word) || (/modell/i.test(word) && /^\w+$/.test(word));
/** A token that can continue a name (`2.5`, `7B`, `Instruct`, `v0.1`). */
const NAME_PART = /^(?:\d[\w.]*|[A-Z][\w.-]*|v\d[\w.]*)$/;

function isNameChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const k = c.charCodeAt(0);
  return (
    (k >= 48 && k <= 57) ||
    (k >= 65 && k <= 90) ||
    (k >= 97 && k <= 122) ||
    k === 46 ||
    k === 95 ||
    k === 45 ||
    k === 47 ||
    k === 43
  );
}

/** A letter a filler word can start with (Latin or Cyrillic); CJK, Hangul and kana never start one. */
function wordLetter(c: string): boolean {
  const k = c.charCodeAt(0);
  return (
    (k >= 65 && k <= 90) || (k >= 97 && k <= 122) || (k >= 0xc0 && k <= 0x24f) || (k >= 0x400 && k <= 0x4ff)
  );
}

/** Spaces, punctuation and symbols skipped before a value (not letters, digits, brackets or CJK). */
function skippable(c: string): boolean {
  if (FILLER.has(c)) return true;
  const k = c.charCodeAt(0);
  if (k < 128)
    return !isNameChar(c) && c !== "[" && c !== "]" && c !== "(" && c !== ")" && !/[A-Za-z]/.test(c);
  return (
    !wordLetter(c) &&
    !(k >= 0x3040 && k <= 0x9fff) &&
    !(k >= 0xac00 && k <= 0xd7af) &&
    !(k >= 0xff00 && k <= 0xffef)
  );
}

/**
 * Accelerators named like models (`在 RTX-4090 上训练`, `A100 80GB`, `Apple M3 Ultra`): a name starting so is hardware.
 */
const HARDWARE =
  /^(?:rtx|gtx|tesla|nvidia|geforce|quadro|radeon|apple m\d|m[1-4](?:\s|-|$)|[ahlv]\d{2,3}\b|[ahl]\d{2,3}[- ]|t4\b|tpu)/i;

/** Does a name written without an org look like a model (`TinyLlama-1.1B`, `Qwen 2.5 7B`), not a size or a word? */
export function modelLike(name: string): boolean {
  if (name.length < 4 || name.length > 80) return false;
  if (HARDWARE.test(name)) return false;
  if (!/\d/.test(name) || !/[A-Za-z]{2}/.test(name)) return false;
  if (/^v?\d+(?:\.\d+)*[bBmMkK]?$/.test(name)) return false;
  return !/^(?:gpt-?[345](?:\.\d)?|gpt-?4o?|fp16|bf16|int[48]|[48]-?bit|\d+k)$/i.test(name);
}

/** `[text](url)` starting at `i` (the `[`), within bounded lengths. */
function linkAt(text: string, i: number): { label: string; url: string; end: number } | undefined {
  const window = text.slice(i, i + 500);
  const close = window.indexOf("](");
  if (close === -1 || close > 200) return undefined;
  const end = window.indexOf(")", close + 2);
  if (end === -1) return undefined;
  const url =
    window
      .slice(close + 2, end)
      .trim()
      .split(/\s+/)[0] ?? "";
  return { label: window.slice(1, close), url, end: i + end + 1 };
}

function fromLink(label: string, url: string, start: number, end: number): Ref | undefined {
  const hub = hubRepo(url);
  if (hub) return { value: hub.id, kind: hub.kind === "dataset" ? "dataset" : "hub", start, end };
  const clean = label.replace(/[*`]/g, "").trim();
  if (!/^https?:/.test(url) && DATA_FILE.test(url)) return { value: url, kind: "path", start, end };
  if (HUB_ID.test(clean)) return { value: clean, kind: "hub", start, end };
  if (modelLike(clean) && !/\s{2}/.test(clean)) return { value: clean, kind: "name", start, end };
  return undefined;
}

/** Characters that join a name run to a template or a longer token (`{a,b}`, `$VAR`, `R&M`). */
const TEMPLATE = new Set(["{", "}", "$", "&"]);

/** A token run of name characters from `i`, and the names that follow it (`Qwen 2.5 7B`). */
function tokensForward(text: string, i: number): { value: string; end: number } | undefined {
  let end = i;
  const limit = Math.min(text.length, i + 120);
  while (end < limit && isNameChar(text[end])) end++;
  // A name cut by a template (`data_proc/sft_{train,val}.jsonl`, `out_$RUN`) is no name: blind dev
  // g8-ne-zh-qwen25-7b-chinese-instruct-sft-then-dpo.
  if (end === i || TEMPLATE.has(text[end] ?? "")) return undefined;
  let value = text.slice(i, end);
  if (value.includes("/") || DATA_FILE.test(value)) return { value: trimEnd(value, ".,"), end };
  for (let parts = 1; parts < 5; parts++) {
    if (text[end] !== " ") break;
    let next = end + 1;
    while (next < limit && isNameChar(text[next])) next++;
    const word = trimEnd(text.slice(end + 1, next), ".,");
    if (!word || isStopWord(word) || !NAME_PART.test(word)) break;
    value += ` ${word}`;
    end = end + 1 + word.length;
  }
  return { value: trimEnd(value, ".,-"), end };
}

/**
 * Folders that hold models or data in a project (`models/Qwen2.5-1.5B-Instruct`, find_string 55630498482; `saves/…`,
 * `output/…`): a value under one is a local path, not a Hub id, however much it looks like `org/name`.
 */
const LOCAL_FOLDER =
  /^(?:models?|checkpoints?|ckpts?|outputs?|output_dir|saves?|weights|pretrained|pretrained_models|base_models?|hf_models|data|datasets?|results?|runs|exports?|merged|adapters?|lora)\//i;

function classify(value: string, start: number, end: number): Ref | undefined {
  if (/^https?:\/\//.test(value)) {
    const hub = hubRepo(value);
    return hub ? { value: hub.id, kind: hub.kind === "dataset" ? "dataset" : "hub", start, end } : undefined;
  }
  if (DATA_FILE.test(value) || LOCAL_FOLDER.test(value)) return { value, kind: "path", start, end };
  if (HUB_ID.test(value)) return modelPair(value) ? undefined : { value, kind: "hub", start, end };
  if (value.includes("/")) return undefined;
  return modelLike(value) ? { value, kind: "name", start, end } : undefined;
}

/** The end of a bracketed gloss of words at `i` (up to 30 characters, no link, path or id), or -1. */
function glossEnd(text: string, i: number): number {
  const inner = text.slice(i + 1, i + 32);
  const close = inner.search(/[)）]/);
  if (close < 1 || /[[\]/]/.test(inner.slice(0, close))) return -1;
  return i + close + 2;
}

/** The reference that starts right after `from` (fillers, two filler words and a few symbols skipped). */
export function refAfter(text: string, from: number): Ref | undefined {
  let i = from;
  const limit = Math.min(text.length, from + 40);
  let words = 0;
  while (i < limit) {
    const c = text[i] ?? "";
    // A short gloss in brackets between the phrase and the model (`versão ajustada (fine-tuned) do X`).
    const gloss = c === "(" || c === "（" ? glossEnd(text, i) : -1;
    if (gloss > 0) {
      i = gloss;
      continue;
    }
    if (skippable(c)) {
      i++;
      continue;
    }
    if (c === "[" || c === "h" || !wordLetter(c) || words >= 2) break;
    let j = i;
    while (j < limit && (wordLetter(text[j] ?? "0") || text[j] === "'")) j++;
    if (!FILLER_WORD.test(text.slice(i, j)) || text[j] !== " ") break;
    words++;
    i = j;
  }
  if (text[i] === "[") {
    const link = linkAt(text, i);
    return link ? fromLink(link.label, link.url, i, link.end) : undefined;
  }
  if (text.startsWith("http", i)) {
    let end = i;
    while (end < text.length && end - i < 300 && !/[\s)\]]/.test(text[end] ?? "")) end++;
    // The full stop or comma that ends the sentence is not part of the address.
    return classify(trimEnd(text.slice(i, end), ".,;:!?"), i, end);
  }
  const run = tokensForward(text, i);
  return run ? classify(run.value, i, run.end) : undefined;
}

/** The reference that ends right before `to` (spaces, emphasis, one particle and brackets skipped). */
export function refBefore(text: string, to: number): Ref | undefined {
  let i = to;
  const floor = Math.max(0, to - 12);
  while (i > floor && (FILLER.has(text[i - 1] ?? "") || /[를을의는은가이로]/.test(text[i - 1] ?? ""))) i--;
  if (text[i - 1] === ")") {
    const from = Math.max(0, i - 500);
    const window = text.slice(from, i);
    const open = window.lastIndexOf("](");
    const start = open === -1 ? -1 : window.lastIndexOf("[", open);
    if (start === -1) return undefined;
    const link = linkAt(text, from + start);
    return link ? fromLink(link.label, link.url, from + start, link.end) : undefined;
  }
  const end = i;
  const low = Math.max(0, end - 120);
  while (i > low && isNameChar(text[i - 1])) i--;
  if (i === end || TEMPLATE.has(text[i - 1] ?? "")) return undefined;
  let start = i;
  // A bare Hub address ends here (`https://huggingface.co/org/x をベースに`): its scheme is part of it.
  const scheme = /https?:$/.exec(text.slice(Math.max(0, start - 6), start));
  if (scheme) return classify(text.slice(start - scheme[0].length, end), start - scheme[0].length, end);
  // An `org/name` id is whole: the words before it are not part of it ("O org/x foi ajustado").
  const whole = text.slice(start, end).includes("/");
  for (let parts = 1; !whole && parts < 5 && text[start - 1] === " "; parts++) {
    let k = start - 1;
    while (k > low && isNameChar(text[k - 1])) k--;
    const word = text.slice(k, start - 1);
    if (!word || isStopWord(word) || !NAME_PART.test(word) || word.includes("/")) break;
    start = k;
  }
  return classify(trimEnd(text.slice(start, end), ".,-"), start, end);
}
