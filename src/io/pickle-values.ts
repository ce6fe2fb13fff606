/** The values a pickle replays into (pickle.ts): plain data, and names of what it would have made. */

/** A value of the pickle: Python's None, bool, int, float, str, bytes, containers, or an object left unbuilt. */
export type PyValue =
  | null
  | boolean
  | number
  | string
  | Uint8Array
  | PyValue[]
  | PyDict
  | PyObject
  | PyGlobal;

/** A dict; keys that are not strings are written as their text. No prototype, so any key is only data. */
export type PyDict = { [key: string]: PyValue };

/** A class or function the pickle names by module and name (`transformers.training_args.TrainingArguments`). */
export class PyGlobal {
  constructor(readonly name: string) {}
}

/** What calling a named class or function would have made: never made, only described. */
export class PyObject {
  state: PyValue | undefined = undefined;
  constructor(
    readonly className: string,
    readonly args: PyValue[],
  ) {}
}

export function newDict(): PyDict {
  return Object.create(null) as PyDict;
}

/** A dict key as text: keys that are not strings are written as their text. */
export const keyText = (k: PyValue): string =>
  typeof k === "string" ? k : k === null ? "None" : typeof k === "object" ? "[object]" : String(k);

export function isDict(v: PyValue): v is PyDict {
  return (
    typeof v === "object" &&
    v !== null &&
    !Array.isArray(v) &&
    !(v instanceof Uint8Array) &&
    !(v instanceof PyObject) &&
    !(v instanceof PyGlobal)
  );
}

/** Is this value a dict of the pickle? */
export function pyDict(v: PyValue | undefined): PyDict | undefined {
  return v !== undefined && isDict(v) ? v : undefined;
}
