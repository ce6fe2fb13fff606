/**
 * `verifyBundleText`: the checks of `ftl verify`, in order — (1) the signature, (2) the statement against
 * the schemas, then what the predicate asks: (3) the model's files against the signed manifest and, for
 * predicates that carry one (signed lineage), (4) the chain of custody. Each check is data in the report;
 * a check after a failed one is skipped. Only a call that cannot be verified as given throws
 * (`VerifyUsageError`: no key for a key signature, no CA for a certificate signature, a missing model path).
 */

import { parseBundle } from "./bundle.js";
import { type ContentOptions, checkFiles } from "./check-files.js";
import { IN_TOTO_PAYLOAD_TYPE, OMS_PREDICATE_TYPE, OMS_PREDICATE_TYPE_V0_2 } from "./constants.js";
import { type Check, type CheckName, check, failed, type VerifyReport, VerifyUsageError } from "./report.js";
import { bundleSchemaProblems } from "./schema-check.js";
import { type InTotoStatement, InTotoStatementSchema, readOmsStatement } from "./statement.js";
import { type Signer, type Trust, verifyBundleSignature } from "./verify-signature.js";

/** What a predicate's reader makes of a statement whose signature holds. */
export type StatementRead =
  | { ok: false; problems: string[] }
  | {
      ok: true;
      summary: string;
      subject: { name: string; digest?: string };
      notes: string[];
      /** Steps 3 and 4: the checks of what the statement vouches for. */
      content: (options: ContentOptions) => Promise<Check[]>;
    };

/** How to read and check the statements of one predicate type. */
export interface PredicateHandler {
  predicateType: string;
  read: (statement: InTotoStatement) => StatementRead;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

function omsHandler(predicateType: string): PredicateHandler {
  return {
    predicateType,
    read(statement) {
      const result = readOmsStatement(statement);
      if (!result.ok) return result;
      const m = result.manifest;
      const label = m.version === "v0.2" ? "OMS v0.2 (legacy, one subject per file)" : "OMS v1.0";
      return {
        ok: true,
        summary: `${label} statement, ${plural(m.resources.length, "resource")} (${m.method}), matches the schemas`,
        subject: { name: m.name, ...(m.rootDigest === undefined ? {} : { digest: m.rootDigest }) },
        notes: [],
        content: async (options) => [await checkFiles(m, options)],
      };
    },
  };
}

export const OMS_HANDLERS: readonly PredicateHandler[] = [
  omsHandler(OMS_PREDICATE_TYPE),
  omsHandler(OMS_PREDICATE_TYPE_V0_2),
];

export interface VerifyOptions extends ContentOptions {
  trust: Trust;
  /** Predicates beyond OMS (v1.0 and v0.2), e.g. signed lineage. */
  predicates?: readonly PredicateHandler[];
}

function skippedAfter(report: VerifyReport, names: CheckName[]): VerifyReport {
  for (const name of names)
    report.checks.push(check(name, "skipped", "not checked (an earlier check failed)"));
  return report;
}

function parseStatement(payload: Buffer): InTotoStatement | Check {
  let value: unknown;
  try {
    value = JSON.parse(payload.toString("utf8"));
  } catch {
    return failed("statement", "not-json", "the signed payload is not JSON");
  }
  const parsed = InTotoStatementSchema.safeParse(value);
  if (parsed.success) return { ...parsed.data, predicate: (value as InTotoStatement).predicate };
  const i = parsed.error.issues[0];
  return failed(
    "statement",
    "not-in-toto",
    `not an in-toto Statement v1: ${i?.path.join(".") || "(top level)"}: ${i?.message}`,
  );
}

/** Step 1, for people: who signed, and how. */
function signatureSummary(signer: Signer, legacyPae: boolean): string {
  const who =
    signer.method === "key"
      ? `key ${signer.keyId.slice(0, 16)}…`
      : `certificate chain ${signer.certificatePath?.join(" → ")}`;
  return `ECDSA ${signer.curve} signature by ${who}${legacyPae ? "; legacy v0.2 PAE" : ""}`;
}

/** Step 2: the payload as an in-toto statement read by its predicate's handler, or the failed check. */
function readStatement(
  payloadType: string,
  payload: Buffer,
  rawBundle: unknown,
  handlers: readonly PredicateHandler[],
):
  | { statement: InTotoStatement; read: StatementRead & { ok: true } }
  | { failure: Check; statement?: InTotoStatement } {
  if (payloadType !== IN_TOTO_PAYLOAD_TYPE)
    return {
      failure: failed(
        "statement",
        "payload-type",
        `payloadType is '${payloadType}', expected '${IN_TOTO_PAYLOAD_TYPE}'`,
      ),
    };
  const statement = parseStatement(payload);
  if ("status" in statement) return { failure: statement };
  const handler = handlers.find((h) => h.predicateType === statement.predicateType);
  if (handler === undefined) {
    const known = handlers.map((h) => h.predicateType).join(", ");
    const message = `unknown predicate type '${statement.predicateType}'; ftl verifies ${known}`;
    return { statement, failure: failed("statement", "unknown-predicate", message) };
  }
  const read = handler.read(statement);
  const problems = [
    ...bundleSchemaProblems(rawBundle).map((p) => `bundle ${p}`),
    ...(read.ok ? [] : read.problems),
  ];
  if (!read.ok || problems.length > 0) {
    const summary = `the signed statement does not match the schemas: ${problems[0]}`;
    const failure = check(
      "statement",
      "failed",
      summary,
      problems.map((message) => ({ code: "schema", message })),
    );
    return { statement, failure };
  }
  return { statement, read };
}

/**
 * Verifies the text of a signature file (a Sigstore bundle).
 *
 * @example
 * const report = await verifyBundleText(readFileSync("model.sig", "utf8"), {
 *   trust: { publicKey: loadPublicKey("key.pub.pem") },
 *   modelPath: "my-model/",
 * });
 * if (!report.verified) console.error(report.checks.filter((c) => c.status === "failed"));
 */
export async function verifyBundleText(text: string, options: VerifyOptions): Promise<VerifyReport> {
  const report: VerifyReport = { verified: false, checks: [] };
  const parsed = parseBundle(text);
  if (!parsed.ok) {
    report.checks.push(failed("signature", "not-a-bundle", parsed.message));
    return skippedAfter(report, ["statement", "files"]);
  }
  const signature = verifyBundleSignature(parsed.bundle, options.trust);
  if (!signature.ok) {
    if (signature.code === "needs-key" || signature.code === "needs-chain")
      throw new VerifyUsageError(signature.message);
    report.checks.push(failed("signature", signature.code, signature.message));
    return skippedAfter(report, ["statement", "files"]);
  }
  report.signer = signature.signer;
  const summary = signatureSummary(signature.signer, signature.legacyPae);
  report.checks.push(check("signature", "passed", summary, [], signature.notes));
  const handlers = [...OMS_HANDLERS, ...(options.predicates ?? [])];
  const step2 = readStatement(signature.payloadType, signature.payload, parsed.raw, handlers);
  if (step2.statement !== undefined) report.predicateType = step2.statement.predicateType;
  if ("failure" in step2) {
    report.checks.push(step2.failure);
    return skippedAfter(report, ["files"]);
  }
  report.subject = step2.read.subject;
  report.checks.push(check("statement", "passed", step2.read.summary, [], step2.read.notes));
  report.checks.push(...(await step2.read.content(options)));
  report.verified = report.checks.every((c) => c.status !== "failed");
  return report;
}
