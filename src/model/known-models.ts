/**
 * Canonical Hub ids of widely used base models, so that a model named without its org ("Mistral 7B",
 * "Llama-2-70B", "Llama 3.1 8B Instruct") can be resolved. Each id is its own source: its Hub page,
 * https://huggingface.co/<id>. A resolution is always recorded as `inferred`, with the confidence below, and
 * a name that matches no entry, or more than one, stays unresolved.
 *
 * Names are compared by their letters and digits only, and a dot between two digits (`Llama 3.1 8B Instruct` →
 * `llama3.18binstruct`: `opt-1.3b` is not `opt-13b`), against the id's own name, the name without a trailing
 * `-hf`, and the aliases listed. The table itself is in known-models-decoders.ts, known-models-others.ts and known-models-languages.ts.
 */

import { DECODERS, type KnownModel } from "./known-models-decoders.js";
import { LANGUAGE_MODELS } from "./known-models-languages.js";
import { OTHERS } from "./known-models-others.js";

const KNOWN: readonly KnownModel[] = [...DECODERS, ...OTHERS, ...LANGUAGE_MODELS];

/** Confidence of a resolution by this table: the name may mean a sibling (a chat or instruct variant). */
export const KNOWN_MODEL_CONFIDENCE = 0.7;

/**
 * Letters and digits only, lower case, with the dot of a version or size kept (`1.3b`, `v0.2`, `3.1`), and a
 * separator between two numbers kept as `-`: "Llama 3 3B" (`llama3-3b`) is not "LLaMA 33B" (`llama33b`, the first
 * LLaMA's 30B), and "Llama 2 7B" and "Llama-2-7b" stay one name.
 */
export function squashName(s: string): string {
  const digit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, (sep: string, at: number, all: string) => {
    if (!digit(all[at - 1]) || !digit(all[at + sep.length])) return "";
    return sep === "." || sep === "_" ? "." : "-";
  });
}

function buildIndex(): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  const add = (name: string, id: string) => {
    const key = squashName(name);
    if (key.length < 3) return;
    const set = index.get(key) ?? new Set<string>();
    set.add(id);
    index.set(key, set);
  };
  for (const m of KNOWN) {
    const own = m.id.split("/")[1] ?? m.id;
    add(own, m.id);
    add(own.replace(/-hf$/i, ""), m.id);
    for (const a of m.aliases ?? []) add(a, m.id);
  }
  return index;
}

const INDEX = buildIndex();

function only(key: string): string | undefined {
  const found = INDEX.get(key);
  return found && found.size === 1 ? [...found][0] : undefined;
}

/**
 * The canonical Hub id of a model named without its org, when exactly one entry matches. "Base" after a name
 * whose id has no such word ("Llama3.2 3B Base", "Mistral 7B base") names the pretrained model: it is taken when
 * that model is not an instruct, chat or -it one.
 */
export function resolveKnownModel(name: string): string | undefined {
  const key = squashName(name.replace(/^the\s+/i, ""));
  const id = only(key);
  if (id || !key.endsWith("base") || key.length < 8) return id;
  const base = only(key.slice(0, -4));
  return base && !/instruct|chat|-it$/i.test(base) ? base : undefined;
}

/** The source to cite for a resolution. */
export function knownModelSource(id: string): string {
  return `https://huggingface.co/${id}`;
}
