/**
 * A training pipeline drawn top to bottom in a code block, stages between arrow lines:
 *
 * ```
 * Qwen2.5-3B (base)
 *       ↓
 * [SFT Training] ← 1443 Q&A пар
 *       ↓
 * [ORPO Training] ← ~500 preference пар
 * ```
 *
 * (dev c-ne-ru-sxodim-qwen25-3b-sft-orpo MODEL_CARD.md, "Training Pipeline"). The stages are read as the arrow
 * chain `Qwen2.5-3B -> SFT Training -> ORPO Training` would be, by the same resolution: steps in order with
 * their objective, and the first stage as the base when it is a model's name. What feeds a stage from the side
 * (`← 1443 Q&A pairs`) is a description of its data, not a stage.
 */
import type { CardState } from "../card-body.js";
import type { Block } from "../markdown.js";
import { arrowChain } from "../read-prose.js";

/** A line that is only a downward arrow, or only the bars that draw one. */
function isDown(line: string): boolean {
  const t = line.replace(/[\s|│]/g, "");
  return t === "↓" || t === "⬇" || t === "▼" || t === "v" || (t === "" && /[|│]/.test(line));
}

/** A downward arrow itself (not a bar): what `isDown` keeps besides bars and spaces, tested without a copy. */
const ARROW_LINE = /^[\s|│]*[↓⬇▼v][\s|│]*$/;

/** A stage without what feeds it from the side (`[SFT Training] ← 1443 Q&A pairs`). */
function withoutSide(line: string): string {
  const cuts = [" ← ", " <- ", " ⟵ "].map((a) => line.indexOf(a)).filter((i) => i >= 0);
  return cuts.length > 0 ? line.slice(0, Math.min(...cuts)) : line;
}

/** `Qwen2.5-3B (base)`: the note in brackets says what the stage is, not its name. */
function withoutNote(stage: string): string {
  const lower = stage.toLowerCase();
  const note = ["(base)", "(base model)", "(original)"].find((n) => lower.endsWith(n));
  return note ? stage.slice(0, -note.length).trim() : stage;
}

/** The stages of a vertical diagram, or undefined when the block is not one (at least two arrows). */
export function diagramStages(code: string): string[] | undefined {
  const lines = code.split("\n");
  let arrows = 0;
  for (const line of lines) if (ARROW_LINE.test(line) && ++arrows >= 2) break;
  if (arrows < 2) return undefined;
  const stages: string[] = [];
  let sinceArrow = 0;
  for (const raw of lines) {
    if (isDown(raw)) {
      sinceArrow = 0;
      continue;
    }
    const text = withoutNote(withoutSide(raw).replace(/[[\]]/g, "").trim());
    if (!text) continue;
    // A stage is one line; several lines between arrows are a drawing this reader does not know.
    if (++sinceArrow > 1) return undefined;
    stages.push(text);
  }
  return stages.length >= 2 ? stages : undefined;
}

/** Reads vertical pipeline diagrams in the card's code blocks into ordered prose steps. */
export function readPipelineDiagram(blocks: Block[], state: CardState): void {
  for (const block of blocks) {
    if (block.type !== "code") continue;
    const stages = diagramStages(block.text);
    if (!stages) continue;
    const chain = arrowChain(stages.join(" -> "), state.file, block.line);
    if (!chain) continue;
    for (const s of chain.steps) s.index += block.line * 10000;
    state.prose.push(...chain.steps);
    if (chain.base) state.chainBase ??= chain.base;
    return;
  }
}
