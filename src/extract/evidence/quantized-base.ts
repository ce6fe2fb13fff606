/**
 * Evidence that an adapter was trained over a quantised frozen base (QLoRA): the PEFT card's "bitsandbytes
 * quantization config was used during training" list (`- load_in_4bit: True`), or training code that builds a
 * `BitsAndBytesConfig(load_in_4bit=True)` next to a trainer or `LoraConfig`. Inference snippets that load the
 * model in 4 bits say nothing about training and are not read.
 */
import type { CardState } from "../card-body.js";
import { extracted, fact } from "../facts.js";
import { type Block, sentences } from "../markdown.js";

const LIST_ITEM = /^load_in_(4|8)bit\s*:\s*true\b/i;

/** The field the bits of PEFT's card-template list are recorded under (`- load_in_4bit: True`). */
const templateField = (bits: string): string => `load_in_${bits}bit`;

/**
 * Were these bits read from PEFT's card-template list ("The following `bitsandbytes` quantization config was used
 * during training: - load_in_4bit: True")? That list says the base was loaded so while the adapter trained.
 */
export function fromPeftTemplate(source: { field?: string }): boolean {
  return source.field === templateField("4") || source.field === templateField("8");
}
const TRAINING_CODE =
  /\b(?:SFTTrainer|DPOTrainer|Trainer|TrainingArguments|LoraConfig|get_peft_model|prepare_model_for_kbit_training)\s*\(/;
const BNB_CONFIG = /\bBitsAndBytesConfig\s*\(/;
const TRAINING_HEADING = /\btrain|fine-?tun|\bprocedure\b|hyper-?param/i;
const CODE_BITS = /\bload_in_(4|8)bit\s*=\s*True\b/;

/**
 * LoRA stated over a 4- or 8-bit base in a line of prose, in any language: dev k-ne-es-newtubes-deepseek-r1-lora-4bit
 * ("**Ajuste Fino**: Usando LoRA en 4-bit (optimizado para GPU T4)").
 */
export const PROSE_BITS = /\blora\s+(?:en|in|em|com|con|with|mit|avec|на|в)\s+(4|8)[- ]?bits?\b/i;

/**
 * LoRA joined to a quantisation in one phrase: "LoRA+BitsAndBytes 量化低资源微调" (dev
 * s1-ne-zh-train-llama-llama31-8b-bnb-lora), "LoRA + 4-bit", "bnb + LoRA". 4 bits unless the phrase says 8.
 */
const JOINED_BITS =
  /\bLoRA ?[+&] ?(?:BitsAndBytes|bnb|NF4|([48])[- ]?bit)\b|\b(?:BitsAndBytes|bnb|NF4|([48])[- ]?bit) ?[+&] ?LoRA\b/i;

/**
 * A sentence of a training walkthrough that loads the base in 4 or 8 bits and trains it ("We'll load the Llama 2
 * model directly in 4-bit precision using the NF4 type and train it for one epoch"), or that gives QLoRA's rank
 * ("QLoRA will use a rank of 64 with a scaling parameter of 16"): the two sentences of a widely copied Llama 2
 * QLoRA tutorial (dev t4-nn-llama2-7b-chat-hf-qlora-guanaco-readme). Each is tested by simple patterns, not one
 * bounded gap.
 */
function sentenceBits(sentence: string): number | undefined {
  const precision = /\bin ([48])[- ]?bit precision\b/i.exec(sentence);
  if (precision && /\bload/i.test(sentence) && /\btrain/i.test(sentence)) return Number(precision[1]);
  if (/\bQLoRA\b/.test(sentence) && /\brank (?:of )?\d/i.test(sentence)) return 4;
  return undefined;
}

function proseBits(text: string): { bits: number; note: string } | undefined {
  const m = PROSE_BITS.exec(text);
  if (m) return { bits: Number(m[1]), note: "LoRA over a quantised base, in prose" };
  const joined = JOINED_BITS.exec(text);
  if (joined)
    return { bits: Number(joined[1] ?? joined[2] ?? 4), note: "LoRA joined to a quantisation, in prose" };
  // Cheap test first: both sentence forms need "bit" or "QLoRA" (most blocks have neither).
  if (!/bit|qlora/i.test(text)) return undefined;
  for (const sentence of sentences(text)) {
    const bits = sentenceBits(sentence);
    if (bits) return { bits, note: "a training walkthrough loads the base quantised" };
  }
  return undefined;
}

export function readQuantizedBase(blocks: Block[], state: CardState): void {
  if (state.quantizationBits) return;
  for (const [i, block] of blocks.entries()) {
    if (block.type === "item" || block.type === "prose") {
      const found = proseBits(block.text);
      if (found) {
        state.quantizationBits = fact(
          found.bits,
          extracted(state.file, { line: block.line, confidence: 0.8, note: found.note }),
        );
        return;
      }
    }
    const heading = block.headings.filter(Boolean).pop() ?? "";
    if (block.type === "item" && /training procedure|quantization/i.test(heading)) {
      const m = LIST_ITEM.exec(block.text.trim());
      if (m) {
        state.quantizationBits = fact(
          Number(m[1]),
          extracted(state.file, { line: block.line, field: templateField(m[1] ?? "4"), confidence: 0.9 }),
        );
        return;
      }
    }
    // Code under a training heading, also pasted as a list item whose arguments go on in the next block: dev
    // x2-card-text2cypher-gemma2-9b-it-neo4j-mirror, "* bnb_config = BitsAndBytesConfig(\n    load_in_4bit=True," under
    // "#### Training Hyperparameters".
    const pasted =
      TRAINING_HEADING.test(heading) &&
      (block.type === "code" ||
        BNB_CONFIG.test(block.text) ||
        BNB_CONFIG.test(blocks[i - 1]?.text.slice(-200) ?? ""));
    if ((block.type === "code" && TRAINING_CODE.test(block.text)) || pasted) {
      const m = CODE_BITS.exec(block.text);
      if (m) {
        state.quantizationBits = fact(
          Number(m[1]),
          extracted(state.file, {
            line: block.line,
            field: `BitsAndBytesConfig(load_in_${m[1]}bit)`,
            confidence: 0.8,
            note: "training code in the card",
          }),
        );
        return;
      }
    }
  }
}
