/**
 * A training command's entry point (the script, module or CLI subcommand that trains, past any launcher such
 * as `accelerate launch`, `torchrun`, `deepspeed` or `mason.py ... --`) and its arguments as an object:
 * `--key value`, `--key=value`, a bare `--flag` (true), `--key a 1.0 b 0.5` (a list), and Hydra-style
 * `a.b.c=value` overrides (verl, EasyR1, torchtune).
 */

import { parseLooseValue } from "../model/hyperparameters.js";
import { lookupTable } from "../model/lookup.js";
import { LITGPT_TRAINING } from "./read-litgpt.js";
import type { Word } from "./shell-words.js";

export type EntryKind =
  | "script"
  | "module"
  | "trl"
  | "llama-factory"
  | "swift"
  | "torchtune"
  | "axolotl"
  | "litgpt"
  | "xtuner"
  | "lmdeploy"
  | "autotrain";

export interface Entry {
  kind: EntryKind;
  /** The script path, module, or subcommand as written (`open_instruct/dpo_tune_cache.py`, `sft`). */
  name: string;
  line: number;
  /** Index of the first argument word. */
  args: number;
}

export interface Args {
  obj: Record<string, unknown>;
  lines: Map<string, number>;
  positional: Word[];
}

/** Scripts and modules that launch another one rather than train. */
const LAUNCHER_SCRIPTS = /(^|\/)(mason|launch|setup|run_with_ray)\.py$/i;
const LAUNCHER_MODULES =
  /^(torch\.distributed\.(run|launch)|accelerate\.commands\.launch|deepspeed(\.launcher\.runner)?|pip|venv|uv)$/;
/** Flags whose value is a file, not the trainer script. */
const FILE_FLAG = /file|path|script|config|function|fn$/i;

const CLI: Readonly<Record<string, { kind: EntryKind; subs: RegExp }>> = lookupTable({
  trl: { kind: "trl", subs: /^(sft|dpo|grpo|kto|orpo|cpo|reward|rloo|ppo|online_dpo|xpo|nash_md|gkd|bco)$/ },
  "llamafactory-cli": { kind: "llama-factory", subs: /^train$/ },
  lmf: { kind: "llama-factory", subs: /^train$/ },
  // `swift export --merge_lora true` / `swift merge-lora` fold an adapter, `swift export --quant_method awq` quantises
  // (command-merge.ts).
  swift: { kind: "swift", subs: /^(sft|pt|rlhf|export|merge-lora)$/ },
  tune: { kind: "torchtune", subs: /^run$/ },
  axolotl: { kind: "axolotl", subs: /^train$/ },
  litgpt: { kind: "litgpt", subs: LITGPT_TRAINING },
  // `xtuner train CONFIG` trains; `xtuner convert merge LLM ADAPTER SAVE` folds an adapter into its base
  // (command-merge.ts).
  xtuner: { kind: "xtuner", subs: /^(?:convert|train)$/ },
  // `autotrain llm --train …` (Hugging Face AutoTrain's CLI; read-autotrain.ts).
  autotrain: { kind: "autotrain", subs: /^llm$/ },
  // `lmdeploy lite auto_awq MODEL --work-dir OUT` quantises (read-quantize-code.ts).
  lmdeploy: { kind: "lmdeploy", subs: /^lite$/ },
});

function entryAt(words: Word[], i: number): Entry | undefined {
  const w = words[i] as Word;
  const text = w.text;
  const prev = words[i - 1]?.text ?? "";
  // A file flag's value (`--config_file x.py`), unless the flag carries its own (`--deepspeed_config_file=ds.json
  // trainer.py`: blind dev g9-rcp-polyglot-ko-128b-lora-r16-deepspeed-trainer-sh).
  const flagValue = prev.startsWith("-") && !prev.includes("=") && FILE_FLAG.test(prev);
  if (/\.py$/i.test(text) && !LAUNCHER_SCRIPTS.test(text) && !flagValue)
    return { kind: "script", name: text, line: w.line, args: i + 1 };
  if ((text === "-m" || text === "--module") && words[i + 1]) {
    const mod = (words[i + 1] as Word).text;
    if (/^[A-Za-z_][\w.]*$/.test(mod) && !LAUNCHER_MODULES.test(mod))
      return { kind: "module", name: mod, line: w.line, args: i + 2 };
  }
  // A notebook cell runs a shell command after `!` (`!autotrain llm --train …`, `!llamafactory-cli train x.yaml`).
  const name = (text.split("/").pop() ?? text).replace(/^!/, "");
  // Own names only: `constructor`, `toString` or `__proto__` in a shell line are words, not trainer CLIs.
  const cli = Object.hasOwn(CLI, name) ? CLI[name] : undefined;
  const sub = words[i + 1]?.text;
  if (cli && sub && cli.subs.test(sub)) {
    if (cli.kind === "torchtune" && words[i + 2])
      return { kind: cli.kind, name: (words[i + 2] as Word).text, line: w.line, args: i + 3 };
    return { kind: cli.kind, name: sub, line: w.line, args: i + 2 };
  }
  return projectCli(words, i);
}

/** A training subcommand of a project's own command line tool, and what it may say of the method. */
const TRAIN_SUBCOMMAND = /^(?:finetune|fine-tune|fine_tune|sft)$/;
const MODE_WORD = /^(?:lora|qlora|dora|full)$/;
/** Flags that name the model a run loads, hyphens already read as underscores. */
const MODEL_FLAG =
  /^--(?:base[-_]model|model[-_]name[-_]or[-_]path|pretrained[-_]model[-_]name[-_]or[-_]path)(?:=|$)/;

/**
 * `lawgpt finetune lora --base-model bigscience/bloom-3b --data-path … --lora-r 8` (blind dev
 * g7-co-lawgpt-bloom-3b-lora): a project's own tool whose subcommand fine-tunes, with a flag naming the model it
 * loads. Read as that project's script would be; the mode word (`lora`) is part of its name.
 */
function projectCli(words: Word[], i: number): Entry | undefined {
  const program = (words[i] as Word).text;
  const sub = words[i + 1]?.text ?? "";
  if (!/^[a-z][\w-]{1,30}$/.test(program) || !TRAIN_SUBCOMMAND.test(sub)) return undefined;
  const mode = MODE_WORD.test(words[i + 2]?.text ?? "") ? (words[i + 2] as Word).text : undefined;
  const from = i + (mode ? 3 : 2);
  if (!words.slice(from).some((w) => MODEL_FLAG.test(w.text))) return undefined;
  const name = [program, sub, mode].filter(Boolean).join(" ");
  return { kind: "script", name, line: (words[i] as Word).line, args: from };
}

/**
 * Words one of which a shell text must hold for `entryAt` to find an entry point in it: `.py` (any case), `-m`
 * (also in `--module`) and the CLI names. Keep in step with `entryAt`.
 */
const ENTRY_WORDS = Object.keys(CLI);

/**
 * Can a command of this shell text have an entry point? Without a `$`, nothing is expanded, so every word is the
 * text's own characters less quotes, backslashes and line breaks: a text without any entry word once those are
 * taken out has none. A cheap test that spares splitting code blocks that run no trainer.
 */
export function mayHaveEntry(text: string): boolean {
  if (text.includes("$")) return true;
  const flat = text.replace(/["'\\\r\n]/g, "");
  return (
    flat.toLowerCase().includes(".py") ||
    flat.includes("-m") ||
    ENTRY_WORDS.some((w) => flat.includes(w)) ||
    /fine[-_]?tune|\bsft\b/.test(flat)
  );
}

/** The first entry point in the words that is not a launcher, or undefined when the command trains nothing. */
export function findEntry(words: Word[]): Entry | undefined {
  for (let i = 0; i < words.length; i++) {
    const e = entryAt(words, i);
    if (e) return e;
  }
  return undefined;
}

const isFlag = (t: string) => /^--?[A-Za-z]/.test(t);
const REDIRECT = /^\d*[<>]/;

function put(a: Args, key: string, values: unknown[], line: number): void {
  const k = key.replace(/^[+~]+/, "");
  a.obj[k] = values.length === 0 ? true : values.length === 1 ? values[0] : values;
  a.lines.set(k, line);
}

/** The arguments from `words[from]` on. A value that depends on something unknown drops its flag. */
export function parseArgs(words: Word[], from: number): Args {
  const a: Args = { obj: {}, lines: new Map(), positional: [] };
  let i = from;
  while (i < words.length) {
    const w = words[i] as Word;
    const t = w.text;
    if (REDIRECT.test(t)) {
      i += /^\d*[<>]+$/.test(t) ? 2 : 1;
      continue;
    }
    const eq = /^--([A-Za-z][\w.-]*)=(.*)$/s.exec(t);
    if (eq?.[1]) {
      if (!w.unknown) put(a, eq[1].replaceAll("-", "_"), [parseLooseValue(eq[2] ?? "")], w.line);
      i++;
      continue;
    }
    const long = /^--([A-Za-z][\w.-]*)$/.exec(t);
    if (long?.[1]) {
      const values: Word[] = [];
      let k = i + 1;
      while (
        k < words.length &&
        !isFlag((words[k] as Word).text) &&
        !REDIRECT.test((words[k] as Word).text)
      ) {
        const next = (words[k] as Word).text;
        if (
          /^[+~]*[A-Za-z_][\w-]*\.[\w.-]*=/.test(next) ||
          (values.length > 0 && /^[A-Za-z_][\w.-]*=/.test(next))
        )
          break;
        values.push(words[k] as Word);
        k++;
      }
      if (!values.some((v) => v.unknown))
        put(
          a,
          long[1].replaceAll("-", "_"),
          values.map((v) => parseLooseValue(v.text)),
          w.line,
        );
      i = k;
      continue;
    }
    const hydra = /^([+~]*[A-Za-z_][\w.-]*)=(.*)$/s.exec(t);
    if (hydra?.[1]) {
      if (!w.unknown) put(a, hydra[1], [parseLooseValue(hydra[2] ?? "")], w.line);
    } else if (!t.startsWith("-") && !w.unknown) a.positional.push(w);
    i++;
  }
  return a;
}
