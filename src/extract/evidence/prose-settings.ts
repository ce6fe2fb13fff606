/**
 * Training settings a card states in English sentences: "with a learning rate of 2e-4", "lr 2e-5", "a batch size
 * of 16" (a global, total or effective one apart), "LoRA rank of 8", "r=16, alpha=32", "gradient accumulation of
 * 4", "a max sequence length of 2048", "a warmup ratio of 0.03", "100 warmup steps", "a cosine schedule", "seed 42",
 * "beta of 0.1" (beside a preference objective), "for 1,000 steps".
 * Only in sentences about this model's training (a training word, no evaluation or inference word) and outside
 * out-of-scope sections; settings a list, table or config gives come first (`addHp` keeps the first value).
 */
import type { CardState } from "../card-body.js";
import { type Block, sentences } from "../markdown.js";
import { outOfScopeSection } from "../section-scope.js";
import { addHp } from "./ml-values.js";

const NUMBER = String.raw`(\d+(?:\.\d+)?(?:e-?\d+)?)`;
const JOIN = String.raw`\s{0,2}(?:of|=|:|was|is|set to|at)?\s{0,2}(?:of\s)?\s{0,2}`;

/** Setting patterns: the trainer's key each gives, and the words that must be near for it to be read. */
const SETTINGS: readonly { key: string; re: RegExp; needs?: RegExp }[] = [
  { key: "learning_rate", re: new RegExp(String.raw`\b(?:learning[ _-]rate|lr)${JOIN}${NUMBER}\b`, "i") },
  {
    key: "total_train_batch_size",
    re: new RegExp(
      String.raw`\b(?:global|total|effective)\s(?:train(?:ing)?\s)?batch[ _-]size${JOIN}(\d+)\b`,
      "i",
    ),
  },
  {
    key: "per_device_train_batch_size",
    re: new RegExp(
      String.raw`(?<!global\s|total\s|effective\s)\b(?:per[- ]device\s)?batch(?:[ _-]size)?${JOIN}(\d+)\b`,
      "i",
    ),
  },
  {
    key: "lora_r",
    re: new RegExp(String.raw`\b(?:lora\s)?rank${JOIN}(\d+)\b|\br\s?=\s?(\d+)\b`, "i"),
    needs: /lora|adapter|peft/i,
  },
  {
    key: "lora_alpha",
    re: new RegExp(String.raw`\b(?:lora[ _])?alpha${JOIN}(\d+)\b`, "i"),
    needs: /lora|adapter|peft/i,
  },
  {
    key: "gradient_accumulation_steps",
    re: new RegExp(String.raw`\bgradient[ _]accumulation(?:[ _]steps)?${JOIN}(\d+)\b`, "i"),
  },
  {
    key: "max_seq_length",
    re: new RegExp(
      String.raw`\b(?:max(?:imum)?[ _](?:sequence|seq)[ _]length|max_seq_len(?:gth)?|cutoff[ _]len(?:gth)?)${JOIN}(\d+)\b`,
      "i",
    ),
  },
  { key: "warmup_ratio", re: new RegExp(String.raw`\bwarm-?up[ _]ratio${JOIN}${NUMBER}\b`, "i") },
  {
    key: "warmup_steps",
    re: /\b(\d+)\swarm-?up\ssteps\b|\bwarm-?up[ _]steps\s{0,2}(?:of|=|:)?\s{0,2}(\d+)\b/i,
  },
  {
    key: "lr_scheduler_type",
    re: /\b(cosine|linear|constant)\s(?:learning[ -]rate\s)?(?:schedule|scheduler|decay|annealing)\b/i,
  },
  { key: "num_train_epochs", re: /\b(\d{1,3}(?:\.\d+)?)\s?epochs?\b/i },
  { key: "seed", re: /\b(?:random\s)?seed\s{0,2}(?:of|=|:)?\s{0,2}(\d+)\b/i },
  {
    key: "beta",
    re: new RegExp(String.raw`\b(?:dpo[ _])?beta${JOIN}${NUMBER}\b`, "i"),
    needs: /\b(?:DPO|IPO|KTO|ORPO|SimPO|CPO|preference)\b/i,
  },
  {
    key: "max_steps",
    re: /\bfor\s(\d{1,3}(?:,\d{3})+|\d{2,7})\s(?:training\s|optimi[sz]ation\s|gradient\s)?steps\b/i,
  },
];

const TRAINING = /\b(?:fine-?tun|finetun|train|sft|dpo|orpo|kto|grpo|q?lora|adapter|hyper-?param)\w*/i;
const NOT_TRAINING =
  /\b(?:evaluat|inference|generat|decod|serv(?:e|ing)|benchmark|sampling|temperature|results?|loss|compar|best|recommend|suggest)\w*/i;
/** An English sentence (the other languages' settings are read by their own readers). */
const ENGLISH = /\b(?:the|with|and|we|our|was|were|using|used|for|of|on|to|in)\b/i;

export function readProseSettings(blocks: Block[], state: CardState): void {
  for (const block of blocks) {
    if ((block.type !== "prose" && block.type !== "item") || outOfScopeSection(block)) continue;
    if (!/\d/.test(block.text)) continue;
    const heading = block.headings[block.headings.length - 1] ?? "";
    for (const sentence of sentences(block.text)) {
      if (!/\d/.test(sentence) || NOT_TRAINING.test(sentence) || !ENGLISH.test(sentence)) continue;
      if (!TRAINING.test(sentence) && !TRAINING.test(heading)) continue;
      for (const { key, re, needs } of SETTINGS) {
        if (needs && !needs.test(sentence) && !needs.test(heading)) continue;
        const m = re.exec(sentence);
        const value = m?.slice(1).find((v) => v !== undefined);
        // A range ("batch_size 1-4") is no setting.
        if (!m || !value || /^\s?[-–~]\s?\d/.test(sentence.slice(m.index + m[0].length))) continue;
        addHp(state, key, value.replace(/,/g, ""), block.line, 0.7);
      }
    }
  }
}
