/**
 * The Markdown body of a model card: hyperparameter lists and tables, framework versions, base-model phrases,
 * dataset mentions, method sentences and chains, quoted recipes and training code. Collects what it finds in a
 * `CardState`; `readCard` turns that into steps.
 */

import { parseDocument } from "yaml";
import { parseLooseValue } from "../model/hyperparameters.js";
import { spaceOr, trimEnd } from "../model/trim.js";
import type { Objective, Parameterization } from "../model/vocabulary.js";
import { readPythonSettings } from "./card-code-settings.js";
import { bracketedSettings, keyValue, parseListValue } from "./card-key-values.js";
import { headingObjective, readSentence } from "./card-sentence.js";
import { knownKey } from "./config-fields.js";
import { readBaseUnderHeading } from "./evidence/base-heading.js";
import type { MergeEvidence } from "./evidence/merge-prose.js";
import type { QuantEvidence } from "./evidence/quantized-upload.js";
import { extracted, type Fact, type FileFacts, fact, shiftLines } from "./facts.js";
import { type Block, innerHeading, sentences } from "./markdown.js";
import { blankNonCode, callArguments, findCalls, literal } from "./python-scan.js";
import type { ProseStep } from "./read-prose.js";
import { type RecipeKind, readRecipe, recipeKind } from "./read-recipe.js";
import { readSectionedConfig } from "./read-sectioned-config.js";
import { diffResult, isXtunerSettings, readXtunerConfig } from "./read-xtuner.js";
import { markCatalogues, outOfScopeSection } from "./section-scope.js";
import { simpleYamlMapping } from "./simple-yaml.js";
import { FRAMEWORK_NAMES } from "./terms.js";

export { knownKey };

type Obj = Record<string, unknown>;

/** Sections whose prose is not about how the model was trained. */
const SKIP_SECTION =
  /bias|risk|limitation|citation|cite|bibtex|evaluat|result|benchmark|performance|usage|how to use|inference|prompt|licen[cs]e|quanti[sz]ed|contact|acknowledg|disclaimer|download|example|leaderboard|quick ?start|install|contribut|chat template|out-of-scope/i;

/**
 * The card's title (its first heading, when that is a level-1 heading) names the model, not a section: "# Example
 * model" or "# Llama-3-8B quantized" does not make the prose under it a section to skip.
 */
function cardTitle(blocks: Block[]): string | undefined {
  const first = blocks.find((b) => b.headings.some(Boolean));
  return first?.headings[0] || undefined;
}

function sectionOk(block: Block, title: string | undefined): boolean {
  if (outOfScopeSection(block)) return false;
  const last = innerHeading(block);
  if (title !== undefined && last === title && block.headings.filter(Boolean).length === 1) return true;
  if (SKIP_SECTION.test(last) && !/train|fine-?tun|intended use/i.test(last)) return false;
  return true;
}

/** What the body says, gathered before steps are built. */
export interface CardState {
  file: string;
  out: FileFacts;
  prose: ProseStep[];
  chainBase?: string;
  hp: { key: string; value: unknown; line: number; objective?: Objective; confidence: number }[];
  embedded: FileFacts[];
  software: Fact<{ name: string; version?: string }>[];
  proseBases: Fact<string>[];
  /** A base named only by a name the table does not know (`name:…`): used when no reader finds one. */
  namedBase?: { base: Fact<string>; line: number };
  proseDatasets: Fact<string>[];
  /** Does the front matter list datasets (the last-resort data readers then stay silent)? */
  metaDatasets?: boolean;
  /**
   * Datasets only a card's bare Hub dataset links suggest (`dataset-link-fallback.ts`): put on the steps other
   * evidence gives, never a reason for a step of their own.
   */
  linkedDatasets: Fact<string>[];
  genericFineTune?: number;
  /** The line of a sentence saying the model was trained from scratch (pretraining: its data make no fine-tune). */
  fromScratch?: number;
  trainerObjective?: Fact<Objective>;
  /** The one parameterisation a sentence about training names ("using QLoRA"). */
  proseParameterization?: Fact<Parameterization>;
  /** Bits of the frozen base during adapter training, when the card says (QLoRA). */
  quantizationBits?: Fact<number>;
  /** What the card says of a merge (parents, method, base), in words or tables. */
  merge?: MergeEvidence;
  /** What the card says of a quantised re-upload (source, method, bits), in words. */
  quant?: QuantEvidence;
  /** The model the card says it published ("已发布至 HuggingFace：<link>"), in another language's words. */
  statedSubject?: Fact<string>;
  /** The line where the card says, in another language, that the trained adapter was merged into its base. */
  adapterMerge?: number;
  /** The objective each headings array of the card names (see `headingObjective`). */
  headingObjectives: Map<readonly string[], Objective | null>;
}

/** An empty card state for a file: where the evidence readers put what they find. */
export function newCardState(file: string, out: FileFacts): CardState {
  return {
    file,
    out,
    prose: [],
    hp: [],
    embedded: [],
    software: [],
    proseBases: [],
    proseDatasets: [],
    linkedDatasets: [],
    headingObjectives: new Map(),
  };
}

export function readBody(blocks: Block[], state: CardState): void {
  const title = cardTitle(blocks);
  const { file } = state;
  markCatalogues(blocks);
  // The block read before this one: a section's first block is the first under its headings.
  let previous: Block | undefined;
  for (const block of blocks) {
    if (block.type === "code") {
      readCode(block, state);
      continue;
    }
    const kv = block.type !== "prose" ? keyValue(block) : undefined;
    if (kv && knownKey(kv[0])) {
      const objective = headingObjective(block, state);
      const inner = bracketedSettings(kv[1]).filter(([key]) => knownKey(key) && key !== kv[0]);
      // The value is what comes before the bracket that held the other settings.
      const value = inner.length > 0 ? trimEnd(kv[1].slice(0, kv[1].indexOf("(")), spaceOr("`")) : kv[1];
      state.hp.push({
        key: kv[0],
        value: parseListValue(value),
        line: block.line,
        objective,
        confidence: 0.9,
      });
      for (const [key, v] of inner)
        state.hp.push({ key, value: parseLooseValue(v), line: block.line, objective, confidence: 0.9 });
      continue;
    }
    if (kv) readMethodLabel(kv, block.line, state);
    const lastHeading = innerHeading(block);
    if (/framework versions?/i.test(lastHeading) && block.type === "item") {
      const m = /^\**([A-Za-z][\w.-]*)\**\s*:?\s*v?(\d[\w.+-]*)?/.exec(block.text);
      const name = m?.[1] ? FRAMEWORK_NAMES[m[1].toLowerCase()] : undefined;
      if (name)
        state.software.push(
          fact(
            { name, ...(m?.[2] ? { version: m[2] } : {}) },
            extracted(file, { line: block.line, field: "Framework versions" }),
          ),
        );
      continue;
    }
    if (block.type === "table") continue;
    if (!sectionOk(block, title)) continue;
    readBaseUnderHeading(block, state, block.headings !== previous?.headings);
    previous = block;
    for (const sentence of sentences(block.text)) readSentence(sentence, block, state);
  }
}

/** A YAML block is only parsed when it has a key that recipes start with. */
const RECIPE_KEY =
  /^[^\S\n\r\u2028\u2029]*(?:merge_method|slices|models|experts|base_model|model_name_or_path|stage|finetuning_type|adapter|rl|datasets|dataset_mixer|dataset_mixture|learning_rate)\s*:/m;

/** A quoted YAML block in full (what `simpleYamlMapping` leaves); undefined when it does not parse. */
function parseYamlBlock(text: string): unknown {
  const doc = parseDocument(text, { prettyErrors: false, logLevel: "error" });
  return doc.errors.length > 0 ? undefined : (doc.toJS({ maxAliasCount: 100 }) as unknown);
}

/** Labels of the line that says how the model was fine-tuned ("**Fine-tuning method:** LoRA (merged weights)"). */
const METHOD_LABEL =
  /^(?:(?:fine_?tuning|finetuning|training|tuning|peft|adaptation)_)?(?:method|technique|approach)$|^adaptation$/;
const PARAM_WORDS: [RegExp, Parameterization][] = [
  [/\bqlora\b/i, "qlora"],
  [/\bdora\b/i, "dora"],
  [/\blora\b/i, "lora"],
  [/\bfull(?:[- ]parameter)?(?: fine-?tuning)?\b/i, "full"],
];

/**
 * A labelled line that names how the model was fine-tuned (blind dev g10-noorg-gemma3-270m-greek-lora-six-dataset-table:
 * "**Fine-tuning method:** LoRA (merged weights) via Unsloth"): its one parameterisation (0.8), and an adapter merge
 * when it says the weights were merged. A value naming several methods says none.
 */
function readMethodLabel(kv: [string, string], line: number, state: CardState): void {
  if (!METHOD_LABEL.test(kv[0])) return;
  const value = kv[1];
  const found = PARAM_WORDS.filter(([re]) => re.test(value)).map(([, p]) => p);
  const one = found.length === 1 || (found.length === 2 && found.includes("qlora") && found.includes("lora"));
  const param = one ? found[0] : undefined;
  if (param && !state.proseParameterization)
    state.proseParameterization = fact(
      param,
      extracted(state.file, { line, confidence: 0.8, note: "the card's fine-tuning method line" }),
    );
  if (param && param !== "full" && /\bmerged?\b/i.test(value)) state.adapterMerge ??= line;
}

function readCode(block: Block, state: CardState): void {
  const { file } = state;
  const heading = innerHeading(block);
  const lone = block.text.trim();
  if (
    /base model|parent model|original model|기반 모델|foundation model/i.test(heading) &&
    /^[\w.-]+\/[\w.-]+$/.test(lone)
  ) {
    state.proseBases.push(
      fact(
        lone,
        extracted(file, { line: block.line, confidence: 0.8, note: `under the heading "${heading}"` }),
      ),
    );
    return;
  }
  // A config quoted as YAML, or as plain text (`text` blocks: dev s4-int-qwen05b-dpo-tiny-from-sft-adapter).
  if (/^(ya?ml|text|txt|plaintext|)$/.test(block.lang ?? "") && RECIPE_KEY.test(block.text)) {
    const obj = simpleYamlMapping(block.text) ?? parseYamlBlock(block.text);
    if (typeof obj !== "object" || obj === null || Array.isArray(obj)) return;
    const kind = recipeKind(obj as Obj);
    if (kind) embedRecipe(kind, obj as Obj, block, state);
    else embedSectioned(obj as Obj, block, state);
    return;
  }
  if (readXtunerBlock(block, state)) return;
  if (/^(python|py|)$/.test(block.lang ?? "") && readDictRecipe(block, state)) return;
  readPythonSettings(block, state);
}

/**
 * LLaMA-Factory's notebook form: the run's settings as `args = dict(stage="sft", model_name_or_path=…,
 * finetuning_type="lora", …)`, then written to a JSON file for `llamafactory-cli train` (dev
 * s7-card-llama3-8b-lawyer-legal-qa-lf-lora8bit). A `dict(...)` of literals that reads as a recipe is one.
 */
function readDictRecipe(block: Block, state: CardState): boolean {
  if (!block.text.includes("dict(")) return false;
  for (const call of findCalls(blankNonCode(block.text), (n) => n === "dict")) {
    const obj: Obj = {};
    for (const [key, raw] of callArguments(call.args).keywords) {
      const value = literal(raw);
      if (value !== undefined) obj[key] = value;
    }
    const kind = recipeKind(obj);
    if (kind !== "llama-factory") continue;
    embedRecipe(kind, obj, block, state);
    return true;
  }
  return false;
}

/**
 * XTuner's settings quoted in a card, whole or as the diff a tutorial shows (dev
 * t8-ne-zh-xtuner-internlm2-chat-7b-qlora-aristotle-merge): read as the config file would be (read-xtuner.ts).
 */
function readXtunerBlock(block: Block, state: CardState): boolean {
  if (!block.text.includes("pretrained_model_name_or_path")) return false;
  const text = diffResult(block.text) ?? block.text;
  if (!isXtunerSettings(text)) return false;
  const inner = readXtunerConfig({ path: state.file, text });
  for (const step of inner.steps) shiftLines(step, block.line - 1);
  state.embedded.push(inner);
  return true;
}

/** A project's sectioned config quoted in the card (read-sectioned-config.ts), read as its own file would be. */
function embedSectioned(obj: Obj, block: Block, state: CardState): void {
  const inner: FileFacts = { file: state.file, kind: "trl-recipe", bases: [], steps: [], warnings: [] };
  if (!readSectionedConfig(obj, state.file, block.text, inner)) return;
  for (const step of inner.steps) shiftLines(step, block.line - 1);
  state.embedded.push(inner);
}

/** A recipe quoted in the card's code block, read as its own file would be, its lines the card's. */
function embedRecipe(kind: RecipeKind, obj: Obj, block: Block, state: CardState): void {
  const inner: FileFacts = { file: state.file, kind, bases: [], steps: [], warnings: [] };
  readRecipe(kind, obj, state.file, block.text, inner);
  for (const step of inner.steps) shiftLines(step, block.line - 1);
  state.embedded.push(inner);
}
