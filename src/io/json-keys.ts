/**
 * A linear scan of already-valid JSON text for what `JSON.parse` lets through silently: a key repeated in
 * one object (JSON.parse keeps the last; YAML input is rejected for the same thing). One pass, no
 * recursion, so any nesting depth is safe.
 */

import { isAscii } from "node:buffer";

export interface DuplicateKey {
  key: string;
  /** Offset of the repeated key's opening quote. */
  offset: number;
}

/** Objects with more keys than this check them through a Set instead of a scan of the ones before. */
const SCAN_LIMIT = 16;

/** End offset (exclusive) of the JSON string starting at `start` (a `"`). */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i += 2;
    else if (c === 0x22) return i + 1;
    else i++;
  }
  return text.length;
}

function decodeKey(raw: string): string {
  if (!raw.includes("\\")) return raw.slice(1, -1);
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw;
  }
}

/** What one scan of valid JSON text tells: its first repeated key, how deep it nests, whether it is plain. */
export interface JsonTextScan {
  duplicate: DuplicateKey | undefined;
  /** Most objects and lists open at once (`{"a":[1]}`: 2). */
  depth: number;
  /**
   * ASCII without a backslash or DEL: then (the text being valid JSON, with no raw control character inside
   * a string) every string in it is its characters as written, each printable ASCII (U+0020 to U+007E).
   */
  plain: boolean;
}

/** Any character past ASCII, a backslash or DEL. */
const NOT_PLAIN = /[\\\x7f-\uffff]/;

/** {@link JsonTextScan.plain} of a JSON text's UTF-8 bytes, natively (the same answer as for its text). */
export function isPlainJson(bytes: Buffer): boolean {
  return isAscii(bytes) && bytes.indexOf(0x5c) === -1 && bytes.indexOf(0x7f) === -1;
}

/**
 * Scans valid JSON text once for its first repeated key, its depth and whether it is plain (`plain`, when the
 * caller knows it: see {@link isPlainJson}).
 *
 * @example
 * scanJsonText('{"a":1,"a":[2]}') // { duplicate: { key: "a", offset: 7 }, depth: 2, plain: true }
 */
export function scanJsonText(text: string, plain = !NOT_PLAIN.test(text)): JsonTextScan {
  // The keys of every open object, in one list; per open object or list, where its keys start (-1: a list)
  // and, past SCAN_LIMIT keys, a Set of them. Only the innermost container can expect a key: a nested one
  // always sits in a value's place, and a comma makes the next string a key again.
  // keys[0, count) are in use (cutting `count`, not `keys.length`, is cheap).
  const keys: string[] = [];
  let count = 0;
  const starts: number[] = [];
  const sets: (Set<string> | undefined)[] = [];
  let expectKey = false;
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Without backslashes, a string ends at the next quote (found natively).
      const close = plain ? text.indexOf('"', i + 1) : -1;
      const end = plain ? (close < 0 ? text.length : close + 1) : stringEnd(text, i);
      if (expectKey) {
        const key = plain ? text.slice(i + 1, end - 1) : decodeKey(text.slice(i, end));
        if (isRepeated(key, keys, count, starts, sets))
          return { duplicate: { key, offset: i }, depth, plain };
        keys[count++] = key;
        expectKey = false;
      }
      i = end;
      continue;
    }
    if (c === 0x7b || c === 0x5b) {
      starts.push(c === 0x7b ? count : -1);
      sets.push(undefined);
      if (starts.length > depth) depth = starts.length;
      expectKey = c === 0x7b;
    } else if (c === 0x7d || c === 0x5d) {
      const from = starts.pop();
      sets.pop();
      if (from !== undefined && from >= 0) count = from;
      expectKey = false;
    } else if (c === 0x2c) expectKey = (starts[starts.length - 1] ?? -1) >= 0;
    i++;
  }
  return { duplicate: undefined, depth, plain };
}

/**
 * The first key that appears twice in one object of valid JSON text, or undefined.
 *
 * @example
 * firstDuplicateKey('{"a":1,"a":2}') // { key: "a", offset: 7 }
 */
export function firstDuplicateKey(text: string): DuplicateKey | undefined {
  return scanJsonText(text).duplicate;
}

/** Whether the innermost object (its keys from `starts`' last entry to `count`) already has `key`. */
function isRepeated(
  key: string,
  keys: string[],
  count: number,
  starts: number[],
  sets: (Set<string> | undefined)[],
): boolean {
  const top = starts.length - 1;
  const from = starts[top] as number;
  let set = sets[top];
  if (set === undefined && count - from >= SCAN_LIMIT) {
    set = new Set(keys.slice(from, count));
    sets[top] = set;
  }
  if (set !== undefined) {
    if (set.has(key)) return true;
    set.add(key);
  } else for (let k = from; k < count; k++) if (keys[k] === key) return true;
  return false;
}
