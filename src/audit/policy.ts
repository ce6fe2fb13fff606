/**
 * Policies as code: a small YAML file that says which findings a release may not have and what it must
 * have, so `ftl audit --policy` can gate a CI job. Parsing returns problems as data.
 *
 *     deny: [non-commercial, unknown-license, license-conflict]
 *     require: [complete-lineage, declared-license]
 *     licenses: { allow: [apache-2.0, mit] }   # optional: every licence in the chain must be listed
 *     fail-on: error                             # error (default) | warning | never
 */
import { z } from "zod";
import { type AuditReport, FINDING_CODES, type FindingCode } from "./report.js";
import { parseYamlConfig } from "./yaml-config.js";

/** Things a policy can require of the audited model. */
export const REQUIREMENTS = [
  "complete-lineage",
  "declared-license",
  "known-licenses",
  "dataset-licenses",
  "commercial-use",
] as const;
export type Requirement = (typeof REQUIREMENTS)[number];

export const REQUIREMENT_LABELS = {
  "complete-lineage":
    "the document is a complete lineage: every step resolved, training data named, nothing missed by the import",
  "declared-license": "the subject declares a licence",
  "known-licenses": "every licence in the chain is known to the knowledge base",
  "dataset-licenses": "every dataset has a known licence",
  "commercial-use": "the verdict is: commercial use allowed",
} as const satisfies Record<Requirement, string>;

/** What `fail-on` accepts: the lowest severity that fails the audit by itself. */
export const FAIL_ON = ["error", "warning", "never"] as const;

export const PolicySchema = z.strictObject({
  deny: z.array(z.enum(FINDING_CODES)).optional(),
  require: z.array(z.enum(REQUIREMENTS)).optional(),
  licenses: z
    .strictObject({
      allow: z.array(z.string().min(1)).optional(),
      deny: z.array(z.string().min(1)).optional(),
    })
    .optional(),
  "fail-on": z.enum(FAIL_ON).optional(),
});
export type Policy = z.infer<typeof PolicySchema>;

export type PolicyParse = { ok: true; policy: Policy } | { ok: false; problems: string[] };

/** Parses a policy file's text. Problems name the field and what was expected. */
export function parsePolicy(text: string): PolicyParse {
  const parsed = parseYamlConfig(PolicySchema, text, (issue) => {
    if (issue.code === "invalid_value" && issue.path[0] === "deny")
      return `unknown term; expected one of ${FINDING_CODES.join(", ")}`;
    if (issue.code === "invalid_value" && issue.path[0] === "require")
      return `unknown requirement; expected one of ${REQUIREMENTS.join(", ")}`;
    if (issue.code === "unrecognized_keys")
      return `unknown key(s) ${issue.keys.join(", ")}; expected deny, require, licenses, fail-on`;
    return undefined;
  });
  return parsed.ok ? { ok: true, policy: parsed.value } : parsed;
}

/** One broken rule of a policy and the findings behind it. */
export interface PolicyViolation {
  rule: string;
  message: string;
  findings: string[];
}

export interface PolicyResult {
  passed: boolean;
  violations: PolicyViolation[];
}

const byCode = (report: AuditReport, ...codes: FindingCode[]): string[] =>
  report.findings.filter((f) => codes.includes(f.code)).map((f) => f.message);

/** Checks an audit report against a policy. Without a policy, only `fail-on: error` applies. */
export function evaluatePolicy(report: AuditReport, policy: Policy = {}): PolicyResult {
  const violations: PolicyViolation[] = [];
  const failOn = policy["fail-on"] ?? "error";
  if (failOn !== "never") {
    const severities = failOn === "warning" ? ["error", "warning"] : ["error"];
    const hits = report.findings.filter((f) => severities.includes(f.severity)).map((f) => f.message);
    if (hits.length > 0)
      violations.push({
        rule: `fail-on: ${failOn}`,
        message: `${hits.length} finding(s) at ${failOn} or above`,
        findings: hits,
      });
  }
  for (const code of policy.deny ?? []) {
    const hits = byCode(report, code);
    if (code === "non-commercial" && report.verdict.commercialUse === "not-allowed" && hits.length === 0)
      hits.push(...report.verdict.reasons);
    if (hits.length > 0)
      violations.push({
        rule: `deny: ${code}`,
        message: `${hits.length} ${code} finding(s)`,
        findings: hits,
      });
  }
  for (const requirement of policy.require ?? []) {
    const hits = requirementFailures(report, requirement);
    if (hits.length > 0)
      violations.push({
        rule: `require: ${requirement}`,
        message: REQUIREMENT_LABELS[requirement],
        findings: hits,
      });
  }
  const chain = [
    ...(report.subject.license ? [{ id: report.subject.id, license: report.subject.license }] : []),
    ...report.ancestors
      .filter((a) => a.license !== undefined)
      .map((a) => ({ id: a.id, license: a.license! })),
  ];
  const lower = (list: readonly string[] | undefined) => list?.map((l) => l.toLowerCase());
  const allow = lower(policy.licenses?.allow);
  const deny = lower(policy.licenses?.deny);
  const ids = (license: string) =>
    license
      .toLowerCase()
      .split(/[\s()]+/)
      .filter((w) => w !== "" && w !== "and" && w !== "or" && w !== "with");
  if (allow) {
    const hits = chain
      .filter((c) => ids(c.license).some((l) => !allow.includes(l)))
      .map((c) => `${c.id}: ${c.license}`);
    if (hits.length > 0)
      violations.push({
        rule: "licenses.allow",
        message: "licences outside the allowed list",
        findings: hits,
      });
  }
  if (deny) {
    const hits = chain
      .filter((c) => ids(c.license).some((l) => deny.includes(l)))
      .map((c) => `${c.id}: ${c.license}`);
    if (hits.length > 0)
      violations.push({ rule: "licenses.deny", message: "denied licences in the chain", findings: hits });
  }
  return { passed: violations.length === 0, violations };
}

function requirementFailures(report: AuditReport, requirement: Requirement): string[] {
  switch (requirement) {
    case "complete-lineage": {
      const hits = byCode(report, "incomplete-lineage", "unresolved-reference", "undocumented-data");
      if (report.lineageClass !== "lineage" && hits.length === 0)
        hits.push(`the document is ${report.lineageClass}`);
      return hits;
    }
    case "declared-license":
      return byCode(report, "undeclared-license");
    case "known-licenses":
      return byCode(report, "unknown-license", "undocumented-data", "unresolved-reference");
    case "dataset-licenses":
      return report.findings
        .filter(
          (f) =>
            (f.code === "unknown-license" && f.ancestor?.kind === "dataset") ||
            f.code === "undocumented-data",
        )
        .map((f) => f.message);
    case "commercial-use":
      return report.verdict.commercialUse === "allowed"
        ? []
        : [`commercial use ${report.verdict.commercialUse}: ${report.verdict.reasons.join("; ")}`];
  }
}
