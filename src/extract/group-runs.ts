/**
 * Which files belong to one lineage. Files are joined only when they connect: one step's output is another's
 * input (same Hub id or local path), or they are the files of one run (a folder's card, adapter_config,
 * trainer_state and training args, `checkpoint-N` sub-folders included), or a card names them (its training
 * script by file name, a stage's folder: `named-files.ts`). The order the files were given in never creates an
 * edge.
 */
import { posix } from "node:path";
import { trimEnd } from "../model/trim.js";
import type { FileFacts } from "./facts.js";
import { sameModel } from "./merge-steps.js";
import { joinNamedFiles, joinStageSettings } from "./named-files.js";
import { localHubLink } from "./normalise-refs.js";

/** Kinds a trainer writes next to the weights: in one folder they describe one run. */
const RUN_KINDS = new Set([
  "model-card",
  "adapter-config",
  "model-config",
  "trainer-state",
  "training-args",
  "results",
  "generation-config",
  "training-summary",
]);

/** The folder a file's run lives in: `x/checkpoint-500/trainer_state.json` belongs to `x`. */
export function runFolder(path: string): string {
  const parts = path.split(/[\\/]/);
  parts.pop();
  while (parts.length > 0 && /^(checkpoint|global_step|epoch)[-_]?\d+$/i.test(parts[parts.length - 1] ?? ""))
    parts.pop();
  return parts.join("/");
}

const isRunFile = (f: FileFacts) => RUN_KINDS.has(f.kind) || f.steps.some((s) => s.finalRun);

function outputsOf(f: FileFacts): string[] {
  return [
    ...f.steps.flatMap((s) => (s.output ? [s.output.value] : [])),
    ...(f.subject ? [f.subject.value] : []),
  ];
}

function inputsOf(f: FileFacts): string[] {
  return [
    ...f.steps.flatMap((s) => [
      ...s.inputs.map((i) => i.value.id),
      ...(s.mergeBase ? [s.mergeBase.value] : []),
    ]),
    ...f.bases.map((b) => b.value),
  ];
}

class UnionFind {
  private parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r] as number;
    while (this.parent[i] !== r) {
      const next = this.parent[i] as number;
      this.parent[i] = r;
      i = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    const x = this.find(a);
    const y = this.find(b);
    if (x !== y) this.parent[Math.max(x, y)] = Math.min(x, y);
  }
}

/** Joins the files of one run folder. */
function joinRunFolders(files: FileFacts[], uf: UnionFind): void {
  const byFolder = new Map<string, number>();
  files.forEach((f, i) => {
    if (!isRunFile(f)) return;
    const key = runFolder(f.file);
    const first = byFolder.get(key);
    if (first === undefined) byFolder.set(key, i);
    else uf.union(first, i);
  });
}

/** The last path segment of a reference, lower case: `sameModel` never matches ids whose last segments differ. */
function modelKey(id: string): string {
  return trimEnd(id.replace(/^local:/, "").toLowerCase(), "\\/")
    .split(/[\\/]/)
    .pop() as string;
}

/** Joins files where one's output (or named subject) is another's input or output; linear with an index. */
function joinByModels(files: FileFacts[], uf: UnionFind): void {
  const byKey = new Map<string, { file: number; id: string }[]>();
  files.forEach((f, i) => {
    for (const id of [...outputsOf(f), ...inputsOf(f)]) {
      const key = modelKey(id);
      const list = byKey.get(key) ?? [];
      list.push({ file: i, id });
      byKey.set(key, list);
    }
  });
  files.forEach((f, a) => {
    for (const o of outputsOf(f))
      for (const other of byKey.get(modelKey(o)) ?? [])
        if (other.file !== a && sameModel(o, other.id)) uf.union(a, other.file);
  });
}

/**
 * A card and the one recipe beside it that starts from the same base are one run (a Hub repository keeps its
 * training config next to its card); a local folder linked to the card's Hub base by `localHubLink` (the same or
 * a shortened name) counts as the same base. So are the files a trainer wrote (adapter_config.json,
 * trainer_state.json) and the one script beside them that loads the same base (dev s3-fld-tinyllama-summarize-qlora:
 * train.py beside the adapter it wrote, copied up from its output folder). A card that states a step but names no
 * model at all describes the one recipe beside it (its step is the card's step). Several such recipes (an
 * examples folder) join nothing.
 */
function joinCardWithItsRecipe(files: FileFacts[], uf: UnionFind): void {
  const inFolder = new Map<string, number[]>();
  files.forEach((f, i) => {
    if (isRunFile(f)) return;
    const folder = runFolder(f.file);
    const list = inFolder.get(folder);
    if (list) list.push(i);
    else inFolder.set(folder, [i]);
  });
  files.forEach((card, c) => {
    if (!isRunFile(card)) return;
    const bases = inputsOf(card);
    // A card that states a step but names no model at all describes the one recipe beside it, if there is one.
    const namesNone =
      card.kind === "model-card" &&
      card.steps.length > 0 &&
      bases.length === 0 &&
      outputsOf(card).length === 0;
    if (bases.length === 0 && !namesNone) return;
    const matches = (inFolder.get(runFolder(card.file)) ?? []).filter((i) => {
      const f = files[i] as FileFacts;
      if (f === card || f.steps.length === 0) return false;
      return namesNone || inputsOf(f).some((x) => bases.some((b) => sameModel(x, b) || localHubLink(x, b)));
    });
    const only = matches.length === 1 ? matches[0] : undefined;
    if (only === undefined) return;
    uf.union(c, only);
    if (namesNone) for (const s of (files[only] as FileFacts).steps) s.namedBy ??= card.file;
  });
}

/** The folder holding a folder: `a/lora_adapter` → `a`; the top folder has none. */
function parentFolder(folder: string): string | undefined {
  const at = folder.lastIndexOf("/");
  return folder === "" ? undefined : at === -1 ? "" : folder.slice(0, at);
}

/** A quantised re-upload's name suffix (`-bnb-4bit`, `-unsloth-bnb-4bit`, `-GPTQ-Int4`, `-AWQ`, `-4bit`). */
const QUANT_SUFFIX = /[-_](?:unsloth[-_])?bnb[-_]4bit$|[-_](?:gptq|awq)(?:[-_]int[48])?$|[-_]4bit$/i;

/**
 * Is `copy` a quantised re-upload of `model` by its name: the same model name once the organisation and a quantised
 * upload's suffix are left out (`unsloth/qwen2.5-7b-instruct-bnb-4bit` of `Qwen/Qwen2.5-7B-Instruct`, dev
 * t7-ic-unsloth-qwen25-7b-bnb4-qlora-vi-absa-adapter: the README names the model, the adapter the 4-bit copy it
 * loaded).
 */
function quantisedCopyOf(copy: string, model: string): boolean {
  const name = (id: string) => (id.split("/").pop() ?? id).toLowerCase();
  const c = name(copy);
  return QUANT_SUFFIX.test(c) && c.replace(QUANT_SUFFIX, "") === name(model);
}

/**
 * A card and the one adapter in a folder right beneath it that starts from the same base are one run (a project
 * keeps its trained adapter in a sub-folder: dev k-ne-ko-gemma2-2b-kullm-lora, README.md and
 * lora_adapter/adapter_config.json on google/gemma-2-2b-it). Several such adapters join nothing.
 */
function joinCardWithSubAdapter(files: FileFacts[], uf: UnionFind): void {
  // Adapters indexed by the folder above their run folder: each card looks up its own folder once.
  const below = new Map<string, number[]>();
  files.forEach((f, i) => {
    if (f.kind !== "adapter-config") return;
    const up = parentFolder(runFolder(f.file));
    if (up === undefined) return;
    const list = below.get(up);
    if (list) list.push(i);
    else below.set(up, [i]);
  });
  if (below.size === 0) return;
  files.forEach((card, c) => {
    if (card.kind !== "model-card") return;
    const bases = inputsOf(card);
    const matches = (below.get(runFolder(card.file)) ?? []).filter((i) =>
      inputsOf(files[i] as FileFacts).some((x) =>
        bases.some((b) => sameModel(x, b) || quantisedCopyOf(x, b)),
      ),
    );
    if (matches.length === 1 && matches[0] !== undefined) uf.union(c, matches[0]);
  });
}

/** A relative local reference resolved against the folder of the file that wrote it (`./output/x` → `cfg/output/x`). */
function resolveLocal(id: string, from: string): string | undefined {
  if (!id.startsWith("local:")) return undefined;
  const path = id.slice("local:".length).replace(/\\/g, "/");
  if (path.startsWith("/") || /^[A-Za-z]:/.test(path) || path.startsWith("~")) return undefined;
  return trimEnd(posix.normalize(posix.join(runFolder(from.replace(/\\/g, "/")), path)), "/");
}

/**
 * A recipe and the output folder it names are one run: LLaMA-Factory's `output_dir: ./output/qwen3_sft` beside
 * `output/qwen3_sft/` holding the adapter, trainer_state and card the trainer wrote there (dev
 * t3-fld-lf-qwen3-06b-qlora-sft-underwater). The path is read relative to the recipe's own folder; an absolute path
 * joins nothing.
 */
function joinRecipeWithItsOutputFolder(files: FileFacts[], uf: UnionFind): void {
  const byFolder = new Map<string, number>();
  files.forEach((f, i) => {
    if (isRunFile(f)) byFolder.set(runFolder(f.file.replace(/\\/g, "/")), i);
  });
  if (byFolder.size === 0) return;
  files.forEach((f, i) => {
    if (isRunFile(f)) return;
    for (const s of f.steps) {
      const folder = s.output ? resolveLocal(s.output.value, f.file) : undefined;
      const run = folder === undefined ? undefined : byFolder.get(folder);
      if (run !== undefined) uf.union(i, run);
    }
  });
}

/** Groups of connected files, each in the order given; groups ordered by their first file. */
export function groupRuns(files: FileFacts[]): FileFacts[][] {
  // One file is one group: joining can only join files to one another (the common case, `ftl import README.md`).
  if (files.length === 1) return [[...files]];
  const uf = new UnionFind(files.length);
  joinRunFolders(files, uf);
  joinByModels(files, uf);
  joinCardWithItsRecipe(files, uf);
  joinCardWithSubAdapter(files, uf);
  joinRecipeWithItsOutputFolder(files, uf);
  const join = (a: number, b: number) => uf.union(a, b);
  joinNamedFiles(files, (f) => !isRunFile(f), join);
  joinStageSettings(files, join);
  const groups = new Map<number, FileFacts[]>();
  files.forEach((f, i) => {
    const root = uf.find(i);
    const group = groups.get(root);
    if (group) group.push(f);
    else groups.set(root, [f]);
  });
  return [...groups.values()];
}
