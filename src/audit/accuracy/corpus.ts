/**
 * The labelled licence-situation corpus (`test/fixtures/audit-corpus/<set>/<item>/`, guide in its LABELING.md):
 * each item's files audited as `ftl audit <item>/files --json` would, scored against the verdict and the errors a
 * reviewer expected. Used by the audit accuracy test; never by the audit itself.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { CORPUS_ROOT, digests, seenList } from "../../extract/accuracy/corpus.js";

export const AUDIT_CORPUS = join(import.meta.dirname, "../../../test/fixtures/audit-corpus");

export const VERDICT_LEVELS = ["allowed", "allowed-with-warnings", "not-allowed", "unclear"] as const;

const LabelSchema = z.object({
  item: z.string(),
  set: z.enum(["dev", "sealed"]),
  situation: z.string(),
  expected_verdict: z.enum(VERDICT_LEVELS),
  expected_errors: z.array(z.object({ kind: z.string() }).loose()).default([]),
});
export type AuditLabel = z.infer<typeof LabelSchema>;

export interface AuditItem {
  dir: string;
  label: AuditLabel;
  /**
   * A rule writer could read files of its source, so it is not sealed evidence: listed in `seen.json`, or a file of it
   * is byte-identical to one of the extraction corpus's dev set (read while writing rules).
   */
  seen: boolean;
}

/** The items listed in the corpus's `seen.json` (none when there is no such file), as the extraction corpus reads its own. */
export function auditSeenList(root = AUDIT_CORPUS): Map<string, string> {
  return seenList(root);
}

export function loadAuditItems(set: "dev" | "sealed"): AuditItem[] {
  const dir = join(AUDIT_CORPUS, set);
  if (!existsSync(dir)) return [];
  const seen = auditSeenList();
  const readable = set === "sealed" ? new Set(digests(join(CORPUS_ROOT, "dev"))) : new Set<string>();
  const overlaps = (item: string) => digests(join(dir, item, "files")).some((d) => readable.has(d));
  return readdirSync(dir)
    .sort()
    .filter((n) => existsSync(join(dir, n, "label.json")))
    .map((n) => {
      const path = join(dir, n, "label.json");
      const parsed = LabelSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
      if (!parsed.success) throw new Error(`${path}: ${parsed.error.message}`);
      return { dir: join(dir, n), label: parsed.data, seen: seen.has(n) || overlaps(n) };
    });
}

/**
 * What counts as ftl raising one of the corpus's errors. The corpus's errors are its closed list of kinds
 * (LABELING.md, "Error kinds"): a broken obligation, but also terms a reviewer must act on that ftl reports as
 * warnings on purpose (non-commercial or share-alike data, provider output terms, an ancestor whose licence or
 * identity cannot be read). So a finding counts when its code maps to a kind and its severity is at least the
 * one at which ftl means that kind:
 * - notes (`info`) never count: they record obligations carried, licences inferred, a licensor's own relicensing;
 * - `undeclared-license` counts only as an `error`. ftl raises it as an error exactly when what the subject
 *   inherits must be passed on, and as a warning over a chain without such terms (Apache-2.0, MIT), which the
 *   guide calls "a note, not this error"; counting the warning scored a note as a raised error;
 * - every other mapped code counts as a `warning` or an `error`.
 */
export type Severity = "error" | "warning" | "info";

const ERROR_FROM: Record<string, Severity> = { "undeclared-license": "error" };
const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** The corpus error kind a finding raises, or undefined (a note, or a code no kind maps to). */
export function raisedKind(finding: {
  code: string;
  severity: Severity;
  ancestor?: { kind: "model" | "dataset" };
}): string | undefined {
  const from = ERROR_FROM[finding.code] ?? "warning";
  if (RANK[finding.severity] < RANK[from]) return undefined;
  return errorKind(finding.code, finding.ancestor?.kind);
}

/** ftl's finding codes, as the corpus's error kinds (a finding about a dataset or a model, where that matters). */
export function errorKind(code: string, about: "model" | "dataset" | undefined): string | undefined {
  switch (code) {
    case "non-commercial":
      return about === "dataset" ? "non-commercial-data" : "non-commercial-ancestor";
    case "license-conflict":
      return "relicensed-more-permissive";
    case "no-derivatives":
      return "no-derivatives";
    case "share-alike":
      return "share-alike";
    case "naming-rule":
      return "naming-attribution";
    case "output-terms":
      return "generated-data-terms";
    case "license-contradiction":
      return "two-licences";
    case "unknown-license":
      // About a model ancestor only: the subject's own unknown licence (no ancestor) is not an ancestor's.
      return about === "model" ? "unknown-ancestor-licence" : undefined;
    case "unread-chain":
    case "unresolved-reference":
      return "unresolved-base";
    case "improve-other-models":
      return "improve-other-models";
    case "undeclared-license":
      return "undeclared-licence";
    default:
      return undefined;
  }
}
