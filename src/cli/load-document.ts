/** Loading and validating a document file for a command, with errors mapped to exit codes. */
import { type ReadResult, readInput } from "../io/read-input.js";
import type { LineageDocument } from "../schema/lineage.js";
import type { ValidationReport } from "../validate/issue.js";
import { validateLineage } from "../validate/validate.js";
import { CliError, EXIT, type ExitCode } from "./command.js";

export type LoadedReport = ValidationReport & { document?: LineageDocument };

/** Reads and validates a file; usage problems (missing, unreadable) throw a `CliError`. */
export function loadReport(path: string): LoadedReport {
  return reportOfRead(readInput(path));
}

/** The report for what `readInput` read: a usage problem throws a `CliError`, unreadable content is invalid. */
export function reportOfRead(read: ReadResult): LoadedReport {
  if (!read.ok) {
    if (read.kind === "usage") throw new CliError(read.message, EXIT.usage);
    return { valid: false, class: "not-lineage", score: 0, issues: read.issues };
  }
  return reportOfValue(read.value);
}

/** Validates a parsed value as a document; the document is kept only when valid. */
export function reportOfValue(value: unknown): LoadedReport {
  const { document, ...rest } = validateLineage(value);
  return document === undefined ? rest : { ...rest, document };
}

/** Reads a file that must be a valid document (for commands that change or render it). */
export function loadValidDocument(
  path: string,
  options: { allow?: readonly string[] } = {},
): { document: LineageDocument; report: LoadedReport } {
  const report = loadReport(path);
  const errors = report.issues.filter((i) => i.severity === "error" && !options.allow?.includes(i.code));
  if (errors.length > 0 || report.document === undefined) {
    const first = errors.slice(0, 5);
    throw new CliError(
      `${path}: not a valid ftl/v1 document\n${first.map((i) => `  ✗ ${i.message}`).join("\n")}`,
      EXIT.invalid,
    );
  }
  return { document: report.document, report };
}

/** The exit code a report stands for: 1 invalid, 0 lineage, 3 partial, 4 not-lineage. */
export function exitCodeFor(report: ValidationReport): ExitCode {
  if (!report.valid) return EXIT.invalid;
  return report.class === "lineage" ? EXIT.ok : report.class === "partial" ? EXIT.partial : EXIT.notLineage;
}
