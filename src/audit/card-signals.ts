/**
 * Small signals a card gives about itself, read for the audit (issue 16): its own Hub page, metadata that marks a
 * derivative, the directories its commands write, table rows that only head columns. Pure.
 */

import { hubModelId } from "../model/hub-url.js";
import { trimEnd } from "../model/trim.js";

/**
 * A model's page on the Hub: not a dataset's or a Space's, nor a page of the site itself (a collection, the docs,
 * the blog, a paper: `huggingface.co/collections/deepseek-ai/…` names no model, blind dev
 * ncp-w2-llama-xlam-2-70b-research-nc-data).
 */
const strings = (v: unknown): string[] =>
  (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string" && x.trim() !== "");

/** A table row labelled only "Model": `| **Model** | … |`. */
export const BARE_MODEL_ROW = /^\s*\|[\s*_]*model[\s*_]*\|/i;
/**
 * A line that links the card's own Hub page: the model-card template's "**Repository:**" field, "Model on
 * Hugging Face" / "Hugging Face model", or a project README's "Finetuned model available here: <link>". Lines about a base, a parent or data are not the card's own page.
 */
const OWN_HUB_LABEL =
  /\brepository\b|\bmodel on hugging ?face\b|\bhugging ?face (?:model|repo(?:sitory)?)\b|\bfine-?tuned model\b(?! (?:of|from)\b)/i;
const NOT_OWN = /\b(?:base|parent|original|upstream|finetuned from|fine-tuned from|dataset|data)\b/i;
const URL_IN_LINE = /https?:\/\/(?:www\.)?huggingface\.co\/[^\s)"'<>]+/i;
export function ownHubId(body: string): string | undefined {
  for (const line of body.split(/\r?\n/)) {
    if (line.length > 400 || !OWN_HUB_LABEL.test(line) || NOT_OWN.test(line)) continue;
    const url = URL_IN_LINE.exec(line)?.[0];
    const id = url ? hubModelId(url) : undefined;
    if (id) return id;
  }
  return undefined;
}

/** The name (without its organisation) of the Hub page the card links as its own. */
export function ownHubName(body: string): string | undefined {
  return ownHubId(body)?.split("/").pop();
}

/** Tags (and `library_name` values) that only a model made from another carries: adapters, merges, quantisations, fine-tunes. */
const DERIVED_TAGS = new Set([
  "peft",
  "lora",
  "qlora",
  "adapter",
  "adapters",
  "merge",
  "mergekit",
  "gguf",
  "gptq",
  "awq",
  "exl2",
  "trl",
  "sft",
  "dpo",
  "orpo",
  "unsloth",
]);
export function derivedTag(fields: Record<string, unknown>): string | undefined {
  const values = [...strings(fields.library_name), ...strings(fields.tags)];
  const hit = values.find((v) => DERIVED_TAGS.has(v.trim().toLowerCase()));
  return hit === undefined ? undefined : hit.trim();
}

/** Where a card's commands write models: `--output_dir X`, `output_dir="X"`, `--output_path X`, `save_pretrained("X")`. */
const OUTPUT_KEY =
  /(?:--output[-_](?:dir|path)\s+|\boutput_dir\s*=\s*|\.save_pretrained\(\s*)["']?([\w./-]{1,200})/g;
export const normalPath = (path: string) => trimEnd(path.replace(/^\.\//, ""), "/").toLowerCase();
export function outputPaths(body: string): Set<string> {
  return new Set([...body.matchAll(OUTPUT_KEY)].map((m) => normalPath(m[1] ?? "")));
}

/** A label line with nothing after it (`- Large Language Model:`, `**Base model:**`), its value on the next line. */
const BARE_BASE_LABEL =
  /^[\s*_#>-]*(?:base[ _-]?model|pre-?trained model|foundation model|backbone|base llm|llm|large language model)[\s*_]*[:：][\s*_]*$/i;

/** The first item under a bare base label: the next non-blank line, past a `-` or `*` bullet. */
export function valuesUnderBaseLabels(body: string): { label: string; value: string }[] {
  const lines = body.split(/\r?\n/);
  const found: { label: string; value: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.length > 80 || !BARE_BASE_LABEL.test(line)) continue;
    let k = i + 1;
    while (k < lines.length && (lines[k] ?? "").trim() === "") k++;
    const next = (lines[k] ?? "").trim();
    const value = next.startsWith("- ") || next.startsWith("* ") ? next.slice(2).trim() : next;
    if (value !== "" && !value.startsWith("#")) found.push({ label: line.trim(), value });
  }
  return found;
}
