/**
 * Card evidence: training commands quoted in a card's shell code blocks (`accelerate launch
 * open_instruct/finetune.py --model_name_or_path ...`, `trl sft ...`, `python -m verl.trainer.main_ppo ...`).
 * Each command that trains becomes an embedded step, with the card's own line numbers; `readCard` resolves
 * embedded steps with the rest of the card's evidence.
 */
import { isLineTerminator, isSpace } from "../../model/trim.js";
import type { CardState } from "../card-body.js";
import type { Fact, StepFacts } from "../facts.js";
import type { Block } from "../markdown.js";
import { readCommands } from "../read-command.js";

/** Fence languages of shell text (an unlabelled fence may hold a command too). */
const SHELL_LANGS = /^(bash|sh|shell|zsh|console|shell-session|terminal|text|)$/i;

/**
 * A command quoted in a document is an example of how to train, not a record that this model was trained so:
 * its facts are at most 0.8 sure.
 */
function quoted(step: StepFacts): void {
  const cap = (f: Fact<unknown> | undefined) => {
    if (f && (f.source.confidence ?? 1) > QUOTED_CONFIDENCE)
      f.source = { ...f.source, confidence: QUOTED_CONFIDENCE };
  };
  for (const f of [step.objective, step.parameterization, step.output, ...step.inputs, ...step.datasets])
    cap(f);
  for (const f of Object.values(step.hyperparameters)) cap(f);
  for (const f of Object.values(step.adapter)) cap(f);
}

const QUOTED_CONFIDENCE = 0.8;

/**
 * `text` without the prompts (`$ `, `> `) that start its lines, with the spaces and blank lines before them:
 * what `text.replace(/^\s*[$>] /gm, "")` does, in one pass (the regex retries a run of blank lines from each).
 */
export function withoutPrompts(text: string): string {
  let out = "";
  let kept = 0;
  let i = 0; // a line start
  for (;;) {
    let j = i;
    while (j < text.length && isSpace(text[j]!)) j++;
    if ((text[j] === "$" || text[j] === ">") && text[j + 1] === " ") {
      out += text.slice(kept, i);
      kept = j + 2;
      j += 2;
    }
    // The line starts up to j reach the same j, so the next try is the first line start after it.
    while (j < text.length && !isLineTerminator(text[j])) j++;
    if (j >= text.length) break;
    i = j + 1;
  }
  return kept === 0 ? text : out + text.slice(kept);
}

/**
 * A fence labelled as another language that holds a shell command all the same (```python over `python
 * dpo_clm.py \` / `--learning_rate 5e-4 \`, dev y4-long-neuralchat-v3-sft-dpo): its first line runs a launcher
 * and its lines end in a shell continuation, which no Python or YAML does.
 */
const LAUNCH_LINE =
  /^\s{0,8}(?:[A-Z_]{1,40}=\S{1,200}\s{1,4}){0,4}(?:python3?|deepspeed|torchrun|accelerate|llamafactory-cli|swift|axolotl|trl)\s/;

function shellInDisguise(block: Block): boolean {
  const lines = block.text.split("\n");
  return LAUNCH_LINE.test(lines[0] ?? "") && lines.filter((l) => l.trimEnd().endsWith("\\")).length >= 2;
}

export function readCommandBlocks(blocks: Block[], state: CardState): void {
  for (const block of blocks) {
    if (block.type !== "code") continue;
    if (!SHELL_LANGS.test(block.lang ?? "") && !shellInDisguise(block)) continue;
    // Console transcripts prefix commands with a prompt.
    const text = withoutPrompts(block.text);
    const steps = readCommands(text, state.file, block.line - 1, state.out.warnings, true);
    for (const step of steps) quoted(step);
    if (steps.length > 0)
      state.embedded.push({ file: state.file, kind: "command", bases: [], steps, warnings: [] });
  }
}
