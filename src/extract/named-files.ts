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

/** `path` relative to `folder` when it lies within it ("" is the top), else undefined; lower case. */
function within(folder: string, path: string): string | undefined {
  const p = path.replace(/\\/g, "/").toLowerCase();
  const f = folder.replace(/\\/g, "/").toLowerCase();
  if (f === "") return p;
  return p.startsWith(`${f}/`) ? p.slice(f.length + 1) : undefined;
}

/** Does the card name this file: its path from the card's folder, or its file name for a file beside or below it? */
function names(card: FileFacts, file: FileFacts): boolean {
  const rel = within(folderOf(card.file), file.file);
  if (rel === undefined) return false;
  const name = rel.split("/").pop() as string;
  return (card.mentions?.files ?? []).some(
    (m) => m === rel || rel.endsWith(`/${m}`) || (m.split("/").pop() === name && !m.includes("..")),
  );
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

/** The files each card names, joined by `join` under the rule "a card and the files it names". */
export function joinNamedFiles(
  files: FileFacts[],
  isCandidate: (f: FileFacts) => boolean,
  join: (a: number, b: number) => void,
): void {
  files.forEach((card, c) => {
    if (card.kind !== "model-card" || !card.mentions || card.mentions.files.length === 0) return;
    // A program whose command file already took its step (`joinScriptsWithPrograms`) is named through that file.
    const named = files.flatMap((f, i) =>
      i === c || f.kind === "model-card" || !isCandidate(f) || !names(card, f)
        ? []
        : f.steps.length > 0
          ? [i]
          : onlyRunner(files, i, c),
    );
    let chosen = named;
    if (named.length > 1) {
      const stated = new Set(card.steps.flatMap((s) => (s.objective ? [s.objective.value] : [])));
      const count = new Map<string, number>();
      for (const i of named) {
        const o = objectiveOf(files[i] as FileFacts);
        if (o) count.set(o, (count.get(o) ?? 0) + 1);
      }
      chosen = named.filter((i) => {
        const f = files[i] as FileFacts;
        const o = objectiveOf(f);
        return o !== undefined && stated.has(o) && count.get(o) === 1 && startsFromCardModel(card, f);
      });
    }
    for (const i of [...chosen, ...chosen.flatMap((i) => onlyRunner(files, i, c))]) {
      join(c, i);
      for (const s of (files[i] as FileFacts).steps) s.namedBy ??= card.file;
    }
  });
}

const baseName = (path: string) => (path.split(/[\\/]/).pop() ?? path).toLowerCase();

/**
 * The one command file (not the card) beside a program the card names that runs it (`train_qlora.sh` running
 * `python train_qlora.py`): one run with it. Two command files running one program are two runs: neither joins.
 */
function onlyRunner(files: FileFacts[], program: number, card: number): number[] {
  const p = files[program] as FileFacts;
  if (p.kind !== "python-script") return [];
  const runners = files.flatMap((f, i) =>
    i !== card &&
    i !== program &&
    folderOf(f.file) === folderOf(p.file) &&
    f.steps.some((s) => s.script && baseName(s.script.name) === baseName(p.file))
      ? [i]
      : [],
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
  files.forEach((f, i) => {
    if (!namesNoModel(f)) return;
    let best: { card: number; depth: number } | undefined;
    files.forEach((card, c) => {
      if (c === i || card.kind !== "model-card" || card.steps.length === 0 || namesNoModel(card)) return;
      const rel = within(folderOf(card.file), folderOf(f.file));
      const top = rel?.split("/")[0];
      if (!rel || !top || !(card.mentions?.folders ?? []).includes(top)) return;
      const depth = rel.split("/").length;
      if (!best || depth < best.depth) best = { card: c, depth };
    });
    if (!best) return;
    join(best.card, i);
    for (const s of f.steps) s.namedBy ??= (files[best.card] as FileFacts).file;
  });
}
