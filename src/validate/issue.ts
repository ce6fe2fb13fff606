import type { LineageClass, Severity } from "../model/vocabulary.js";

/** One finding about a document: a stable code, where it is, and what a person should know. */
export interface ValidationIssue {
  /** Stable, dotted code, e.g. `schema.invalid-type`, `graph.cycle`, `missing.datasets`. */
  code: string;
  /** Path inside the document, e.g. `steps[1].hyperparameters.learningRate`; empty for the whole document. */
  path: string;
  message: string;
  severity: Severity;
}

/** The result of validating one document. */
export interface ValidationReport {
  /** False when the document breaks the schema or the graph rules. */
  valid: boolean;
  class: LineageClass;
  /** Completeness from 0 to 100 (see the README's rubric). */
  score: number;
  issues: ValidationIssue[];
}

/** Formats a path from segments: `["steps", 1, "id"]` → `steps[1].id`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (typeof segment === "string" && /^[A-Za-z_$][\w$-]*$/.test(segment))
      out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

export function issue(severity: Severity, code: string, path: string, message: string): ValidationIssue {
  return { code, path, message, severity };
}
