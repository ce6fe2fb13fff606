/**
 * The canonical order of manifest resources. The reference implementation sorts `pathlib.PurePosixPath`
 * keys, which compare component by component, each by code point: "a/b" sorts before "a-b" although "-"
 * (U+002D) is below "/" (U+002F). Shards sort by path, then start, then end, as numbers.
 */

/** Compares two strings by Unicode code point (not by UTF-16 unit, as `<` does). */
export function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const d = (x[i] as string).codePointAt(0)! - (y[i] as string).codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** Compares two relative POSIX paths the way Python compares `PurePosixPath`s: by component. */
export function comparePaths(a: string, b: string): number {
  if (a === b) return 0;
  const x = a.split("/");
  const y = b.split("/");
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const d = compareCodePoints(x[i] as string, y[i] as string);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** A resource's sort key: its path, and for a shard its byte range. */
export interface ResourceKey {
  path: string;
  start?: number;
  end?: number;
}

/** Canonical order of resource keys (files: by path; shards: path, start, end). */
export function compareResourceKeys(a: ResourceKey, b: ResourceKey): number {
  return comparePaths(a.path, b.path) || (a.start ?? 0) - (b.start ?? 0) || (a.end ?? 0) - (b.end ?? 0);
}
