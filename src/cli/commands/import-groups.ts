/**
 * `ftl import` over local paths that may hold several unrelated lineages: without `--split` that is an error
 * naming each group; with `--split` each group is its own document (`--out-dir` writes one file per subject).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { GroupedResult } from "../../extract/extract-from-files.js";
import type { ExtractResult } from "../../extract/types.js";
import { serializeDocument, writeFileAtomic } from "../../io/write-document.js";
import { CliError, EXIT, type ExitCode } from "../command.js";

/** One line per group: its subject and the files it was read from. */
export function describeGroups(grouped: GroupedResult): string {
  return grouped.documents
    .map((d, i) => {
      const files = [...new Set((d.document.provenance?.file ?? "").split(", ").filter(Boolean))];
      return `  (${i + 1}) subject ${d.document.subject.id}: ${files.join(", ") || "(no file)"}`;
    })
    .join("\n");
}

/** The error for paths that resolve to several unrelated runs, for commands that take one document. */
export function unrelatedError(paths: string[], grouped: GroupedResult, hint: string): CliError {
  return new CliError(
    `${paths.join(", ")}: the files describe ${grouped.documents.length} unrelated lineages (no step's output is another's input, and they are not one run's files):\n${describeGroups(grouped)}\n${hint}`,
    EXIT.invalid,
  );
}

/** A file name for a subject: `org/name` → `org--name.lineage.json`; unknown subjects are numbered. */
export function fileNameFor(result: ExtractResult, index: number, used: Set<string>): string {
  const id = result.document.subject.id;
  const stem =
    id === "unknown" ? `lineage-${index + 1}` : id.replace(/^local:/, "local-").replace(/[^\w.-]+/g, "--");
  let name = `${stem}.lineage.json`;
  for (let n = 2; used.has(name); n++) name = `${stem}-${n}.lineage.json`;
  used.add(name);
  return name;
}

/** Writes one file per group into `dir`; returns the paths written. */
export function writeGroups(dir: string, grouped: GroupedResult): string[] {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new CliError(
      `${dir}: cannot create the folder (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  const used = new Set<string>();
  return grouped.documents.map((d, i) => {
    const path = join(dir, fileNameFor(d, i, used));
    try {
      writeFileAtomic(path, serializeDocument(d.document, path));
    } catch (error) {
      throw new CliError(`${path}: cannot write (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    return path;
  });
}

/** The exit code of several documents: the most serious of theirs (1 invalid, 5, 4, 3, then 0). */
export function worstExit(codes: ExitCode[]): ExitCode {
  const order: ExitCode[] = [EXIT.invalid, EXIT.incomplete, EXIT.notLineage, EXIT.partial, EXIT.ok];
  return order.find((c) => codes.includes(c)) ?? EXIT.ok;
}
