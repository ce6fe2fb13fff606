/**
 * A command that runs a project's Python script (`accelerate launch train_trl.py --model X --batch_size 16`) and
 * that script's code, when both are among the files, are one run: the command's flags say what was run with, the
 * code says what the flags mean and what they leave unsaid (the trainer class, the adapter, the data it loads).
 * The command's own values win; the code fills what the command does not state, and a flag the code passes to a
 * trainer argument (`per_device_train_batch_size=args.batch_size`) is read as that argument.
 */
import { readTrainingKeys } from "./config-fields.js";
import type { FileFacts, StepFacts } from "./facts.js";

const base = (path: string) => (path.split(/[\\/]/).pop() ?? path).toLowerCase();

function fill(command: StepFacts, code: StepFacts): void {
  if (!command.objective || command.objective.source.source === "inferred")
    command.objective = code.objective ?? command.objective;
  command.parameterization ??= code.parameterization;
  if (command.inputs.length === 0) command.inputs.push(...code.inputs);
  if (command.datasets.length === 0) command.datasets.push(...code.datasets);
  command.output ??= code.output;
  command.framework ??= code.framework;
  for (const [k, v] of Object.entries(code.hyperparameters)) command.hyperparameters[k] ??= v;
  for (const [k, v] of Object.entries(code.adapter)) command.adapter[k] ??= v;
}

/** The command's flags that the code maps to trainer arguments, read under those names. */
function mappedFlags(command: StepFacts, code: StepFacts, file: string): void {
  const script = command.script;
  if (!script || !code.flagKeys) return;
  const obj: Record<string, unknown> = {};
  const lines = new Map<string, number>();
  for (const [flag, key] of Object.entries(code.flagKeys)) {
    if (!(flag in script.flags) || flag === key) continue;
    obj[key] = script.flags[flag];
    const line = script.lines.get(flag);
    if (line) lines.set(key, line);
  }
  const read: StepFacts = { ...command, hyperparameters: {}, adapter: {} };
  readTrainingKeys(obj, file, read, [], { lines });
  for (const [k, v] of Object.entries(read.hyperparameters)) command.hyperparameters[k] ??= v;
}

/** Joins each program into the one command among the files that runs it; the program's own step is then dropped. */
export function joinScriptsWithPrograms(facts: FileFacts[]): void {
  for (const program of facts.filter((f) => f.kind === "python-script")) {
    const code = program.steps[0];
    if (!code) continue;
    const runs = facts.flatMap((f) =>
      f === program
        ? []
        : f.steps
            .filter((s) => s.script && base(s.script.name) === base(program.file))
            .map((s) => ({ f, s })),
    );
    const first = runs[0];
    if (!first || runs.length > 1) continue;
    mappedFlags(first.s, code, first.f.file);
    fill(first.s, code);
    program.steps = [];
  }
}
