/**
 * Signed lineage: an in-toto Statement v1 whose predicate is an ftl/v1 lineage document.
 *
 * - predicateType: `https://ftl.dev/lineage/v1` (ftl's own; the document's format is `ftl/v1`);
 * - subject: the document's subject model, named by its id, with its root digest (`sha256`, the OMS root
 *   digest of its folder) when known; other recorded digest algorithms are carried under their own names;
 * - predicate: the lineage document itself.
 */
import { z } from "zod";
import type { LineageDocument } from "../../schema/lineage.js";
import { validateLineage } from "../../validate/validate.js";
import { IN_TOTO_STATEMENT_TYPE, type InTotoStatement } from "../oms/index.js";

export const LINEAGE_PREDICATE_TYPE = "https://ftl.dev/lineage/v1";

export const LineageStatementSchema = z.object({
  _type: z.literal(IN_TOTO_STATEMENT_TYPE),
  subject: z
    .array(
      z.object({
        name: z.string().min(1),
        digest: z.record(z.string(), z.string().regex(/^[0-9a-f]+$/)).optional(),
      }),
    )
    .length(1, "a signed lineage has exactly one subject"),
  predicateType: z.literal(LINEAGE_PREDICATE_TYPE),
  predicate: z.record(z.string(), z.unknown()),
});

export interface LineageStatement {
  _type: typeof IN_TOTO_STATEMENT_TYPE;
  subject: [{ name: string; digest?: Record<string, string> }];
  predicateType: typeof LINEAGE_PREDICATE_TYPE;
  predicate: LineageDocument;
}

/** The statement that signs `doc`: its subject, with the subject's recorded digest. */
export function lineageStatement(doc: LineageDocument): LineageStatement {
  const d = doc.subject.digest;
  return {
    _type: IN_TOTO_STATEMENT_TYPE,
    subject: [{ name: doc.subject.id, ...(d === undefined ? {} : { digest: { [d.algorithm]: d.value } }) }],
    predicateType: LINEAGE_PREDICATE_TYPE,
    predicate: doc,
  };
}

export type LineageRead =
  | { ok: true; document: LineageDocument; subject: { name: string; digest?: string } }
  | { ok: false; problems: string[] };

/** Checks a statement's shape, its predicate as an ftl/v1 document, and that subject and document agree. */
export function readLineageStatement(statement: InTotoStatement | unknown): LineageRead {
  const parsed = LineageStatementSchema.safeParse(statement);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => `${i.path.join(".") || "(top level)"}: ${i.message}`),
    };
  const report = validateLineage(parsed.data.predicate);
  const errors = report.issues.filter((i) => i.severity === "error").map((i) => `predicate: ${i.message}`);
  if (report.document === undefined || errors.length > 0)
    return { ok: false, problems: errors.length > 0 ? errors : ["predicate: not an ftl/v1 document"] };
  const doc = report.document;
  const subject = parsed.data.subject[0]!;
  const problems: string[] = [];
  if (subject.name !== doc.subject.id)
    problems.push(
      `the statement's subject '${subject.name}' is not the document's subject '${doc.subject.id}'`,
    );
  const d = doc.subject.digest;
  const signed = subject.digest?.sha256;
  if (d !== undefined && d.algorithm === "sha256" && signed !== undefined && signed !== d.value)
    problems.push(`the statement's subject digest ${signed} is not the document's ${d.value}`);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    document: doc,
    subject: { name: subject.name, ...(signed === undefined ? {} : { digest: signed }) },
  };
}
