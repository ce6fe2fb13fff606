/** Small readers of recipe values shared by the recipe readers (read-recipe.ts, read-derived-recipes.ts). */
import { fact, inferred, type StepFacts } from "./facts.js";

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** The settings nested under `key` (`optimizer`, `train`), or none. */
export const section = (obj: Obj, key: string): Obj => (isObj(obj[key]) ? (obj[key] as Obj) : {});

/** A non-blank string, trimmed; undefined otherwise. */
export const str = (v: unknown): string | undefined =>
  typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;

/** Records the framework a recipe was recognised as (inferred from its keys, 0.9). */
export function framework(step: StepFacts, name: string, file: string): void {
  step.framework = fact({ name }, inferred(file, `recognised as a ${name} recipe`, 0.9));
}

/** The names of a comma-separated list (`alpaca_en,glaive_toolcall`), trimmed, blanks left out. */
export function commaList(text: string): string[] {
  return text
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);
}
