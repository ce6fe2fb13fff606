/**
 * A base given as a table row under its label: "| Base model | Qwen/Qwen2.5-7B |", "| **Base Model** | Llama 3.2
 * 3B Instruct |", "| 基础模型 | Qwen2.5-7B-Instruct |". A Hub id (or a Hub link) is the base as written; a name
 * without its org is resolved by ftl's table of well-known models and recorded as `inferred`; anything else is
 * left alone. The row only names the base: whether the card trained it is said elsewhere.
 */

import { hubRepo } from "../../model/hub-url.js";
import { KNOWN_MODEL_CONFIDENCE, knownModelSource, resolveKnownModel } from "../../model/known-models.js";
import { refKind } from "../../model/refs.js";
import type { CardState } from "../card-body.js";
import { extracted, type Fact, fact, inferred } from "../facts.js";
import { type Block, links } from "../markdown.js";

/** Labels of a base model's row, in the languages the card readers know. */
const BASE_LABEL =
  /^(?:(?:base|foundation|backbone|pre-?trained|parent|original|starting)[ _-]?(?:model|checkpoint|llm)|model base|基础模型|基座模型|底座模型|ベースモデル|元モデル|기반 ?모델|베이스 ?모델|modelo base|modelo de base|modèle de base|modèle base|basismodell|базовая модель)$/i;

function cells(row: string): string[] {
  return row.split("|").map((c) => c.trim());
}

function baseIn(value: string, state: CardState, line: number): Fact<string> | undefined {
  const link = links(value)
    .map((l) => hubRepo(l.url))
    .find((h) => h?.kind === "model" && h.id.includes("/"));
  const at = (confidence: number) =>
    extracted(state.file, { line, confidence, note: "a base model's table row" });
  if (link) return fact(link.id, at(0.85));
  const bare = value.replace(/[`*]/g, "").trim();
  if (bare.includes("/") && refKind(bare) === "hub" && !/\s/.test(bare)) return fact(bare, at(0.85));
  const id = bare.length <= 60 ? resolveKnownModel(bare) : undefined;
  if (!id) return undefined;
  const why = `"${bare}" given as the base model in a table without its org; resolved by ftl's table of well-known models (${knownModelSource(id)})`;
  return fact(id, inferred(state.file, why, KNOWN_MODEL_CONFIDENCE, `line ${line}`));
}

export function readBaseCells(blocks: Block[], state: CardState): void {
  if (state.proseBases.length > 0 || state.out.bases.length > 0) return;
  for (const block of blocks) {
    if (block.type !== "table") continue;
    const [, label, value] = cells(block.text);
    if (label === undefined || value === undefined) continue;
    if (!BASE_LABEL.test(label.replace(/[*_`:]/g, "").trim())) continue;
    const base = baseIn(value, state, block.line);
    if (base) {
      state.proseBases.push(base);
      return;
    }
  }
}
