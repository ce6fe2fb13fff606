/**
 * Step 3 of verifying: a model's actual manifest against the signed one, file by file. Each file is
 * changed, missing or extra; a missing file whose digest turns up under an extra name is reported as renamed.
 * With `shards`, a file's resources are its shards (`name:start:end`) and the file is the unit reported.
 */
import type { Problem } from "./report.js";

export interface Entry {
  name: string;
  digest: string;
}

/** The file a resource belongs to: the name itself, or the name without `:start:end` for a shard. */
export function fileOf(name: string, shards: boolean): string {
  if (!shards) return name;
  const parts = name.split(":");
  return parts.length >= 3 ? parts.slice(0, -2).join(":") : name;
}

function byFile(entries: readonly Entry[], shards: boolean): Map<string, Map<string, string>> {
  const files = new Map<string, Map<string, string>>();
  for (const e of entries) {
    const file = fileOf(e.name, shards);
    const map = files.get(file) ?? new Map<string, string>();
    map.set(e.name, e.digest);
    files.set(file, map);
  }
  return files;
}

function sameMap(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}

const fingerprint = (m: Map<string, string>): string => [...m.values()].join(",");

/** The differences between the signed resources and those found, one problem per file. */
export function compareManifests(
  expected: readonly Entry[],
  actual: readonly Entry[],
  shards: boolean,
): Problem[] {
  const want = byFile(expected, shards);
  const got = byFile(actual, shards);
  const changed: Problem[] = [];
  for (const [file, digests] of want) {
    const found = got.get(file);
    if (found === undefined || sameMap(digests, found)) continue;
    const [e, a] = shards
      ? [`${digests.size} shards`, `${found.size} shards`]
      : [fingerprint(digests), fingerprint(found)];
    changed.push({
      code: "changed",
      path: file,
      message: `changed: ${file} (its content differs from the signed digest)`,
      expected: e,
      actual: a,
    });
  }
  const missing = [...want.keys()].filter((f) => !got.has(f));
  const extra = [...got.keys()].filter((f) => !want.has(f));
  const renamed: Problem[] = [];
  const extraLeft = new Set(extra);
  const missingLeft: string[] = [];
  for (const file of missing) {
    const print = fingerprint(want.get(file)!);
    const to = [...extraLeft].find((x) => fingerprint(got.get(x)!) === print);
    if (to === undefined) missingLeft.push(file);
    else {
      extraLeft.delete(to);
      renamed.push({
        code: "renamed",
        path: file,
        message: `renamed: ${file} → ${to}`,
        expected: file,
        actual: to,
      });
    }
  }
  return [
    ...changed,
    ...missingLeft.map((file) => ({
      code: "missing",
      path: file,
      message: `missing: ${file} (signed, not found)`,
    })),
    ...[...extraLeft].map((file) => ({
      code: "extra",
      path: file,
      message: `extra: ${file} (found, not signed)`,
    })),
    ...renamed,
  ];
}
