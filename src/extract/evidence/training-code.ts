/**
 * Training code quoted in a card or tutorial (Python): the model the code loads to train
 * (`AutoModelForCausalLM.from_pretrained("Qwen/Qwen2-7B-Instruct")`, or a `model_name = "…"` it passes), and
 * keyword arguments of the training calls (`LoraConfig(r=8, lora_alpha=32, lora_dropout=0.1)`, a `TrainingArguments(…)`
 * over several lines, a project's own tuner: `LoraFineTuner(base_model="…", dataset_name="…", learning_rate=2e-4)`,
 * dev p-int-tinyllama-step1431k-guanaco-lora-log), whose string `base_model`/`model_name` and `dataset_name` name
 * the model and data. Only code that trains (a Trainer or tuner, `TrainingArguments`, `LoraConfig`,
 * `get_peft_model`) is read; inference snippets are not.
 */
import { type CardState, knownKey } from "../card-body.js";
import { extracted, fact } from "../facts.js";
import type { Block } from "../markdown.js";

const TRAINS =
  /\b(?:\w*Trainer|\w*Tuner|TrainingArguments|\w*Config)\s*\(|\bget_peft_model\s*\(|\btrainer\.train\s*\(/;
const LOADS_MODEL =
  /\bAutoModel\w*\.from_pretrained\(\s*(?:pretrained_model_name_or_path\s*=\s*)?(?:["']([^"'\n]{1,200})["']|([A-Za-z_]\w*))/;
const CALL_ARGS =
  /\b(?:LoraConfig|TrainingArguments|SFTConfig|DPOConfig|ORPOConfig|KTOConfig|GRPOConfig|Seq2SeqTrainingArguments|\w*Tuner|\w*Trainer)\s*\(([^()]{1,1500})\)/g;
/** A string model or dataset id given to a training call (`base_model="…"`, `dataset_name="…"`). */
const MODEL_KWARG =
  /\b(?:base_model|model_name|model_name_or_path|model_id)\s*=\s*["']([\w.-]{1,96}\/[\w.-]{1,96})["']/;
const DATA_KWARG = /\b(?:dataset_name|dataset_id|dataset)\s*=\s*["']([\w.-]{1,96}\/[\w.-]{1,96})["']/;
/** Sticky: tried only at the first letter of each word (unanchored, `[A-Za-z_]\w*` retried every letter of a long word). */
const KWARG = /([A-Za-z_]\w*)\s*=\s*("[^"]*"|'[^']*'|[\w.+-]+)/y;

/** The `key=value` pairs of an argument list: what `matchAll` of KWARG unanchored (and global) found. */
function* keywordArguments(text: string): Generator<RegExpExecArray> {
  let from = 0;
  for (const word of text.matchAll(/\w+/g)) {
    const index = word.index ?? 0;
    const letter = word[0].search(/[A-Za-z_]/);
    if (index < from || letter < 0) continue;
    KWARG.lastIndex = index + letter;
    const m = KWARG.exec(text);
    if (m) {
      from = KWARG.lastIndex;
      yield m;
    }
  }
}

function variableValue(code: string, name: string): string | undefined {
  const m = new RegExp(`^\\s*${name}\\s*=\\s*["']([^"'\\n]{1,200})["']`, "m").exec(code);
  return m?.[1];
}

export function readTrainingCode(blocks: Block[], state: CardState): void {
  for (const block of blocks) {
    if (
      block.type !== "code" ||
      !/^(python|py|ipython|)$/i.test(block.lang ?? "") ||
      !TRAINS.test(block.text)
    )
      continue;
    const at = (confidence: number) =>
      extracted(state.file, { line: block.line, confidence, note: "training code in the card" });
    const load = LOADS_MODEL.exec(block.text);
    const id = load?.[1] ?? (load?.[2] ? variableValue(block.text, load[2]) : undefined);
    if (id && state.proseBases.length === 0 && state.out.bases.length === 0)
      state.proseBases.push(fact(id, at(0.8)));
    for (const call of block.text.matchAll(CALL_ARGS)) {
      const named = MODEL_KWARG.exec(call[1] ?? "")?.[1];
      if (named && state.proseBases.length === 0 && state.out.bases.length === 0)
        state.proseBases.push(fact(named, at(0.8)));
      const data = DATA_KWARG.exec(call[1] ?? "")?.[1];
      if (data && !state.proseDatasets.some((d) => d.value === data))
        state.proseDatasets.push(fact(data, at(0.8)));
      for (const kw of keywordArguments(call[1] ?? "")) {
        const key = kw[1] ?? "";
        if (!knownKey(key) || state.hp.some((h) => h.key === key)) continue;
        state.hp.push({
          key,
          value: (kw[2] ?? "").replace(/^["']|["']$/g, ""),
          line: block.line,
          confidence: 0.8,
        });
      }
    }
  }
}
