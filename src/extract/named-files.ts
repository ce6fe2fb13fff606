/**
 * Files a card names, and the two grouping rules that use them (called from `group-runs.ts`):
 *
 * - **A card and the files it names.** A card that names a given script, recipe or config by its file name
 *   (`python train.py`, `./run_dpo_training.sh`, `SFT/SFTTrainer.py`, `[config](configs/sft.yaml)`) says how its
 *   model was trained: the card and that file are one run, and the file's step is the card's step of the same
 *   kind. A card that names several such files joins each only when its step's objective is one the card states,
 *   no other named file has it, and it starts from a model the card names (an examples README naming recipes on
 *   other models joins none). A program the card names brings the one command file that runs it.
 * - **A stage's settings below the card that names its folder.** A file that names no model at all (a stage's
 *   hyperparameter table in `SFT/README.md`) joins the card in a folder above it when that card names the folder
 *   as a path (`SFT/…`) or in code (`` `SFT` ``); its steps then add to the card's step of the same objective.
 */
import { trimEnd } from "../model/trim.js";
import type { FileFacts } from "./facts.js";
import { sameModel } from "./merge-steps.js";
import { localHubLink } from "./normalise-refs.js";

/** What a file of this kind can be: a script, recipe or config a card could name. */
const FILE_EXT = /\.(?:py|sh|bash|ya?ml|json|toml|cfg|ipynb|md)$/i;
/** Splits text into path-like tokens; every class is one character, so the split is linear. */
const TOKEN_SPLIT = /[\s`'"()[\]{}<>,;|*=!?]+/;
const CODE_WORD = /`([\w.-]{1,100})\/?`/g;

/** Files (paths as written, without `./`) and folders a card names, lower case. */
export function mentionsIn(text: string): { files: string[]; folders: string[] } {
  const files = new Set<string>();
  const folders = new Set<string>();
  for (const raw of text.split(TOKEN_SPLIT)) {
    if (raw.length === 0 || raw.length > 300 || raw.includes("://") || raw.startsWith("www.")) continue;
    const token = trimEnd(raw.replace(/^(?:\.\/)+/, ""), ".:").toLowerCase();
    if (FILE_EXT.test(token)) files.add(token);
    const parts = token.split("/");
    for (const p of parts.slice(0, -1)) if (p !== "" && p !== "." && p !== "..") folders.add(p);
  }
  for (const m of text.matchAll(CODE_WORD)) folders.add((m[1] as string).toLowerCase());
  return { files: [...files], folders: [...folders] };
}

const folderOf = (path: string) => path.split(/[\\/]/).slice(0, -1).join("/");

const plainPath = (path: string) => path.replace(/\\/g, "/").toLowerCase();

/**
 * The files a card names, looked up by path: the path as written from the card's folder (`SFT/SFTTrainer.py`,
 * `./run_sft.sh`), or the file name in the card's own folder (`scripts/train.py` written as `train.py` beside it is
 * not looked for deeper: a lookup, not a search, so that a tree of thousands of cards joins in linear time).
 */
function namedBy(card: FileFacts, byPath: Map<string, number>): number[] {
  const folder = plainPath(folderOf(card.file));
  const at = (rel: string) => byPath.get(folder === "" ? rel : `${folder}/${rel}`);
  const found = new Set<number>();
  for (const m of card.mentions?.files ?? []) {
    if (m.includes("..")) continue;
    for (const i of [at(m), at(m.split("/").pop() as string)]) if (i !== undefined) found.add(i);
  }
  return [...found];
}

/** Does the file's run start from a model the card names (the same, or a local folder linked by name)? */
function startsFromCardModel(card: FileFacts, f: FileFacts): boolean {
  const mine = [
    ...card.bases.map((b) => b.value),
    ...card.steps.flatMap((s) => s.inputs.map((i) => i.value.id)),
    ...(card.subject ? [card.subject.value] : []),
  ];
  return f.steps.some((s) =>
    s.inputs.some((i) => mine.some((m) => sameModel(m, i.value.id) || localHubLink(m, i.value.id))),
  );
}

const objectiveOf = (f: FileFacts) => f.steps.find((s) => s.kind === "fine-tune")?.objective?.value;

/** Indexes built once per set of files, so that joining stays close to linear in the number of files. */
interface Index {
  byPath: Map<string, number>;
  runners: Map<string, number[]>;
}

function push(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}

const baseName = (path: string) => (path.split(/[\\/]/).pop() ?? path).toLowerCase();
const runnerKey = (folder: string, program: string) => `${folder.toLowerCase()}\u0000${baseName(program)}`;

function indexFiles(files: FileFacts[]): Index {
  const index: Index = { byPath: new Map(), runners: new Map() };
  files.forEach((f, i) => {
    index.byPath.set(plainPath(f.file), i);
    const names = new Set(f.steps.flatMap((s) => (s.script ? [s.script.name] : [])));
    for (const n of names) push(index.runners, runnerKey(folderOf(f.file), n), i);
  });
  return index;
}

/** The files each card names, joined by `join` under the rule "a card and the files it names". */
export function joinNamedFiles(
  files: FileFacts[],
  isCandidate: (f: FileFacts) => boolean,
  join: (a: number, b: number) => void,
): void {
  const index = indexFiles(files);
  files.forEach((card, c) => {
    if (card.kind !== "model-card" || !card.mentions || card.mentions.files.length === 0) return;
    // A program whose command file already took its step (`joinScriptsWithPrograms`) is named through that file.
    const named = namedBy(card, index.byPath).flatMap((i) => {
      const f = files[i] as FileFacts;
      if (i === c || f.kind === "model-card" || !isCandidate(f)) return [];
      return f.steps.length > 0 ? [i] : onlyRunner(files, index, i, c);
    });
    for (const i of [
      ...chosenOf(card, named, files),
      ...named.flatMap((i) => onlyRunner(files, index, i, c)),
    ]) {
      join(c, i);
      for (const s of (files[i] as FileFacts).steps) s.namedBy ??= card.file;
    }
  });
}

/** Does the file only derive a model from another (an adapter merge, a quantisation), training nothing? */
const derivesOnly = (f: FileFacts) =>
  f.steps.length > 0 && f.steps.every((s) => s.kind === "adapter-merge" || s.kind === "quantization");

/**
 * Of several named files: each that only derives from a model the card names (its merge script), and of the
 * others, those with an objective the card states, no other named file has, on a card model; or the one other.
 */
function chosenOf(card: FileFacts, named: number[], files: FileFacts[]): number[] {
  const derivations = named.filter((i) => {
    const f = files[i] as FileFacts;
    return derivesOnly(f) && startsFromCardModel(card, f);
  });
  const others = named.filter((i) => !derivesOnly(files[i] as FileFacts));
  return [...derivations, ...chosenTraining(card, others, files)];
}

function chosenTraining(card: FileFacts, named: number[], files: FileFacts[]): number[] {
  if (named.length <= 1) return named;
  const stated = new Set(card.steps.flatMap((s) => (s.objective ? [s.objective.value] : [])));
  const count = new Map<string, number>();
  for (const i of named) {
    const o = objectiveOf(files[i] as FileFacts);
    if (o) count.set(o, (count.get(o) ?? 0) + 1);
  }
  return named.filter((i) => {
    const f = files[i] as FileFacts;
    const o = objectiveOf(f);
    return o !== undefined && stated.has(o) && count.get(o) === 1 && startsFromCardModel(card, f);
  });
}

/**
 * The one command file (not the card) beside a program the card names that runs it (`train_qlora.sh` running
 * `python train_qlora.py`): one run with it. Two command files running one program are two runs: neither joins.
 */
function onlyRunner(files: FileFacts[], index: Index, program: number, card: number): number[] {
  const p = files[program] as FileFacts;
  if (p.kind !== "python-script") return [];
  const runners = (index.runners.get(runnerKey(folderOf(p.file), p.file)) ?? []).filter(
    (i) => i !== card && i !== program,
  );
  return runners.length === 1 ? runners : [];
}

/** Does the file name no model at all (only settings, a method, datasets)? */
function namesNoModel(f: FileFacts): boolean {
  return (
    f.steps.length > 0 &&
    !f.subject &&
    f.bases.length === 0 &&
    f.steps.every((s) => s.inputs.length === 0 && !s.output && !s.mergeBase)
  );
}

/** Model-less files joined to the nearest card above them that names their folder. */
export function joinStageSettings(files: FileFacts[], join: (a: number, b: number) => void): void {
  const cardsIn = new Map<string, number[]>();
  files.forEach((card, c) => {
    if (card.kind === "model-card" && card.steps.length > 0 && !namesNoModel(card) && card.mentions)
      push(cardsIn, folderOf(card.file).toLowerCase(), c);
  });
  if (cardsIn.size === 0) return;
  files.forEach((f, i) => {
    if (!namesNoModel(f)) return;
    const parts = folderOf(f.file).toLowerCase().split("/");
    // From the nearest folder above the file's own to the top: the first card that names the way down joins it.
    for (let up = parts.length - 1; up >= 0; up--) {
      const top = parts[up] as string;
      const card = (cardsIn.get(parts.slice(0, up).join("/")) ?? []).find(
        (c) => c !== i && (files[c]?.mentions?.folders ?? []).includes(top),
      );
      if (card === undefined) continue;
      join(card, i);
      for (const s of f.steps) s.namedBy ??= (files[card] as FileFacts).file;
      return;
    }
  });
}
