/**
 * Step 3 for an OMS signature: hash the model (folder or single file) the way it was signed and compare it,
 * file by file, with the signed manifest.
 */
import { HashError, hashPath, type Manifest } from "../hash/index.js";
import { compareManifests } from "./compare.js";
import { type Check, check, failed, type Problem, VerifyUsageError } from "./report.js";
import type { SignedManifest } from "./statement.js";

export interface ContentOptions {
  /** The model folder or file to check; without it the files are not checked. */
  modelPath?: string;
  /** More paths to leave out (absolute, or relative to the model). */
  ignorePaths?: string[];
  /** The signature file, left out when it lies inside the model folder. */
  signaturePath?: string;
  onProgress?: (done: number, total: number) => void;
}

/** Hashes `modelPath` as `signed` says it was serialized; hashing failures become a failed check. */
export async function hashAsSigned(
  signed: Pick<SignedManifest, "method" | "shardSize" | "allowSymlinks" | "ignorePaths">,
  options: ContentOptions & { modelPath: string },
): Promise<Manifest | Check> {
  try {
    return await hashPath(options.modelPath, {
      ...(signed.method === "shards" && signed.shardSize !== undefined
        ? { shardSize: signed.shardSize }
        : {}),
      allowSymlinks: signed.allowSymlinks,
      ignorePaths: [
        ...signed.ignorePaths,
        ...(options.ignorePaths ?? []),
        ...(options.signaturePath === undefined ? [] : [options.signaturePath]),
      ],
      allowEmpty: true,
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    });
  } catch (error) {
    if (!(error instanceof HashError)) throw error;
    if (error.code === "not-found") throw new VerifyUsageError(error.message);
    const code =
      error.code === "symlink" ? "symlink" : error.code === "special-file" ? "special-file" : "unreadable";
    return failed("files", code, error.message);
  }
}

/** The files check of a signed manifest against the model at `options.modelPath`. */
export async function checkFiles(signed: SignedManifest, options: ContentOptions): Promise<Check> {
  const { modelPath } = options;
  if (modelPath === undefined) return check("files", "skipped", "files not checked (no --model given)");
  const algorithms = new Set([signed.hashType, ...signed.resources.map((r) => r.algorithm)]);
  if ([...algorithms].some((a) => a !== "sha256"))
    return failed(
      "files",
      "unsupported-hash",
      `signed with ${[...algorithms].join(", ")}; ftl checks sha256 digests only`,
    );
  const actual = await hashAsSigned(signed, { ...options, modelPath });
  if ("status" in actual) return actual;
  const shards = signed.method === "shards";
  const problems: Problem[] = compareManifests(signed.resources, actual.resources, shards);
  const notes: string[] =
    signed.version === "v1.0" && actual.name !== signed.name
      ? [`signed as '${signed.name}', checked at '${actual.name}' (the name is informative)`]
      : [];
  const files = new Set(signed.resources.map((r) => r.name)).size;
  if (files === 0)
    notes.push("the signed manifest lists no file: only an empty model (after the ignored paths) matches it");
  if (problems.length === 0)
    return check(
      "files",
      "passed",
      `${files} ${shards ? "shards" : "files"} match the signed manifest`,
      [],
      notes,
    );
  const matched = signed.resources.filter((r) =>
    actual.resources.some((a) => a.name === r.name && a.digest === r.digest),
  );
  if (matched.length === 0 && signed.resources.length > 0)
    problems.unshift({
      code: "other-model",
      message: `no signed file matches: a signature for another model? (signed '${signed.name}', checked '${actual.name}')`,
    });
  const counts = ["changed", "missing", "extra", "renamed"]
    .map((code) => [code, problems.filter((p) => p.code === code).length] as const)
    .filter(([, n]) => n > 0)
    .map(([code, n]) => `${n} ${code}`);
  return check(
    "files",
    "failed",
    `the model does not match the signed manifest: ${counts.join(", ")}`,
    problems,
    notes,
  );
}
