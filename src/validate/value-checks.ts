/**
 * Checks on the raw parsed value, before the schema: nesting depth (deep values overflow the stack of the
 * schema check, the exporters and the stores), and strings that no store can hold or query (a NUL
 * character, a lone UTF-16 surrogate). One iterative walk, so any depth is safe to check.
 */
import { formatPath, issue, type ValidationIssue } from "./issue.js";

/** Deepest nesting of objects and lists a document may have (a real document has about 6). */
export const MAX_NESTING_DEPTH = 64;

interface Pending {
  value: unknown;
  path: (string | number)[];
  depth: number;
}

/** Keys whose strings are identifiers: no control characters or line breaks in them. */
const ID_KEYS = new Set(["id", "step"]);

/** Why a string cannot be an identifier (beyond {@link unstorableString}), or undefined. */
export function badIdentifier(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029)
      return `contains a control character or line break (\\u${c.toString(16).padStart(4, "0")}); ids are one line of printable text`;
  }
  return undefined;
}

/** Why a string cannot be stored, or undefined. */
export function unstorableString(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return "contains a NUL character (\\u0000)";
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return `contains a lone UTF-16 surrogate (\\u${c.toString(16)})`;
    } else if (c >= 0xdc00 && c <= 0xdfff) return `contains a lone UTF-16 surrogate (\\u${c.toString(16)})`;
  }
  return undefined;
}

/**
 * The common case, answered without building paths: no string or key that {@link valueIssues} would report,
 * and nothing nested `maxDepth` deep. Recursion stops at `maxDepth`, so its depth is bounded.
 */
function isClean(value: unknown, key: string | undefined, depth: number, maxDepth: number): boolean {
  if (typeof value === "string")
    return (
      unstorableString(value) === undefined &&
      (key === undefined || !ID_KEYS.has(key) || badIdentifier(value) === undefined)
    );
  if (typeof value !== "object" || value === null) return true;
  if (depth >= maxDepth) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (!isClean(item, undefined, depth + 1, maxDepth)) return false;
    return true;
  }
  for (const k in value) {
    if (!Object.hasOwn(value, k)) continue;
    if (unstorableString(k) !== undefined) return false;
    if (!isClean((value as Record<string, unknown>)[k], k, depth + 1, maxDepth)) return false;
  }
  return true;
}

/** A path for messages, cut after a few segments (a hostile path can be thousands long). */
function label(path: readonly (string | number)[]): string {
  if (path.length === 0) return "(document)";
  return path.length > 6 ? `${formatPath(path.slice(0, 6))}…` : formatPath(path);
}

/**
 * Structural problems of a parsed value: too deep, or a key or string that no store can hold.
 * Returns at most one issue of each kind (the first found), so hostile input gives a short report.
 *
 * @example
 * valueIssues({ a: "x\u0000" }) // [{ code: "input.unstorable-string", path: "a", … }]
 */
export function valueIssues(value: unknown, maxDepth = MAX_NESTING_DEPTH): ValidationIssue[] {
  if (isClean(value, undefined, 0, maxDepth)) return [];
  const issues: ValidationIssue[] = [];
  let tooDeep = false;
  let badString = false;
  const stack: Pending[] = [{ value, path: [], depth: 0 }];
  while (stack.length > 0 && !(tooDeep && badString)) {
    const { value: v, path, depth } = stack.pop() as Pending;
    if (typeof v === "string") {
      const last = path[path.length - 1];
      const why = badString
        ? undefined
        : (unstorableString(v) ??
          (typeof last === "string" && ID_KEYS.has(last) ? badIdentifier(v) : undefined));
      if (why !== undefined) {
        badString = true;
        issues.push(issue("error", "input.unstorable-string", formatPath(path), `${label(path)}: ${why}`));
      }
      continue;
    }
    if (typeof v !== "object" || v === null) continue;
    if (depth >= maxDepth) {
      if (!tooDeep)
        issues.push(
          issue(
            "error",
            "input.too-deep",
            formatPath(path.slice(0, 6)),
            `${label(path)}: nested more than ${maxDepth} levels deep; flatten it (the limit keeps every reader and store safe)`,
          ),
        );
      tooDeep = true;
      continue;
    }
    const entries: [string | number, unknown][] = Array.isArray(v)
      ? v.map((item, i) => [i, item])
      : Object.entries(v);
    for (const [key, item] of entries.reverse()) {
      if (typeof key === "string" && !badString) {
        const why = unstorableString(key);
        if (why !== undefined) {
          badString = true;
          const keyPath = [...path, key];
          issues.push(
            issue(
              "error",
              "input.unstorable-string",
              formatPath(keyPath),
              `${label(keyPath)}: the key ${why}`,
            ),
          );
        }
      }
      stack.push({ value: item, path: [...path, key], depth: depth + 1 });
    }
  }
  return issues;
}
