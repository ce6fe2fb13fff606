/**
 * Reading files and folders for extraction: which files of a folder to read, size and binary checks, symlink
 * loops and unreadable files. Every problem becomes a warning naming the path; the rest is still read.
 */
import { lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import { join, sep } from "node:path";
import { readBounded } from "../io/bounded-read.js";
import { firstInvalidUtf8 } from "../io/read-input.js";
import { UNKNOWN_MODEL_ID } from "../model/refs.js";
import type { LineageDocument } from "../schema/lineage.js";
import { extractFromFiles, extractGroups, type GroupedResult } from "./extract-from-files.js";
import { isModelfile } from "./modelfile-export.js";
import { isSettingsTextName } from "./python-files.js";
import { basename } from "./read-file.js";
import { isTrainingArgsBin, trainingArgsJson } from "./training-args-bin.js";
import type { ExtractOptions, ExtractResult, ExtractWarning, SourceFile } from "./types.js";

/** Files larger than this are not read at all (a card is a few kB; a 10 MB card is read in part). */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;
/** How deep a folder is searched. */
export const MAX_DEPTH = 3;

/**
 * File names read from a folder (recipes are recognised by content among the YAML files). Names may be in any
 * script (`2025-10-29_SO8T_日本語特化ファインチューニング完了レポート.md`). A JSON file other than the trainer's own is
 * read when its name says it holds training arguments (`qwen1.5-7b-dpo-qlora.json`, `sft.json`, `train_args.json`:
 * Firefly's `train_args/` layout; `trainer_args.json` and `finetune_args.json` beside an adapter, dev
 * n-int-sizifs-llama2-7b-lora-tuner-continued); other JSON in a folder (tokenizers, data) is not a config. A README may be plain text or `.markdown` (repositories
 * keep cards as `README.txt`: dev n-qnt-redhat-kimi-k26-nvfp4-llmcompressor).
 */
const FOLDER_FILES =
  /^(readme(?:\.(?:md|markdown|txt))?|model_card\.md|modelcard\.md|adapter_config\.json|config\.json|trainer_state\.json|training_args\.(json|ya?ml|bin)|all_results\.json|train_results\.json|generation_config\.json|[\p{L}\p{N}_.-]+\.(?:ya?ml|toml|sh|py|ipynb|mdx?))$/iu;
const TRAINING_JSON =
  /^(?:[\w.-]*[-_.])?(?:sft|dpo|orpo|kto|simpo|ppo|grpo|rm|qlora|lora|full|pretrain|finetune|train_args|train|(?:trainer|finetune|fine_tune|training|train)_(?:args|arguments|config))\.json$/i;
/**
 * A small JSON file whose name says nothing is still a project's training config when it sets a learning rate and
 * names a model (`verbalist_7b.json`: blind dev z2-rcp-verbalist-7b-config-mistral-openorca-ru-lora-8bit);
 * tokenizers and data files are larger or set neither.
 */
const SNIFF_BYTES = 64 * 1024;
/** Does a small JSON file's text set a learning rate and name a model? */
function looksLikeTrainingJson(text: string): boolean {
  return (
    text.includes('"learning_rate"') &&
    /"(?:model_name_or_path|base_model|model_name|pretrained_model_name_or_path|model_id)"\s*:\s*"/.test(text)
  );
}

const SKIP_DIRS = /^(\.git|node_modules|__pycache__|\.cache|wandb|runs|logs|global_step\d+)$/i;
const CHECKPOINT_DIR = /^checkpoint-(\d+)$/i;

/** Of a folder's `checkpoint-N` sub-folders, only the latest is read (it holds the run's last state). */
function latestCheckpoint(entries: string[]): string | undefined {
  let best: string | undefined;
  let n = -1;
  for (const e of entries) {
    const m = CHECKPOINT_DIR.exec(e);
    if (m && Number(m[1]) > n) {
      n = Number(m[1]);
      best = e;
    }
  }
  return best;
}

interface Collected {
  files: SourceFile[];
  warnings: ExtractWarning[];
  /** Files met while walking folders that are of no kind ftl reads (named in a warning when nothing was read). */
  skipped: string[];
}

function errorReason(error: unknown): { code: string; reason: string } {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return { code: "file.missing", reason: "no such file or folder" };
  if (code === "EACCES" || code === "EPERM") return { code: "file.unreadable", reason: "permission denied" };
  if (code === "ELOOP") return { code: "file.symlink-loop", reason: "a symbolic link loop" };
  return { code: "file.unreadable", reason: `cannot read (${code ?? String(error)})` };
}

/** A Trainer's `training_args.bin`, read as the JSON of its settings (training-args-bin.ts). */
function readTrainingArgsBin(path: string, out: Collected): void {
  const read = readBounded(path, { maxBytes: MAX_FILE_BYTES, allowStdin: false, what: "training_args.bin" });
  if (!read.ok) {
    out.warnings.push({ code: "file.unreadable", message: `${read.message}; file skipped`, file: path });
    return;
  }
  const rendered = trainingArgsJson(read.bytes);
  if (rendered.ok) out.files.push({ path, text: rendered.text });
  else
    out.warnings.push({
      code: "file.unreadable",
      message: `${path}: not a readable training_args.bin (${rendered.error}); file skipped`,
      file: path,
    });
}

/**
 * Reads one file into `out`. With `sniff`, the file is read only if it is a small regular file whose text passes
 * the test, and is otherwise left out without a warning (an unnamed JSON is usually a tokenizer or data file).
 */
function readOne(path: string, out: Collected, sniff?: (text: string) => boolean): void {
  if (isTrainingArgsBin(path)) {
    readTrainingArgsBin(path, out);
    return;
  }
  // Bounded while reading (a /dev/zero or an endless FIFO never fills memory) and regular files only.
  const read = readBounded(path, {
    maxBytes: sniff ? SNIFF_BYTES : MAX_FILE_BYTES,
    allowStdin: false,
    what: "card, config or recipe",
  });
  if (sniff && (!read.ok || read.bytes.indexOf(0) !== -1 || firstInvalidUtf8(read.bytes) !== -1)) return;
  if (sniff && read.ok && !sniff(read.bytes.toString("utf8"))) return;
  if (!read.ok) {
    const code =
      read.kind === "too-large"
        ? "file.too-large"
        : /no such file/.test(read.message)
          ? "file.missing"
          : "file.unreadable";
    out.warnings.push({ code, message: `${read.message}; file skipped`, file: path });
    return;
  }
  const bytes = read.bytes;
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    out.warnings.push({
      code: "file.binary",
      message: `${path}: binary data (a NUL byte at offset ${nul}); expected a text card or config; file skipped`,
      file: path,
    });
    return;
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad !== -1) {
    out.warnings.push({
      code: "file.encoding",
      message: `${path}: not valid UTF-8 (byte offset ${bad}); file skipped`,
      file: path,
    });
    return;
  }
  out.files.push({ path, text: bytes.toString("utf8") });
}

/** Is `path` (resolved) inside `root` (resolved)? */
function inside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
}

function walk(dir: string, depth: number, seen: Set<string>, out: Collected, root?: string): void {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch (error) {
    const { code, reason } = errorReason(error);
    out.warnings.push({ code, message: `${dir}: ${reason}; folder skipped`, file: dir });
    return;
  }
  if (seen.has(real)) {
    out.warnings.push({
      code: "file.symlink-loop",
      message: `${dir}: leads back to ${real}, already read (a symbolic link loop); skipped`,
      file: dir,
    });
    return;
  }
  // A folder import reads only inside the folder: a link that leads out of it is not followed.
  const top = root ?? real;
  if (!inside(top, real)) {
    out.warnings.push({
      code: "file.outside",
      message: `${dir}: a symbolic link to ${real}, outside ${top}; not followed`,
      file: dir,
    });
    return;
  }
  seen.add(real);
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch (error) {
    const { code, reason } = errorReason(error);
    out.warnings.push({ code, message: `${dir}: ${reason}; folder skipped`, file: dir });
    return;
  }
  const latest = latestCheckpoint(entries);
  // The same settings saved as JSON beside the pickle are read instead: one source, and the readable one.
  const argsJson = entries.some((e) => /^training_args\.(json|ya?ml)$/i.test(e));
  for (const name of entries) {
    if (CHECKPOINT_DIR.test(name) && name !== latest) continue;
    if (argsJson && isTrainingArgsBin(name)) continue;
    const path = join(dir, name);
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch (error) {
      const { code, reason } = errorReason(error);
      const link = (() => {
        try {
          return lstatSync(path).isSymbolicLink();
        } catch {
          return false;
        }
      })();
      out.warnings.push({
        code,
        message: `${path}: ${link && code === "file.missing" ? "a broken symbolic link" : reason}; skipped`,
        file: path,
      });
      continue;
    }
    if (isDir) {
      if (SKIP_DIRS.test(name) || name.startsWith(".")) continue;
      if (depth < MAX_DEPTH) walk(path, depth + 1, seen, out, top);
      continue;
    }
    const named =
      FOLDER_FILES.test(name) || TRAINING_JSON.test(name) || isSettingsTextName(name) || isModelfile(name);
    if (!named && !/\.json$/i.test(name)) {
      out.skipped.push(path);
      continue;
    }
    const target = realTarget(path);
    if (target !== undefined && !inside(top, target)) {
      // Another JSON (a tokenizer linked into a Hub cache's snapshot) is not a file the user meant: no warning.
      if (!named) continue;
      out.warnings.push({
        code: "file.outside",
        message: `${path}: a symbolic link to ${target}, outside ${top}; not read`,
        file: path,
      });
      continue;
    }
    readOne(path, out, named ? undefined : looksLikeTrainingJson);
  }
}

function realTarget(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/** Collects the readable files under the given paths (files are read whatever their name). */
export function collectFiles(paths: string[]): Collected {
  const out: Collected = { files: [], warnings: [], skipped: [] };
  const seen = new Set<string>();
  for (const path of paths) {
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch (error) {
      const { code, reason } = errorReason(error);
      out.warnings.push({ code, message: `${path}: ${reason}`, file: path });
      continue;
    }
    if (isDir) walk(path, 0, seen, out);
    else readOne(path, out);
  }
  if (out.files.length === 0 && out.skipped.length > 0) {
    const shown = out.skipped.slice(0, 5).map((p) => basename(p));
    const more = out.skipped.length > shown.length ? ` and ${out.skipped.length - shown.length} more` : "";
    out.warnings.push({
      code: "extract.no-input",
      message: `${paths.join(", ")}: no file of a kind ftl reads (a card, an output folder's files, a recipe, a script); skipped ${shown.join(", ")}${more}`,
    });
  }
  return out;
}

/** "no files given" says less than the walk's own warning naming the files it skipped: dropped when that is there. */
function withoutBareNoInput(warnings: ExtractWarning[], collected: Collected): ExtractWarning[] {
  if (!collected.warnings.some((w) => w.code === "extract.no-input")) return warnings;
  return warnings.filter((w) => !(w.code === "extract.no-input" && w.message === "no files given"));
}

/** Did extraction find anything at all: a step, a base, or a subject a file names? */
const foundAnything = (docs: readonly LineageDocument[]): boolean =>
  docs.some((d) => d.steps.length > 0 || d.bases.length > 0 || d.subject.id !== UNKNOWN_MODEL_ID);

function dropFolderNoise(
  warnings: ExtractWarning[],
  named: Set<string>,
  docs: readonly LineageDocument[],
): ExtractWarning[] {
  // Unrecognised YAML met while walking a folder is not worth a warning (the user did not name it), unless
  // nothing else was read: then the skipped files are the whole answer, and the user is told why each was.
  if (!foundAnything(docs)) return warnings;
  return warnings.filter(
    (w) =>
      !(
        w.code === "file.unrecognised" &&
        w.file !== undefined &&
        !named.has(w.file) &&
        /\.(ya?ml|sh)$/i.test(basename(w.file))
      ),
  );
}

/**
 * Reads files and folders and extracts one lineage document per group of connected files (one run, or steps
 * whose outputs and inputs link). Files given by name are always read; in folders, cards, trainer output files
 * and YAML recipes are read.
 */
export async function importGroups(paths: string[], options: ExtractOptions = {}): Promise<GroupedResult> {
  const collected = collectFiles(paths);
  const named = new Set(paths);
  const result = extractGroups(collected.files, options);
  const docs = result.documents.map((d) => d.document);
  const documents = result.documents.map((d) => ({
    ...d,
    warnings: dropFolderNoise(d.warnings, named, docs),
    complete: d.complete && collected.warnings.length === 0 && collected.files.length > 0,
  }));
  const rest = withoutBareNoInput(dropFolderNoise(result.warnings, named, docs), collected);
  return { documents, warnings: [...collected.warnings, ...rest] };
}

/**
 * Reads files and folders and extracts one lineage document from them (the first group when they describe
 * unrelated lineages, with an `extract.unrelated` warning).
 *
 * @example
 * const { document, warnings, complete } = await importFiles(["./output", "README.md"]);
 */
export async function importFiles(paths: string[], options: ExtractOptions = {}): Promise<ExtractResult> {
  const collected = collectFiles(paths);
  const named = new Set(paths);
  const result = extractFromFiles(collected.files, options);
  const rest = withoutBareNoInput(dropFolderNoise(result.warnings, named, [result.document]), collected);
  const all = [...collected.warnings, ...rest];
  const complete = result.complete && collected.warnings.length === 0 && collected.files.length > 0;
  return { document: result.document, warnings: all, complete };
}
