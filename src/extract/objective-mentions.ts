/**
 * The training objectives and the parameterisation a piece of prose names, where it names them (`objectiveMentions`,
 * `parameterizationIn`): the objective patterns tried only on texts holding one of their words, the last texts' answers
 * kept for reuse.
 */
import type { Objective, Parameterization } from "../model/vocabulary.js";
import { parameterizationChoice } from "./prose-scope.js";
import { OBJECTIVE_PATTERNS, PARAMETERIZATION_PATTERNS } from "./terms.js";

/**
 * Words one of which each objective pattern's matches hold (lower case; `IPO` is matched by case), so that a text
 * without them skips the pattern. Keyed by the pattern's source: a pattern not listed is always tried.
 */
const PATTERN_WORDS: ReadonlyMap<string, readonly string[]> = new Map([
  ["\\bORPO\\b|odds[- ]ratio preference", ["orpo", "odds"]],
  ["\\bSimPO\\b", ["simpo"]],
  ["\\bKTO\\b|kahneman[- ]tversky", ["kto", "kahneman"]],
  ["\\bIPO\\b(?![- ]?\\w*(?:offering|market))", ["IPO"]],
  ["\\bCPO\\b|contrastive preference optimi[sz]ation", ["cpo", "contrastive"]],
  ["\\bGRPO\\b|group relative policy", ["grpo", "group relative"]],
  ["\\bRLOO\\b", ["rloo"]],
  ["\\bPPO\\b|proximal policy", ["ppo", "proximal"]],
  ["\\bDPO(?:Trainer)?\\b|direct \\w+ optimi[sz]ation|\\bAPO\\b", ["dpo", "direct", "apo"]],
  [
    "\\breward model(?:l?ing)\\b|\\btrain(?:ed|ing|s)? (?:a |the |our )?reward model\\b|\\bRM training\\b",
    ["reward", "rm training"],
  ],
  [
    "continu(?:ed|es|e|ing) pre-?training|continual(?:ly)? pre-?train(?:ed|ing)|further pre-?train(?:ed|ing)|domain-adaptive pre-?training",
    ["pretrain", "pre-train"],
  ],
  ["\\bdistill(?:ed|ation)\\b(?! data)", ["distill"]],
  [
    "\\bSFT(?:Trainer)?\\b|supervised fine-?tun\\w*|instruction[- ]tun\\w*|\\binstruct(?:ion)?[- ]SFT\\b|(?:initially|first) fine-?tuned",
    ["sft", "supervised", "instruction", "fine"],
  ],
]);
const GLOBAL_PATTERNS = OBJECTIVE_PATTERNS.map(
  ([pattern, objective]) =>
    [
      new RegExp(pattern.source, `${pattern.flags.replace("g", "")}g`),
      objective,
      PATTERN_WORDS.get(pattern.source),
    ] as const,
);
/** A cheap test that a text may name a method at all. */
const MAY_NAME_METHOD =
  /sft|dpo|orpo|kto|ipo|cpo|grpo|rloo|ppo|simpo|apo|direct|supervised|instruct|initially|first|reward|pre-?train|continu|distill|policy|preference|odds|kahneman|contrastive/i;

/** Does the text hold one of a pattern's words (`IPO` by case, the others in lower case)? */
function mayMatch(words: readonly string[], text: string, lower: string): boolean {
  for (const w of words) if ((w === "IPO" ? text : lower).includes(w)) return true;
  return false;
}

type ObjectiveMention = { objective: Objective; index: number };

/**
 * The last texts asked about and their answers: a sentence is asked about again as itself, without its
 * parentheses and as its one clause. The arrays are shared: callers only read them.
 */
const recentMentions: { text: string; found: readonly ObjectiveMention[] }[] = [];

/** The objectives a text names, with their positions (an array not to be changed). */
export function objectiveMentions(text: string): readonly ObjectiveMention[] {
  for (const r of recentMentions) if (r.text === text) return r.found;
  const found = findObjectiveMentions(text);
  if (recentMentions.length >= 4) recentMentions.shift();
  recentMentions.push({ text, found });
  return found;
}

function findObjectiveMentions(text: string): ObjectiveMention[] {
  const found: ObjectiveMention[] = [];
  if (!MAY_NAME_METHOD.test(text)) return found;
  // Positions already taken (a mention within 2 characters of another is the same mention): a set, so that a
  // text naming a method thousands of times stays linear.
  const taken = new Set<number>();
  const near = (i: number) =>
    taken.has(i) || taken.has(i - 1) || taken.has(i + 1) || taken.has(i - 2) || taken.has(i + 2);
  const lower = text.toLowerCase();
  for (const [re, objective, words] of GLOBAL_PATTERNS) {
    if (words && !mayMatch(words, text, lower)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const index = m.index ?? 0;
      // Part of a name (`capybara-dpo`, `dpo_en_demo`, a URL), not a claim about the method.
      const before = text[index - 1] ?? " ";
      const after = text.slice(index + m[0].length, index + m[0].length + 2);
      // "GRPO-trained", "DPO-tuned" say the method; "capybara-dpo", "dpo-mix" are names.
      const said =
        after[0] === "-" &&
        /^-(?:trained|tuned|aligned|fine-?tuned)\b/i.test(
          text.slice(index + m[0].length, index + m[0].length + 14),
        );
      if (/[-_/.=]/.test(before) || /^[_/.]\w/.test(after) || (/^-[a-z0-9]/.test(after) && !said)) continue;
      if (near(index)) continue;
      taken.add(index);
      found.push({ objective, index });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

export function parameterizationIn(text: string): Parameterization | undefined {
  // "LoRA/QLoRA", "LoRA or full fine-tuning": alternatives, not the one used.
  if (parameterizationChoice(text)) return undefined;
  for (const [pattern, p] of PARAMETERIZATION_PATTERNS) if (pattern.test(text)) return p;
  return undefined;
}
