/**
 * Verifying a signed lineage, after its signature: (2) the statement and its ftl/v1 document, (3) with a
 * model path, the model's root digest against the signed subject digest (file by file when the document
 * records the subject's files), (4) the chain of custody.
 */

import type { LineageDocument } from "../../schema/lineage.js";
import {
  type Check,
  type ContentOptions,
  check,
  compareManifests,
  failed,
  hashAsSigned,
  type PredicateHandler,
} from "../oms/index.js";
import { chainOfCustody } from "./custody.js";
import { LINEAGE_PREDICATE_TYPE, readLineageStatement } from "./statement.js";

async function checkModel(
  doc: LineageDocument,
  digest: string | undefined,
  options: ContentOptions,
): Promise<Check> {
  const { modelPath } = options;
  if (modelPath === undefined) return check("files", "skipped", "model not checked (no --model given)");
  if (digest === undefined)
    return failed(
      "files",
      "no-digest",
      `the signed lineage records no sha256 digest for '${doc.subject.id}': nothing to check the model against`,
    );
  const actual = await hashAsSigned(
    { method: "files", allowSymlinks: false, ignorePaths: [] },
    { ...options, modelPath },
  );
  if ("status" in actual) return actual;
  if (actual.rootDigest === digest)
    return check("files", "passed", `the model's root digest is the signed one (${digest.slice(0, 16)}…)`);
  const files = doc.subject.files ?? [];
  const problems =
    files.every((f) => f.digest?.algorithm === "sha256") && files.length > 0
      ? compareManifests(
          files.map((f) => ({ name: f.path, digest: f.digest!.value })),
          actual.resources,
          false,
        )
      : [];
  return check(
    "files",
    "failed",
    `the model's root digest ${actual.rootDigest.slice(0, 16)}… is not the signed ${digest.slice(0, 16)}…`,
    [
      {
        code: "digest-mismatch",
        message: "root digest differs from the signed subject digest",
        expected: digest,
        actual: actual.rootDigest,
      },
      ...problems,
    ],
  );
}

function checkCustody(doc: LineageDocument): Check {
  const { links, problems } = chainOfCustody(doc);
  if (problems.length > 0)
    return check("custody", "failed", `chain of custody broken: ${problems[0]!.message}`, problems);
  if (links === 0)
    return check(
      "custody",
      "passed",
      "chain of custody: no model has two recorded digests to compare",
      [],
      [],
    );
  return check(
    "custody",
    "passed",
    `chain of custody: ${links} recorded digest pair${links === 1 ? "" : "s"} agree`,
  );
}

/** The `verifyBundleText` handler of ftl's lineage predicate. */
export const LINEAGE_HANDLER: PredicateHandler = {
  predicateType: LINEAGE_PREDICATE_TYPE,
  read(statement) {
    const read = readLineageStatement(statement);
    if (!read.ok) return read;
    const doc = read.document;
    return {
      ok: true,
      summary: `signed lineage of '${doc.subject.id}' (${doc.steps.length} step${doc.steps.length === 1 ? "" : "s"}), a valid ftl/v1 document`,
      subject: read.subject,
      notes: [],
      content: async (options) => [await checkModel(doc, read.subject.digest, options), checkCustody(doc)],
    };
  },
};
