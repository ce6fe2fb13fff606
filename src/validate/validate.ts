import { type LineageDocument, LineageDocumentSchema } from "../schema/lineage.js";
import { classify } from "./classify.js";
import { graphIssues } from "./graph-rules.js";
import { issue, type ValidationIssue, type ValidationReport } from "./issue.js";
import { schemaIssues } from "./schema-issues.js";
import { valueIssues } from "./value-checks.js";

/** Schema check only: the typed document, or the issues that stop it from being one. */
export function parseLineage(
  value: unknown,
): { success: true; data: LineageDocument } | { success: false; issues: ValidationIssue[] } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    const got = Array.isArray(value) ? "a list" : value === null ? "null" : typeof value;
    return {
      success: false,
      issues: [
        issue(
          "error",
          "schema.invalid-type",
          "",
          `(document): expected an object at the top level, got ${got}`,
        ),
      ],
    };
  }
  const structural = valueIssues(value);
  if (structural.length > 0) return { success: false, issues: structural };
  const format = (value as Record<string, unknown>).format;
  if (typeof format === "string" && format !== "ftl/v1" && /^ftl\/v\d+$/.test(format)) {
    return {
      success: false,
      issues: [
        issue(
          "error",
          "schema.unsupported-format",
          "format",
          `format: "${format}" is not supported by this version of ftl, which reads "ftl/v1"`,
        ),
      ],
    };
  }
  const result = LineageDocumentSchema.safeParse(value, { reportInput: true });
  if (result.success) return { success: true, data: result.data };
  return { success: false, issues: schemaIssues(result.error.issues) };
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * Validates a parsed JSON/YAML value in order: schema, graph rules, classification. Every problem is
 * reported, not just the first; it never throws on any input.
 *
 * @example
 * const report = validateLineage(JSON.parse(text));
 * if (!report.valid) console.error(report.issues);
 */
export function validateLineage(value: unknown): ValidationReport & { document?: LineageDocument } {
  const parsed = parseLineage(value);
  if (!parsed.success) return { valid: false, class: "not-lineage", score: 0, issues: parsed.issues };
  const doc = parsed.data;
  const graph = graphIssues(doc);
  const classification = classify(doc);
  const issues = [...graph, ...classification.issues].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
  return {
    valid: !graph.some((i) => i.severity === "error"),
    class: classification.class,
    score: classification.score,
    issues,
    document: doc,
  };
}
