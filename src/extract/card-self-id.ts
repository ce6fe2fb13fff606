/**
 * Evidence of the model a card describes, from text that names it: the card's own usage code
 * (`from_pretrained("org/name")`, `model_id = "org/name"`, `--model_id org/name`, `repo_id="org/name"`,
 * `PeftModel.from_pretrained(base, "org/name")`). Ids the card names as bases or datasets are not the subject.
 * Taken only when exactly one id remains; the title, the `model-index` name and file or folder names never are.
 */
import { modelRef } from "../model/refs.js";
import { type Fact, fact, inferred } from "./facts.js";
import type { Block } from "./markdown.js";

/** An id in quotes after a loading call or an id-like variable, or after `--model_id`/`--model`. */
const CODE_ID =
  /(?:from_pretrained\(\s*(?:[\w.]+\s*,\s*)?|\b(?:model_id|model_name|model_path|repo_id|adapter_name|adapter_id|model|checkpoint|peft_model_id)\s*[:=]\s*)["']([A-Za-z0-9][\w.-]{0,95}\/[\w.-]{1,96})["']|--(?:model_id|model)[ =]([A-Za-z0-9][\w.-]{0,95}\/[\w.-]{1,96})\b/g;

/** `hf.co/org/name` in an `ollama run` or `llama-cli --hf-repo` line. */
const RUN_ID = /(?:ollama run hf\.co\/|--hf-repo\s+)([A-Za-z0-9][\w.-]{0,95}\/[\w.-]{1,96})/g;

export function selfIdEvidence(
  blocks: Block[],
  file: string,
  notSubject: string[],
): Fact<string> | undefined {
  const excluded = new Set(notSubject.map((x) => x.toLowerCase()));
  const found = new Map<string, { id: string; line: number }>();
  for (const b of blocks) {
    if (b.type !== "code" && !/from_pretrained|model_id|--model/.test(b.text)) continue;
    for (const re of [CODE_ID, RUN_ID])
      for (const m of b.text.matchAll(re)) {
        const raw = (m[1] ?? m[2] ?? "").replace(/\.git$/, "");
        const id = modelRef(raw);
        if (!id || id.startsWith("local:") || excluded.has(id.toLowerCase())) continue;
        if (!found.has(id.toLowerCase())) found.set(id.toLowerCase(), { id, line: b.line });
      }
  }
  if (found.size !== 1) return undefined;
  const [only] = found.values();
  if (!only) return undefined;
  return fact(only.id, inferred(file, "the card's own usage code loads this model", 0.8, "usage code"));
}
