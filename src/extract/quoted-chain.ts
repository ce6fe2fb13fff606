/**
 * The chain a quantised re-upload's quoted card tells of its source (TheBloke's "# Original model card: …"): the
 * copy's own part says only that it quantised X, and the card it quotes is X's own, telling how X was made
 * ("a fine-tuned version of mistralai/Mistral-7B-v0.1 … SFT on UltraChat, then DPO"). Those steps are X's
 * ancestry, read as X's card would be and put before the quantisation, their last output X. They are X's
 * author's words copied by someone else: no fact of them is given more than 0.7, and each says where it came from.
 */

import { refKind } from "../model/refs.js";
import { type FileFacts, fact, factsOf, inferred, type StepFacts, shiftLines } from "./facts.js";

const QUOTED_CONFIDENCE = 0.7;
const NOTE = "from the source model's own card, quoted in this card";

/**
 * The copy's front-matter datasets are its source's (a copy trains on nothing): the quoted card is read with them,
 * so that they replace the prose's names of the same data (`stingning/ultrachat` → `HuggingFaceH4/ultrachat_200k`).
 * Each id is written as a JSON string, which YAML reads as the same string.
 */
function frontMatter(datasets: string[]): string {
  if (datasets.length === 0) return "";
  return `---\ndatasets:\n${datasets.map((d) => `- ${JSON.stringify(d)}\n`).join("")}---\n`;
}

/** The one model a copy's single quantisation step starts from, when it is a Hub id. */
function quantisedSource(steps: StepFacts[]): string | undefined {
  const [only] = steps;
  if (steps.length !== 1 || only?.kind !== "quantization" || only.inputs.length !== 1) return undefined;
  const id = only.inputs[0]?.value.id;
  return id && refKind(id) === "hub" ? id : undefined;
}

function capped(step: StepFacts): StepFacts {
  for (const f of [{ source: step.origin }, ...factsOf(step)])
    if ((f.source.confidence ?? 1) > QUOTED_CONFIDENCE) f.source.confidence = QUOTED_CONFIDENCE;
  step.notes.push(NOTE);
  return step;
}

/**
 * Puts the quoted card's chain before the copy's quantisation step. `read` reads a card's text (read-card.ts's
 * `readCard`, passed in); `line` is the quoted card's heading (1-based). Nothing changes when the copy's steps are
 * not one quantisation of a Hub model, or the quoted card tells no derivation of its own.
 */
export function prependQuotedChain(
  out: FileFacts,
  text: string,
  line: number,
  datasets: string[],
  read: (text: string, file: string) => FileFacts,
): void {
  const source = quantisedSource(out.steps);
  if (!source) return;
  const head = frontMatter(datasets);
  const inner = read(head + text.split("\n").slice(line).join("\n"), out.file);
  const steps = inner.steps.filter((s) => s.kind !== "quantization");
  const last = steps.at(-1);
  // A chain from a named model: a base model's card telling of its own post-training names none.
  if (!last || (steps[0]?.inputs.length ?? 0) === 0) return;
  // The quoted chain must end at the copy's source: a last output naming another model is another chain.
  if (
    last.output &&
    last.output.value.toLowerCase() !== source.toLowerCase() &&
    refKind(last.output.value) === "hub"
  )
    return;
  last.output = fact(source, inferred(out.file, "the model this card quantised", QUOTED_CONFIDENCE));
  for (const s of steps) shiftLines(s, line - (head.split("\n").length - 1));
  out.steps = [...steps.map(capped), ...out.steps];
}
