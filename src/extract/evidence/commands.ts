/**
 * Card evidence: training commands quoted in a card's shell code blocks (`accelerate launch
 * open_instruct/finetune.py --model_name_or_path ...`, `trl sft ...`, `python -m verl.trainer.main_ppo ...`).
 * Each command that trains becomes an embedded step, with the card's own line numbers; `readCard` resolves
 * embedded steps with the rest of the card's evidence.
 */
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

export function readCommandBlocks(blocks: Block[], state: CardState): void {
  for (const block of blocks) {
    if (block.type !== "code" || !SHELL_LANGS.test(block.lang ?? "")) continue;
    // Console transcripts prefix commands with a prompt.
    const text = block.text.replace(/^\s*[$>] /gm, "");
    const steps = readCommands(text, state.file, block.line - 1, state.out.warnings);
    for (const step of steps) quoted(step);
    if (steps.length > 0)
      state.embedded.push({ file: state.file, kind: "command", bases: [], steps, warnings: [] });
  }
}
