/**
 * The chain of custody of a lineage document: wherever two digests of the same model are recorded, they must
 * be equal — each step's input (a base, or an input that records its own digest) against the output of the
 * step that produced it, the subject against the step that produced it, and a model's root digest against
 * the root digest of its recorded files (OMS: SHA-256 over the files' raw digests in reference order).
 */

import { indexReferences, resolveInput, stepModelInputs } from "../../model/graph.js";
import type { Digest, LineageDocument, ModelInput, ModelRef } from "../../schema/lineage.js";
import { comparePaths, rootDigest } from "../hash/index.js";
import type { Problem } from "../oms/index.js";

export interface CustodyResult {
  /** Pairs of digests compared. */
  links: number;
  problems: Problem[];
}

/** A digest an input records itself, if the document format gives inputs one. */
function inputDigest(input: ModelInput): Digest | undefined {
  const value = (input as { digest?: unknown }).digest;
  if (typeof value !== "object" || value === null) return undefined;
  const { algorithm, value: hex } = value as Partial<Digest>;
  return typeof algorithm === "string" && typeof hex === "string" ? (value as Digest) : undefined;
}

/** The OMS root digest of a model's recorded files, when every file has a SHA-256 digest. */
export function filesRootDigest(model: ModelRef): string | undefined {
  const files = model.files;
  if (files === undefined || files.length === 0) return undefined;
  if (files.some((f) => f.digest?.algorithm !== "sha256")) return undefined;
  const sorted = [...files].sort((a, b) => comparePaths(a.path, b.path));
  return rootDigest(sorted.map((f) => ({ digest: f.digest!.value })));
}

const show = (d: Digest) => `${d.algorithm}:${d.value.slice(0, 16)}…`;

/** Checks every recorded pair of digests of the same model. */
export function chainOfCustody(doc: LineageDocument): CustodyResult {
  const problems: Problem[] = [];
  let links = 0;
  const compare = (a: Digest | undefined, b: Digest | undefined, path: string, what: string): void => {
    if (a === undefined || b === undefined || a.algorithm !== b.algorithm) return;
    links++;
    if (a.value !== b.value)
      problems.push({
        code: "digest-mismatch",
        path,
        message: `${what}: ${show(a)} ≠ ${show(b)}`,
        expected: b.value,
        actual: a.value,
      });
  };
  const index = indexReferences(doc);
  doc.steps.forEach((step, i) => {
    for (const input of stepModelInputs(step)) {
      const resolved = resolveInput(input, index, doc);
      const label = input.id ?? `output of step ${input.step}`;
      let producer: number | undefined;
      if (resolved.kind === "step") producer = resolved.stepIndex;
      if (resolved.kind === "base") {
        const base = doc.bases[resolved.baseIndex]!;
        compare(
          inputDigest(input),
          base.digest,
          `steps.${step.id}`,
          `step '${step.id}' input '${label}' differs from base '${base.id}'`,
        );
        const made = index.outputs.get(base.id);
        if (made !== undefined && made < i) {
          const out = doc.steps[made]!;
          compare(
            base.digest,
            out.output?.digest,
            `steps.${step.id}`,
            `step '${step.id}' input '${label}' (as a base) differs from the output of step '${out.id}'`,
          );
        }
      }
      if (producer !== undefined) {
        const out = doc.steps[producer]!;
        compare(
          inputDigest(input),
          out.output?.digest,
          `steps.${step.id}`,
          `step '${step.id}' input '${label}' differs from the output of step '${out.id}'`,
        );
      }
    }
  });
  const made = index.outputs.get(doc.subject.id);
  if (made !== undefined) {
    const out = doc.steps[made]!;
    compare(
      doc.subject.digest,
      out.output?.digest,
      "subject",
      `subject '${doc.subject.id}' differs from the output of step '${out.id}'`,
    );
  }
  const models: [string, ModelRef][] = [
    ["subject", doc.subject],
    ...doc.bases.map((b, i): [string, ModelRef] => [`bases.${i}`, b]),
    ...doc.steps.flatMap((s): [string, ModelRef][] =>
      s.output === undefined ? [] : [[`steps.${s.id}.output`, s.output]],
    ),
  ];
  for (const [path, model] of models) {
    const fromFiles = filesRootDigest(model);
    if (fromFiles !== undefined)
      compare(
        model.digest,
        { algorithm: "sha256", value: fromFiles },
        path,
        `'${model.id}' root digest differs from the root digest of its recorded files`,
      );
  }
  return { links, problems };
}
