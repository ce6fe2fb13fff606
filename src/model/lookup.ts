/**
 * Lookup tables keyed by text read from files. A plain object literal also answers to the names every object
 * inherits (`constructor`, `toString`, `__proto__`), so `TABLE[word]` on a word from a card can return a function;
 * a table made here has no prototype, and only its own keys answer.
 */
export function lookupTable<T>(entries: Readonly<Record<string, T>>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
