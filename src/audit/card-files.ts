/**
 * Which files of an audited folder the audit reads as the model's own words: the card (`README.md` in any case,
 * else `MODEL_CARD.md`), other cards (a second README such as `README (model).txt`, a README in a subfolder) and
 * training scripts (`sft.sh`, `train.py`) where a base may be named only as `base_model="org/name"`, and the
 * LICENSE file next to the card. Discovery only: returns paths, reads no file.
 */
import { readdirSync, statSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { type CardSignals, readCard } from "./card-text.js";

export interface CardFiles {
  /** The card: the subject's own model card. */
  card?: string;
  /** Other files read for bases and prose (other cards first, then scripts), as paths. */
  others: string[];
  /** The LICENSE file next to the card (or at the folder's top), if any. */
  license?: string;
  /**
   * True when that file is named for the model (`MODEL_LICENSE`, `LICENSE-WEIGHTS.md`, `…_LICENSE_AGREEMENT.txt`):
   * the weights' licence even next to a project README, whose plain LICENSE is often the code's.
   */
  licenseIsModel?: boolean;
  /** A licence file for the training data (`DATA_LICENSE`), next to the card or at the folder's top. */
  dataLicense?: string;
}

const CARD_EXT = /\.(?:md|mdx|markdown)$/i;
/** A card by its name: README or MODEL_CARD, with any suffix (`README (model).txt`), Markdown, text or none. */
const CARD_STEM = /^(?:readme|model[_-]?card)\b/i;
const CARD_NAME_EXT = /\.(?:md|mdx|markdown|txt)$/i;
const isCardName = (name: string): boolean =>
  CARD_STEM.test(name) && (CARD_NAME_EXT.test(name) || !name.slice(1).includes("."));
const SCRIPT = /\.(?:sh|py)$/i;
const LICENSE_NAMES = ["LICENSE", "LICENSE.md", "LICENSE.txt", "LICENCE", "license"];
/** A licence file for the data: `DATA_LICENSE`, `DATA_LICENSE.md`, `LICENSE-DATA.txt`. */
const DATA_LICENSE_NAME = /^data[_-]licen[cs]e(?:\.(?:md|txt))?$|^licen[cs]e[_-]data(?:\.(?:md|txt))?$/i;
/** A licence file named for the model or its weights: `MODEL_LICENSE`, `LICENSE-MODEL`, `LICENSE-WEIGHTS.md`. */
const MODEL_LICENSE_NAME =
  /^(?:model|weights?)[_-]licen[cs]e(?:[_-]agreement)?(?:\.(?:md|txt))?$|^licen[cs]e[_-](?:model|weights?)(?:\.(?:md|txt))?$/i;
const SKIP_DIRS = new Set([".git", "node_modules", "__pycache__", ".venv", "venv"]);
/** Bounds on what a folder may make the audit read. */
const MAX_DEPTH = 3;
const MAX_FILES = 200;
/** Other cards and scripts read: at most this many, each at most this large (a larger one is not prose). */
const MAX_OTHERS = 20;
const MAX_OTHER_BYTES = 512 * 1024;

/** Files under `dir` (depth-first, sorted, bounded), as paths relative to it. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string, depth: number): void => {
    let names: string[];
    try {
      names = readdirSync(at).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (out.length >= MAX_FILES) return;
      const full = join(at, name);
      let isDir = false;
      try {
        const st = statSync(full);
        if (!st.isDirectory() && !st.isFile()) continue;
        isDir = st.isDirectory();
      } catch {
        continue;
      }
      if (isDir) {
        if (depth < MAX_DEPTH && !SKIP_DIRS.has(name)) walk(full, depth + 1);
      } else out.push(relative(dir, full));
    }
  };
  walk(dir, 0);
  return out;
}

const depthOf = (rel: string): number => rel.split(/[\\/]/).length - 1;

/** The card's rank among candidates (lower is better), or undefined when it is not the card. */
function cardRank(rel: string): number | undefined {
  const name = basename(rel);
  const top = depthOf(rel) === 0 ? 0 : 10;
  if (/^readme\.md$/i.test(name)) return top;
  if (/^model[_-]?card\.md$/i.test(name)) return top + 1;
  if (CARD_EXT.test(name) && isCardName(name)) return top + 2;
  return undefined;
}

/** The card, other cards and scripts, and the licence file of an audited path (a card file or a folder). */
export function cardFilesOf(path: string, isDirectory: boolean): CardFiles {
  if (!isDirectory) {
    if (!CARD_EXT.test(path)) return { others: [] };
    const license = licenseNear(dirname(path));
    return { card: path, others: [], ...(license ? { license } : {}) };
  }
  const files = listFiles(path);
  const ranked = files
    .map((rel) => ({ rel, rank: cardRank(rel) }))
    .filter((c): c is { rel: string; rank: number } => c.rank !== undefined)
    .sort((a, b) => a.rank - b.rank);
  const card = ranked[0]?.rel ?? loneMarkdown(files);
  const otherCards = files.filter((rel) => rel !== card && isCardName(basename(rel)));
  const scripts = files.filter((rel) => SCRIPT.test(rel));
  const dataLicense = files.find((rel) => depthOf(rel) === 0 && DATA_LICENSE_NAME.test(rel));
  const modelLicense = files.find((rel) => depthOf(rel) <= 1 && MODEL_LICENSE_NAME.test(basename(rel)));
  const license =
    modelLicense !== undefined
      ? join(path, modelLicense)
      : card !== undefined
        ? licenseNear(join(path, dirname(card)))
        : undefined;
  return {
    ...(card !== undefined ? { card: join(path, card) } : {}),
    others: [...otherCards, ...scripts]
      .map((rel) => join(path, rel))
      .filter((p) => sizeOf(p) <= MAX_OTHER_BYTES)
      .slice(0, MAX_OTHERS),
    ...(license ? { license } : {}),
    ...(modelLicense !== undefined ? { licenseIsModel: true } : {}),
    ...(dataLicense !== undefined ? { dataLicense: join(path, dataLicense) } : {}),
  };
}

/** A folder with no README or MODEL_CARD whose top holds exactly one Markdown file: that file is its card. */
function loneMarkdown(files: readonly string[]): string | undefined {
  const top = files.filter((rel) => depthOf(rel) === 0 && CARD_EXT.test(rel));
  return top.length === 1 ? top[0] : undefined;
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

function licenseNear(dir: string): string | undefined {
  for (const file of LICENSE_NAMES) {
    const candidate = join(dir, file);
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not there
    }
  }
  return undefined;
}

/** A file other than the card that the audit read, with its text. */
export interface OtherText {
  file: string;
  text: string;
}

/**
 * The card's signals with what the other files say: their bases (each quoted with its file), and their prose for
 * data and generated-data reading; licence lines only from other cards (a script's comments are not a licence).
 * The card's own front matter and title stay the subject's.
 */
export function withOtherTexts(card: CardSignals, others: readonly OtherText[]): CardSignals {
  if (others.length === 0) return card;
  const bases = [...card.bases];
  const seen = new Set(bases.map((b) => b.id.toLowerCase()));
  const licenseLines = [...card.licenseLines];
  const bodies = [card.body];
  for (const other of others) {
    const read = readCard(other.text);
    for (const b of read.bases)
      if (!seen.has(b.id.toLowerCase())) {
        seen.add(b.id.toLowerCase());
        bases.push({ id: b.id, where: `${b.where} (in ${other.file})` });
      }
    if (!SCRIPT.test(other.file)) licenseLines.push(...read.licenseLines);
    bodies.push(read.body);
  }
  return { ...card, bases, licenseLines, body: bodies.join("\n\n") };
}
