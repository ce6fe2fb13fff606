/**
 * A base that is itself an instruction-tuned model of another: "[google/gemma-2-2b-it](…) es un modelo ajustado
 * para instrucciones …" with "[google/gemma-2-2b](…)" named in the same card. When the card's base (from
 * `proseBases`) is such a model, the lineage starts one step earlier: B → (instruction tuning) → X → this model.
 * The tuned model must be named right before the phrase, and B must be its name without the `-it`/`-instruct`/
 * `-chat` suffix, so a card that merely mentions both adds nothing.
 */

import { hubRepo } from "../../model/hub-url.js";
import type { CardState } from "../card-body.js";
import { emptyStep, extracted, fact } from "../facts.js";
import { type Block, links } from "../markdown.js";
import { matches, phraseRegex } from "./ml-text.js";

/** "X is an instruction-tuned model", the model X written before the phrase. */
const INSTRUCTION_TUNED = phraseRegex([
  // es — dev c-ne-es-agents-course-gemma2-function-calling: "[google/gemma-2-2b-it](…) es un modelo ajustado para instrucciones por el equipo de Google"
  "modelo ajustado para instrucciones",
  // fr — dev c-ne-fr-agents-course-gemma2-function-calling: "[google/gemma-2-2b-it](…) est un modèle finetuné pour les instructions"
  "modèle finetuné pour les instructions",
  // ru — dev c-ne-ru-agents-course-gemma2-function-calling: "[google/gemma-2-2b-it](…) это инструктивно дообученная модель от Google"
  "инструктивно дообученная модель",
  // zh — dev c-ne-zh-agents-course-gemma2-function-calling: "[google/gemma-2-2b-it](…) 是由 Gemma 项目背后的谷歌团队进行的指令微调模型"
  "指令微调模型",
]);

const SUFFIX = /-(?:it|instruct|chat)$/i;

/** The model linked last in the window before a phrase. */
function modelBefore(text: string, at: number): string | undefined {
  const window = text.slice(Math.max(0, at - 120), at);
  const found = links(window)
    .map((l) => hubRepo(l.url))
    .filter((h) => h?.kind === "model");
  return found[found.length - 1]?.id;
}

/** Models the card links to. */
function linkedModels(blocks: Block[]): Set<string> {
  const out = new Set<string>();
  for (const block of blocks)
    if (block.type !== "code" && block.text.includes("huggingface.co/"))
      for (const l of links(block.text)) {
        const hub = hubRepo(l.url);
        if (hub?.kind === "model") out.add(hub.id);
      }
  return out;
}

/** B → X → this model, when the card's base X is stated to be an instruction-tuned model of B. */
export function readDerivation(blocks: Block[], state: CardState): void {
  const base = state.proseBases[0]?.value;
  if (!base || !SUFFIX.test(base) || state.prose.some((p) => p.step.name !== undefined)) return;
  const root = base.replace(SUFFIX, "");
  let linked: Set<string> | undefined;
  for (const block of blocks) {
    if (block.type === "code") continue;
    if (!block.text.includes("](")) continue;
    for (const m of matches(INSTRUCTION_TUNED, block.text.toLowerCase())) {
      if (modelBefore(block.text, m.index ?? 0)?.toLowerCase() !== base.toLowerCase()) continue;
      linked ??= linkedModels(blocks);
      if (![...linked].some((id) => id.toLowerCase() === root.toLowerCase())) return;
      chain(state, root, base, block.line);
      return;
    }
  }
}

function chain(state: CardState, root: string, base: string, line: number): void {
  const prov = extracted(state.file, {
    line,
    confidence: 0.7,
    note: `${base} is stated to be instruction-tuned`,
  });
  const tuned = emptyStep("fine-tune", prov);
  tuned.name = "instruction tuning";
  tuned.objective = fact("sft", prov);
  tuned.inputs.push(fact({ id: root }, prov));
  tuned.output = fact(base, prov);
  const own = state.prose.find((p) => !p.step.objective)?.step ?? emptyStep("fine-tune", prov);
  own.name ??= "fine-tune";
  own.inputs.push(fact({ id: base }, state.proseBases[0]?.source ?? prov));
  state.prose = [
    { step: tuned, ordered: true, index: 0 },
    { step: own, ordered: true, index: 1 },
    ...state.prose.filter((p) => p.step !== own),
  ];
  state.proseBases.unshift(fact(root, prov));
}
