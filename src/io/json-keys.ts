/**
 * A linear scan of already-valid JSON text for what `JSON.parse` lets through silently: a key repeated in
 * one object (JSON.parse keeps the last; YAML input is rejected for the same thing). One pass, no
 * recursion, so any nesting depth is safe.
 */

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

/**
 * The first key that appears twice in one object of valid JSON text, or undefined.
 *
 * @example
 * firstDuplicateKey('{"a":1,"a":2}') // { key: "a", offset: 7 }
 */
export function firstDuplicateKey(text: string): DuplicateKey | undefined {
  // The keys of every open object, in one list; per open object or list, where its keys start (-1: a list)
  // and, past SCAN_LIMIT keys, a Set of them. Only the innermost container can expect a key: a nested one
  // always sits in a value's place, and a comma makes the next string a key again.
  const keys: string[] = [];
  const starts: number[] = [];
  const sets: (Set<string> | undefined)[] = [];
  let expectKey = false;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const end = stringEnd(text, i);
      if (expectKey) {
        const key = decodeKey(text.slice(i, end));
        if (isRepeated(key, keys, starts, sets)) return { key, offset: i };
        expectKey = false;
      }
      i = end;
      continue;
    }
    if (c === 0x7b || c === 0x5b) {
      starts.push(c === 0x7b ? keys.length : -1);
      sets.push(undefined);
      expectKey = c === 0x7b;
    } else if (c === 0x7d || c === 0x5d) {
      const from = starts.pop();
      sets.pop();
      if (from !== undefined && from >= 0) keys.length = from;
      expectKey = false;
    } else if (c === 0x2c) expectKey = (starts[starts.length - 1] ?? -1) >= 0;
    i++;
  }
  return undefined;
}

/** Whether the innermost object already has `key`; records it if not. */
function isRepeated(
  key: string,
  keys: string[],
  starts: number[],
  sets: (Set<string> | undefined)[],
): boolean {
  const top = starts.length - 1;
  const from = starts[top] as number;
  let set = sets[top];
  if (set === undefined && keys.length - from >= SCAN_LIMIT) {
    set = new Set(keys.slice(from));
    sets[top] = set;
  }
  if (set !== undefined) {
    if (set.has(key)) return true;
    set.add(key);
  } else for (let k = from; k < keys.length; k++) if (keys[k] === key) return true;
  keys.push(key);
  return false;
}
