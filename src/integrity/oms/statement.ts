/**
 * The in-toto Statement v1 of an OMS signature: built from a hashed model's manifest, and read back (with the
 * model_signing v0.2 predicate the reference verifier still accepts) into the manifest that was signed.
 */
import { z } from "zod";
import { type Manifest, rootDigest } from "../hash/index.js";
import {
  IN_TOTO_STATEMENT_TYPE,
  OMS_PREDICATE_TYPE,
  OMS_PREDICATE_TYPE_V0_2,
  V0_2_MODEL_NAME,
} from "./constants.js";
import { statementSchemaProblems } from "./schema-check.js";

/** Any in-toto Statement v1: what every signed payload must be before its predicate is looked at. */
export const InTotoStatementSchema = z.object({
  _type: z.literal(IN_TOTO_STATEMENT_TYPE),
  subject: z
    .array(z.object({ name: z.string().optional(), digest: z.record(z.string(), z.string()).optional() }))
    .min(1),
  predicateType: z.string().min(1),
  predicate: z.unknown(),
});
export type InTotoStatement = z.infer<typeof InTotoStatementSchema>;

const ResourceSchema = z.object({ name: z.string().min(1), algorithm: z.string(), digest: z.string() });

export const OmsStatementSchema = z.object({
  _type: z.literal(IN_TOTO_STATEMENT_TYPE),
  subject: z.array(z.object({ name: z.string(), digest: z.object({ sha256: z.string() }) })).length(1),
  predicateType: z.literal(OMS_PREDICATE_TYPE),
  predicate: z.object({
    serialization: z.object({
      method: z.enum(["files", "shards"]),
      hash_type: z.string(),
      allow_symlinks: z.boolean(),
      shard_size: z.int().positive().optional(),
      ignore_paths: z.array(z.string()).optional(),
    }),
    resources: z.array(ResourceSchema),
  }),
});
export type OmsStatement = z.infer<typeof OmsStatementSchema>;

const V02StatementSchema = z.object({
  _type: z.literal(IN_TOTO_STATEMENT_TYPE),
  subject: z.array(
    z.object({ name: z.string().min(1), digest: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }) }),
  ),
  predicateType: z.literal(OMS_PREDICATE_TYPE_V0_2),
});

/** The manifest a signature vouches for. */
export interface SignedManifest {
  /** The subject's name (informative: renaming a model folder does not invalidate its signature). */
  name: string;
  /** The subject's root digest (absent in v0.2 signatures). */
  rootDigest?: string;
  method: "files" | "shards";
  hashType: string;
  shardSize?: number;
  allowSymlinks: boolean;
  ignorePaths: string[];
  resources: { name: string; algorithm: string; digest: string }[];
  /** `v1.0`, or `v0.2` for the legacy one-subject-per-file predicate. */
  version: "v1.0" | "v0.2";
}

/**
 * The OMS v1.0 statement of a manifest: subject = the model's name with its root digest, predicate =
 * serialization + one resource per file (or shard).
 */
export function omsStatement(manifest: Manifest): OmsStatement {
  const s = manifest.serialization;
  return {
    _type: IN_TOTO_STATEMENT_TYPE,
    subject: [{ name: manifest.name, digest: { sha256: manifest.rootDigest } }],
    predicateType: OMS_PREDICATE_TYPE,
    predicate: {
      serialization: {
        method: s.method,
        hash_type: s.hashType,
        ...(s.shardSize === undefined ? {} : { shard_size: s.shardSize }),
        allow_symlinks: s.allowSymlinks,
        ...(s.ignorePaths.length === 0 ? {} : { ignore_paths: [...s.ignorePaths] }),
      },
      resources: manifest.resources.map((r) => ({ name: r.name, algorithm: "sha256", digest: r.digest })),
    },
  };
}

export type ReadResult = { ok: true; manifest: SignedManifest } | { ok: false; problems: string[] };

function readV02(statement: unknown): ReadResult {
  const parsed = V02StatementSchema.safeParse(statement);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => `${i.path.join(".") || "(top level)"}: ${i.message}`),
    };
  return {
    ok: true,
    manifest: {
      name: V0_2_MODEL_NAME,
      method: "files",
      hashType: "sha256",
      allowSymlinks: false,
      ignorePaths: [],
      resources: parsed.data.subject.map((s) => ({
        name: s.name,
        algorithm: "sha256",
        digest: s.digest.sha256,
      })),
      version: "v0.2",
    },
  };
}

/**
 * Reads an OMS statement (v1.0, checked against the published JSON Schemas, or v0.2) into its signed manifest.
 * A v1.0 subject digest must equal the SHA-256 over the resources' digests, as the reference verifier checks.
 */
export function readOmsStatement(statement: unknown): ReadResult {
  const type = (statement as { predicateType?: unknown }).predicateType;
  if (type === OMS_PREDICATE_TYPE_V0_2) return readV02(statement);
  const problems = statementSchemaProblems(statement);
  if (problems.length > 0) return { ok: false, problems };
  const parsed = OmsStatementSchema.safeParse(statement);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => `${i.path.join(".") || "(top level)"}: ${i.message}`),
    };
  const { subject, predicate } = parsed.data;
  const subjectDigest = subject[0]!.digest.sha256;
  const computed = rootDigest(predicate.resources);
  if (computed !== subjectDigest)
    return {
      ok: false,
      problems: [
        `the manifest is inconsistent: the subject's digest is ${subjectDigest}, its resources hash to ${computed}`,
      ],
    };
  const s = predicate.serialization;
  return {
    ok: true,
    manifest: {
      name: subject[0]!.name,
      rootDigest: subjectDigest,
      method: s.method,
      hashType: s.hash_type,
      ...(s.shard_size === undefined ? {} : { shardSize: s.shard_size }),
      allowSymlinks: s.allow_symlinks,
      ignorePaths: s.ignore_paths ?? [],
      resources: predicate.resources,
      version: "v1.0",
    },
  };
}
