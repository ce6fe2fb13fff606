/**
 * Hugging Face model cards: YAML front matter (base_model, base_model_relation, datasets, license, tags,
 * library_name, model-index) and the Markdown body (Trainer/TRL hyperparameter lists, framework versions,
 * prose chains, embedded recipes and training code).
 */
import { parseDocument } from "yaml";
import { hyperparameterKeyFor } from "../model/hyperparameters.js";
import type { Objective } from "../model/vocabulary.js";
import { ADAPTER_KEYS, OTHER_HYPERPARAMETERS, readTrainingKeys } from "./config-fields.js";
import { emptyStep, extracted, type Fact, type FileFacts, fact, inferred, type StepFacts } from "./facts.js";
import { type Block, hubLink, links, parseCard, sentences } from "./markdown.js";
import { mergeStepInto } from "./merge-steps.js";
import {
  arrowChain,
  mentions,
  objectiveMentions,
  type ProseStep,
  parameterizationIn,
  sentenceSteps,
} from "./read-prose.js";
import { readRecipe, recipeKind } from "./read-recipe.js";
import {
  FRAMEWORK_NAMES,
  GGUF_TYPE,
  MERGE_METHOD_WORDS,
  OBJECTIVE_ORDER,
  OBJECTIVE_WORDS,
  PREFERENCE_DATASET,
  PREFERENCE_OBJECTIVES,
  PRETRAINING_CORPORA,
  QUANT_PATTERNS,
  TRAINING_FRAMEWORKS,
} from "./terms.js";

type Obj = Record<string, unknown>;
const str = (v: unknown): string | undefined =>
  typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
const strings = (v: unknown): string[] =>
  (Array.isArray(v) ? v : [v]).map((x) => (typeof x === "string" ? x.trim() : "")).filter((x) => x !== "");

/** Tags of quantised re-uploads in formats outside the quantisation vocabulary (FP8, INT4 w4a16, NVFP4, …). */
const OTHER_QUANT_TAG =
  /\b(quantized|quantised|fp8|int4|int8|w4a16|w8a8|w4a4|nvfp4|mxfp4|compressed-tensors|4-bit|8-bit)\b/i;
/** "This model is a quantized version of [X]", "a GGUF conversion of [X]". */
const QUANTIZED_PROSE =
  /\bquanti[sz]ed (?:version|copy|variant|build) of\b|\b(?:GGUF|GPTQ|AWQ|EXL2|MLX|ONNX) (?:conversion|version|quants?) of\b/i;

/** Sections whose prose is not about how the model was trained. */
const SKIP_SECTION =
  /bias|risk|limitation|citation|cite|bibtex|evaluat|result|benchmark|performance|usage|how to use|inference|prompt|licen[cs]e|quanti[sz]ed|contact|acknowledg|disclaimer|download|example|leaderboard|quick ?start|install|contribut|chat template|out-of-scope/i;
const BASE_PHRASE =
  /(?:fine-?tuned version of|fine-?tuned (?:from|on top of)|fine-?tune of|finetuned on top of|based on|built (?:on|upon)(?: top of)?|derived from|initiali[sz]ed from|continued from|further (?:fine-?)?trained (?:from|on top of)|finetuned from model(?: \[optional\])?\s*:?\**\s*:?)\s*(?:the\s+)?$/i;

function sectionOk(block: Block): boolean {
  const inner = block.headings.filter(Boolean);
  const last = inner[inner.length - 1] ?? "";
  if (SKIP_SECTION.test(last) && !/train|fine-?tun|intended use/i.test(last)) return false;
  return true;
}

/** Normalised dataset name for matching prose names to metadata ids (`stingning/ultrachat` ~ `ultrachat_200k`). */
export function datasetKey(id: string): string {
  return (id.split("/").pop() ?? id).toLowerCase().replace(/[^a-z0-9]/g, "");
}

function sameDataset(a: string, b: string): boolean {
  const x = datasetKey(a);
  const y = datasetKey(b);
  if (x === "" || y === "") return false;
  return x === y || (x.length >= 5 && y.startsWith(x)) || (y.length >= 5 && x.startsWith(y));
}

function isPretrainingCorpus(id: string): boolean {
  const key = datasetKey(id);
  return PRETRAINING_CORPORA.some(
    (c) => key === c.replace(/[^a-z0-9]/g, "") || key.startsWith(c.replace(/[^a-z0-9]/g, "")),
  );
}

/** Names people write in cards' own lists (`**Epoch:** 1`, `Gradient Accumulation: 16`). */
const CARD_ALIASES: Readonly<Record<string, string>> = {
  epoch: "num_train_epochs",
  gradient_accumulation: "gradient_accumulation_steps",
  mixed_precision: "precision",
  lora_rank: "lora_rank",
  rank: "lora_rank",
  alpha: "lora_alpha",
  dropout: "lora_dropout",
  batch_size_per_device: "per_device_train_batch_size",
  global_batch_size: "total_train_batch_size",
  warmup: "warmup_ratio",
};

/** `- learning_rate: 5e-07`, `* lora_alpha=16`, `| learning_rate | 2e-5 |` → [key, value]. */
function keyValue(block: Block): [string, string] | undefined {
  if (block.type === "table") {
    const cells = block.text.split("|").map((c) => c.trim().replace(/[*`]/g, ""));
    const [key, value] = [cells[1], cells[2]];
    return key && value !== undefined && /^[\w .-]+$/.test(key)
      ? [key.trim().replace(/\s+/g, "_"), value]
      : undefined;
  }
  const m = /^[*`]*([A-Za-z_][\w.-]*(?: [A-Za-z][\w.-]*){0,3}?)[*`]*\s*(?::|=)\s*[*`]*\s*(.+)$/.exec(
    block.text.trim(),
  );
  if (!m?.[1] || m[2] === undefined) return undefined;
  const key = m[1]
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  return [
    CARD_ALIASES[key] ?? key,
    m[2]
      .trim()
      .replace(/^["'`]|["'`,]$/g, "")
      .replace(/^["'`]|["'`]$/g, ""),
  ];
}

function knownKey(key: string): boolean {
  const lower = key.toLowerCase();
  return (
    hyperparameterKeyFor(key) !== undefined ||
    lower in ADAPTER_KEYS ||
    OTHER_HYPERPARAMETERS.has(lower) ||
    lower === "bf16" ||
    lower === "fp16"
  );
}

function parseListValue(raw: string): unknown {
  const v = raw.trim();
  if (/^\[.*\]$/.test(v)) {
    try {
      return JSON.parse(v.replace(/'/g, '"'));
    } catch {
      return v;
    }
  }
  return v;
}

const headingCache = new Map<string, Objective | null>();

/** The objective a heading names (`Training hyperparameters (DPO)`), if any. */
function headingObjective(block: Block): Objective | undefined {
  const key = block.headings.join("\u0000");
  const cached = headingCache.get(key);
  if (cached !== undefined) return cached ?? undefined;
  let found: Objective | null = null;
  for (const h of [...block.headings].reverse()) {
    const o = objectiveMentions(h)[0]?.objective;
    if (o) {
      found = o;
      break;
    }
  }
  if (headingCache.size > 10_000) headingCache.clear();
  headingCache.set(key, found);
  return found ?? undefined;
}

interface CardState {
  file: string;
  out: FileFacts;
  prose: ProseStep[];
  chainBase?: string;
  hp: { key: string; value: unknown; line: number; objective?: Objective; confidence: number }[];
  embedded: FileFacts[];
  software: Fact<{ name: string; version?: string }>[];
  proseBases: Fact<string>[];
  proseDatasets: Fact<string>[];
  genericFineTune?: number;
  trainerObjective?: Fact<Objective>;
}

function readBody(blocks: Block[], state: CardState): void {
  const { file } = state;
  for (const block of blocks) {
    if (block.type === "code") {
      readCode(block, state);
      continue;
    }
    const kv = block.type !== "prose" ? keyValue(block) : undefined;
    if (kv && knownKey(kv[0])) {
      state.hp.push({
        key: kv[0],
        value: parseListValue(kv[1]),
        line: block.line,
        objective: headingObjective(block),
        confidence: 0.9,
      });
      continue;
    }
    const lastHeading = block.headings.filter(Boolean).pop() ?? "";
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
    if (!sectionOk(block)) continue;
    for (const sentence of sentences(block.text)) readSentence(sentence, block, state);
  }
}

const TRAINING_VERB =
  /\b(?:train|tun|fine-?tun|finetun|align|sft|dpo|optimi[sz]|distill)\w*|\bon the\b|\busing\b/i;
const PAPER_LINK =
  /\[([^\]]*)\]\((https?:\/\/(?:arxiv\.org|huggingface\.co\/papers|papers\.nips\.cc|openreview\.net|aclanthology\.org)[^)]*)\)/g;

function readSentence(raw: string, block: Block, state: CardState): void {
  const { file } = state;
  // Titles of papers (`[Direct Preference Optimization: … a Reward Model](arxiv)`) are not claims about this model.
  const sentence = raw.replace(PAPER_LINK, "[paper]($2)");
  const delinked = sentence.replace(/\[[^\]]*\]\([^)]*\)/g, " it ").replace(/https?:\/\/\S+/g, " ");
  // Bases: "fine-tuned version of [X]", "Finetuned from model: X", "based on X".
  const found = mentions(sentence);
  for (const m of found) {
    if (m.kind !== "model") continue;
    const before = sentence
      .slice(Math.max(0, m.index - 60), m.index)
      .replace(/[[*`_]+$/g, "")
      .replace(/\*\*/g, "");
    if (BASE_PHRASE.test(before))
      state.proseBases.push(
        fact(m.id, extracted(file, { line: block.line, confidence: 0.8, note: "named in the card's prose" })),
      );
  }
  if (/\b(results?|evaluat\w*|benchmark\w*|leaderboard)\b/i.test(sentence)) return;
  for (const m of found)
    if (m.kind === "dataset" && !/^open-llm-leaderboard\//i.test(m.id) && TRAINING_VERB.test(delinked))
      state.proseDatasets.push(fact(m.id, extracted(file, { line: block.line, confidence: 0.7 })));
  // Trainer's generated sentence: "… on the tcm, the mdk and the NLI datasets."
  const named = /\bon the ([\w./-]+(?:(?:,| and) the [\w./-]+)*) datasets?\b/i.exec(
    sentence.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1"),
  );
  if (named?.[1] && /fine-?tuned version of|trained on/i.test(sentence)) {
    for (const name of named[1]
      .split(/,\s*(?:and\s+)?|\s+and\s+/)
      .map((n) => n.replace(/^the\s+/i, "").trim())) {
      if (!name || /^(none|unknown|an?|this|our|custom|following|same)$/i.test(name)) continue;
      state.proseDatasets.push(fact(name, extracted(file, { line: block.line, confidence: 0.8 })));
    }
  }
  if (/fine-?tuned version of|fine-?tuned (?:on|from)|finetuned on top of/i.test(sentence))
    state.genericFineTune ??= block.line;
  const plain = sentence.replace(/\([^()]*\)/g, " ");
  const objectiveHere = objectiveMentions(plain)[0]?.objective ?? headingObjective(block);
  const epochs = /\b(?:for|over|trained|training)\s+(\d+(?:\.\d+)?)\s+epochs?\b/i.exec(plain);
  if (epochs?.[1] && TRAINING_VERB.test(plain))
    state.hp.push({
      key: "num_train_epochs",
      value: epochs[1],
      line: block.line,
      objective: objectiveHere,
      confidence: 0.7,
    });
  for (const m of plain.matchAll(/`([A-Za-z_]\w*)\s*=\s*([\w.+-]+)`/g))
    if (m[1] && m[2] !== undefined && knownKey(m[1]))
      state.hp.push({
        key: m[1],
        value: m[2],
        line: block.line,
        objective: objectiveHere,
        confidence: 0.7,
      });
  const chain = arrowChain(sentence, file, block.line);
  if (chain) {
    state.prose.push(...chain.steps);
    if (chain.base) state.chainBase ??= chain.base;
    return;
  }
  const steps = sentenceSteps(sentence, file, block.line);
  for (const s of steps) s.index += block.line * 10000;
  state.prose.push(...steps);
}

/** A YAML block is only parsed when it has a key that recipes start with. */
const RECIPE_KEY =
  /^\s*(?:merge_method|slices|models|experts|base_model|model_name_or_path|stage|finetuning_type|adapter|rl|datasets|dataset_mixer|dataset_mixture)\s*:/m;

function readCode(block: Block, state: CardState): void {
  const { file } = state;
  const heading = block.headings.filter(Boolean).pop() ?? "";
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
  if (/^(ya?ml|)$/.test(block.lang ?? "") && RECIPE_KEY.test(block.text)) {
    const doc = parseDocument(block.text, { prettyErrors: false });
    if (doc.errors.length > 0) return;
    const obj = doc.toJS({ maxAliasCount: 100 }) as unknown;
    if (typeof obj !== "object" || obj === null || Array.isArray(obj)) return;
    const kind = recipeKind(obj as Obj);
    if (!kind) return;
    const inner: FileFacts = { file, kind, bases: [], steps: [], warnings: [] };
    readRecipe(kind, obj as Obj, file, block.text, inner);
    for (const step of inner.steps) shiftLines(step, block.line - 1);
    state.embedded.push(inner);
    return;
  }
  if (
    /^(python|py|)$/.test(block.lang ?? "") &&
    /(TrainingArguments|LoraConfig|Config\(|Trainer\()/.test(block.text)
  ) {
    const lines = block.text.split("\n");
    lines.forEach((row, i) => {
      const m = /^\s*([A-Za-z_]\w*)\s*=\s*([^,#]+?|\[[^\]]*\])\s*,?\s*(?:#.*)?$/.exec(row);
      if (m?.[1] && m[2] !== undefined && knownKey(m[1]))
        state.hp.push({
          key: m[1],
          value: parseListValue(m[2].replace(/^["']|["']$/g, "")),
          line: block.line + i,
          confidence: 0.8,
        });
    });
    const trainer = /\b(SFT|DPO|ORPO|KTO|CPO|GRPO|PPO|RLOO|Reward)Trainer\(/
      .exec(block.text)?.[1]
      ?.toLowerCase();
    const objective = trainer
      ? (OBJECTIVE_WORDS[trainer] ?? (trainer === "reward" ? "reward-model" : undefined))
      : undefined;
    if (objective)
      state.trainerObjective = fact(
        objective,
        extracted(file, { line: block.line, confidence: 0.9, note: "trainer class in the card's code" }),
      );
  }
}

function shiftLines(step: StepFacts, by: number): void {
  const shift = (p: { line?: number }) => {
    if (p.line) p.line += by;
  };
  shift(step.origin);
  for (const f of [
    step.objective,
    step.parameterization,
    step.output,
    step.mergeMethod,
    step.mergeBase,
    ...Object.values(step.adapter),
    ...Object.values(step.hyperparameters),
    ...step.datasets,
    ...step.inputs,
    ...Object.values(step.parameters),
  ])
    if (f) shift(f.source);
}

/** Combines prose steps: an explicit chain is the skeleton; other mentions of the same objective merge into it. */
function proseSkeleton(prose: ProseStep[]): StepFacts[] {
  const result: { step: StepFacts; ordered: boolean; index: number }[] = [];
  const chain = prose.filter((p) => p.step.name !== undefined);
  const base = chain.length >= 2 ? chain : [];
  for (const p of base) result.push({ ...p });
  for (const p of prose) {
    if (base.includes(p)) continue;
    const o = p.step.objective?.value;
    const same = [...result].reverse().find((r) => r.step.objective?.value === o);
    if (same) {
      mergeStepInto(same.step, p.step, []);
      same.ordered ||= p.ordered;
      continue;
    }
    result.push({ ...p });
  }
  if (base.length >= 2) return result.map((r) => r.step);
  return result
    .sort((a, b) => {
      const oa = OBJECTIVE_ORDER[a.step.objective?.value ?? "other"];
      const ob = OBJECTIVE_ORDER[b.step.objective?.value ?? "other"];
      return oa !== ob ? oa - ob : a.index - b.index;
    })
    .map((r) => r.step);
}

/** Reads a model card. */
export function readCard(text: string, file: string): FileFacts {
  const out: FileFacts = { file, kind: "model-card", bases: [], steps: [], warnings: [] };
  const card = parseCard(text, file, out.warnings);
  const fm = card.frontMatter ?? {};
  const at = (key: string, confidence = 1) =>
    extracted(file, { field: key, line: card.keyLines.get(key), confidence });
  const bases = strings(fm.base_model).filter((b) => b.toLowerCase() !== "none");
  if (
    fm.base_model !== undefined &&
    bases.length === 0 &&
    typeof fm.base_model !== "string" &&
    !Array.isArray(fm.base_model)
  )
    out.warnings.push({
      code: "extract.wrong-type",
      message: `${file}: base_model should be a model id or a list of ids, got ${JSON.stringify(fm.base_model)}`,
      file,
      field: "base_model",
    });
  for (const b of bases) out.bases.push(fact(b, at("base_model")));
  const license = str(fm.license);
  if (license) out.license = fact(license, at("license"));
  if (str(fm.license_name)) out.licenseName = fact(str(fm.license_name) as string, at("license_name"));
  if (str(fm.license_link)) out.licenseLink = fact(str(fm.license_link) as string, at("license_link"));
  const modelIndex = Array.isArray(fm["model-index"]) ? (fm["model-index"][0] as Obj | undefined) : undefined;
  const indexName = str(modelIndex?.name);
  const titleName = card.title?.replace(/^model card for\s+/i, "").trim();
  if (indexName) out.subject = fact(indexName, at("model-index", 0.7));
  else if (titleName && /^[\w.-]+(\/[\w.-]+)?$/.test(titleName))
    out.subject = fact(titleName, extracted(file, { field: "title", confidence: 0.5 }));
  const tags = strings(fm.tags).map((t) => t.toLowerCase());
  const relation = str(fm.base_model_relation)?.toLowerCase();
  const metaDatasets = strings(fm.datasets);
  const library = str(fm.library_name)?.toLowerCase();

  const state: CardState = {
    file,
    out,
    prose: [],
    hp: [],
    embedded: [],
    software: [],
    proseBases: [],
    proseDatasets: [],
  };
  readBody(card.blocks, state);
  const firstProse = card.blocks.find((b) => b.type === "prose");
  if (firstProse) out.description = firstProse.text.slice(0, 500);

  // Kind of derivation.
  const body = text.replace(/^---[\s\S]*?\n---/, "");
  const quantTag =
    tags.some((t) => QUANT_PATTERNS.some(([re]) => re.test(t)) || OTHER_QUANT_TAG.test(t)) ||
    QUANT_PATTERNS.slice(0, 4).some(([re]) => re.test(card.title ?? "")) ||
    QUANTIZED_PROSE.test(body);
  const mergeTag = tags.includes("merge") || tags.includes("mergekit") || /\bmerge\b/i.test(card.title ?? "");
  const hasTraining = state.prose.length > 0 || state.hp.length > 0 || state.trainerObjective !== undefined;
  let steps: StepFacts[] = proseSkeleton(state.prose);
  const embeddedMerge = state.embedded.some((e) => e.steps.some((s) => s.kind === "merge"));
  const isMerge =
    relation === "merge" ||
    embeddedMerge ||
    (relation === undefined && (bases.length >= 2 || (mergeTag && bases.length !== 1)) && !hasTraining);
  const isQuant =
    relation === "quantized" ||
    (relation === undefined && quantTag && !hasTraining && !isMerge && bases.length > 0);

  if (isMerge) {
    const merge = emptyStep(
      "merge",
      extracted(file, { field: relation ? "base_model_relation" : "base_model" }),
    );
    for (const b of bases) merge.inputs.push(fact({ id: b }, at("base_model")));
    const methodWord =
      /\b(slerp|ties|dare[_ ]ties|dare[_ ]linear|task[_ ]arithmetic|model[_ ]stock|linear|passthrough)\b/i.exec(
        text.replace(/^---[\s\S]*?\n---/, ""),
      );
    if (methodWord?.[1])
      merge.mergeMethod = fact(
        MERGE_METHOD_WORDS[methodWord[1].toLowerCase().replace(" ", "_")] ?? "other",
        extracted(file, { confidence: 0.7, note: "method named in the card" }),
      );
    steps = [merge];
  } else if (isQuant) {
    const q = emptyStep(
      "quantization",
      extracted(file, { field: relation ? "base_model_relation" : "tags" }),
    );
    for (const b of bases) q.inputs.push(fact({ id: b }, at("base_model")));
    const hay = `${card.title ?? ""} ${tags.join(" ")}`;
    const method =
      QUANT_PATTERNS.find(([re]) => re.test(hay))?.[1] ?? (OTHER_QUANT_TAG.test(hay) ? "other" : undefined);
    if (method) q.quantMethod = fact(method, extracted(file, { field: "tags", confidence: 0.9 }));
    const format = GGUF_TYPE.exec(card.title ?? "")?.[1] ?? GGUF_TYPE.exec(body)?.[1];
    const scheme = /\b(w4a16|w8a8|w4a4|nvfp4|mxfp4|fp8(?:[-_]dynamic)?|int4|int8)\b/i.exec(hay)?.[1];
    if (format) {
      q.format = fact(format, extracted(file, { field: "title", confidence: 0.8 }));
      const bits = /^I?Q(\d)/.exec(format)?.[1];
      if (bits) q.bits = fact(Number(bits), extracted(file, { field: "title", confidence: 0.8 }));
    } else if (scheme) {
      q.format = fact(scheme.toLowerCase(), extracted(file, { field: "tags", confidence: 0.8 }));
      const bits = /(?:w|fp|int)(\d)/i.exec(scheme)?.[1];
      if (bits) q.bits = fact(Number(bits), extracted(file, { field: "tags", confidence: 0.8 }));
    }
    steps = [q];
  }

  // Embedded recipes (an axolotl or mergekit config quoted in the card).
  for (const inner of state.embedded) {
    for (const s of inner.steps) {
      const target = steps.find(
        (t) =>
          t.kind === s.kind &&
          (s.kind !== "fine-tune" ||
            !t.objective ||
            !s.objective ||
            t.objective.value === s.objective.value ||
            s.objective.source.source === "inferred"),
      );
      if (target) mergeStepInto(target, s, out.warnings);
      else steps.push(s);
    }
  }

  if (
    steps.length === 0 &&
    (bases.length > 0 || state.proseBases.length > 0) &&
    (hasTraining ||
      state.genericFineTune !== undefined ||
      relation === "finetune" ||
      relation === "adapter" ||
      metaDatasets.length > 0)
  ) {
    steps.push(
      emptyStep(
        "fine-tune",
        extracted(file, {
          field: bases.length > 0 ? "base_model" : undefined,
          note: "the card names a base model",
        }),
      ),
    );
  }
  const trainingSteps = steps.filter((s) => s.kind === "fine-tune");
  const last = trainingSteps[trainingSteps.length - 1];

  // Objective of a single step with none yet: trainer class, tags, generic "fine-tuned on".
  if (last && !last.objective) {
    const tagObjective = tags.map((t) => OBJECTIVE_WORDS[t]).find(Boolean);
    if (state.trainerObjective) last.objective = state.trainerObjective;
    else if (tagObjective) last.objective = fact(tagObjective, at("tags", 0.8));
    else if (state.genericFineTune !== undefined || state.hp.length > 0)
      last.objective = fact(
        "sft",
        inferred(
          file,
          "a fine-tune on a dataset with no preference method named: supervised fine-tuning",
          0.6,
        ),
      );
  } else if (
    last &&
    state.trainerObjective &&
    trainingSteps.length === 1 &&
    last.objective?.source.source !== "extracted"
  ) {
    last.objective = state.trainerObjective;
  }

  // Parameterisation hints from tags, library and framework versions.
  const peftHint = tags.includes("qlora")
    ? "qlora"
    : tags.includes("lora") ||
        tags.includes("peft") ||
        library === "peft" ||
        relation === "adapter" ||
        state.software.some((s) => s.value.name === "peft")
      ? "lora"
      : undefined;
  if (last && !last.parameterization) {
    const fromTitle = parameterizationIn(card.title ?? "");
    if (fromTitle)
      last.parameterization = fact(fromTitle, extracted(file, { field: "title", confidence: 0.7 }));
    else if (peftHint)
      last.parameterization = fact(
        peftHint,
        at(
          tags.includes("qlora") || tags.includes("lora")
            ? "tags"
            : relation === "adapter"
              ? "base_model_relation"
              : "library_name",
          0.7,
        ),
      );
  }

  // Hyperparameters: a section naming a method goes to that step, the rest to the last training step.
  if (last && state.hp.length > 0) {
    const perStep = new Map<StepFacts, Record<string, unknown>>();
    for (const h of state.hp) {
      const target = (h.objective && trainingSteps.find((s) => s.objective?.value === h.objective)) || last;
      const lineOf = new Map([[h.key, h.line]]);
      readTrainingKeys({ [h.key]: h.value }, file, target, out.warnings, {
        confidence: h.confidence,
        lines: lineOf,
      });
      perStep.set(target, {});
    }
    if (trainingSteps.length > 1 && !state.hp.some((h) => h.objective))
      out.warnings.push({
        code: "card.hyperparameters-unattributed",
        message: `${file}: the hyperparameter list does not say which of the ${trainingSteps.length} steps it belongs to; attributed to the last (${last.objective?.value ?? "fine-tune"})`,
        file,
      });
    const rank = last.adapter.rank;
    if (rank && !last.parameterization)
      last.parameterization = fact("lora", inferred(file, "an adapter rank is given", 0.7));
  }

  // Framework and software.
  if (state.software.length > 0 || tags.length > 0) {
    const names = new Set([
      ...state.software.map((s) => s.value.name),
      ...tags.map((t) => FRAMEWORK_NAMES[t]).filter(Boolean),
    ]);
    const main = TRAINING_FRAMEWORKS.find((f) => names.has(f));
    const fromTags = TRAINING_FRAMEWORKS.find((f) => tags.some((t) => FRAMEWORK_NAMES[t] === f));
    for (const s of trainingSteps) {
      if (s.framework) continue;
      if (s === last && main) {
        const version = state.software.find((x) => x.value.name === main);
        s.framework = version ?? fact({ name: main }, at("tags", 0.8));
      } else if (fromTags) s.framework = fact({ name: fromTags }, at("tags", 0.8));
    }
    if (last) last.software = state.software.filter((s) => s.value.name !== last.framework?.value.name);
  }

  // Inputs of the first step: front matter, then prose.
  const first = steps[0];
  if (first && first.inputs.length === 0) {
    if (bases.length > 0) for (const b of bases) first.inputs.push(fact({ id: b }, at("base_model")));
    else if (state.proseBases[0])
      first.inputs.push(fact({ id: state.proseBases[0].value }, state.proseBases[0].source));
    else if (state.chainBase)
      first.inputs.push(
        fact(
          { id: state.chainBase },
          extracted(file, { confidence: 0.7, note: "first element of a chain in prose" }),
        ),
      );
  }
  if (bases.length === 0 && out.bases.length === 0) {
    const from =
      state.proseBases[0] ??
      (state.chainBase ? fact(state.chainBase, extracted(file, { confidence: 0.7 })) : undefined);
    if (from && steps.length > 0) out.bases.push(from);
  }

  // Datasets: metadata ids replace the prose names they match; the rest go to the step they fit.
  assignDatasets(trainingSteps, metaDatasets, state, at("datasets"), out);
  out.steps = steps;
  return out;
}

function assignDatasets(
  steps: StepFacts[],
  meta: string[],
  state: CardState,
  prov: FileFacts["bases"][number]["source"],
  out: FileFacts,
): void {
  const file = state.file;
  const pretraining = meta.filter(isPretrainingCorpus);
  if (pretraining.length > 0 && steps.length > 0)
    out.warnings.push({
      code: "card.pretraining-datasets",
      message: `${file}: datasets ${pretraining.join(", ")} look like pre-training corpora of the base model; not attributed to a fine-tuning step`,
      file,
      field: "datasets",
    });
  const metaIds = meta.filter((d) => !isPretrainingCorpus(d));
  if (steps.length === 0) return;
  // Prose datasets: attach to the step whose sentence named them is already done in clauseStep; add loose ones.
  const inSteps = () => steps.flatMap((s) => s.datasets.map((d) => d.value.id ?? ""));
  for (const pd of state.proseDatasets) {
    if (inSteps().some((id) => sameDataset(id, pd.value))) continue;
    if (metaIds.some((m) => sameDataset(m, pd.value))) continue;
    const target = PREFERENCE_DATASET.test(pd.value)
      ? [...steps].reverse().find((s) => PREFERENCE_OBJECTIVES.includes(s.objective?.value as Objective))
      : steps.find((s) => !PREFERENCE_OBJECTIVES.includes(s.objective?.value as Objective));
    (target ?? steps[steps.length - 1])?.datasets.push(fact({ id: pd.value }, pd.source));
  }
  for (const id of metaIds) {
    let placed = false;
    for (const s of steps)
      for (const d of s.datasets)
        if (d.value.id && sameDataset(d.value.id, id) && !placed) {
          if (d.value.id !== id) {
            s.notes.push(`dataset ${id} named as ${d.value.id} in the prose`);
            d.value = { ...d.value, id };
          }
          d.source = prov;
          placed = true;
        }
    if (placed) continue;
    const preference = PREFERENCE_DATASET.test(id);
    const target =
      steps.length === 1
        ? steps[0]
        : preference
          ? ([...steps]
              .reverse()
              .find((s) => PREFERENCE_OBJECTIVES.includes(s.objective?.value as Objective)) ??
            steps[steps.length - 1])
          : (steps.find((s) => s.objective?.value === "sft" && s.datasets.length === 0) ??
            steps.find((s) => !PREFERENCE_OBJECTIVES.includes(s.objective?.value as Objective)) ??
            steps[0]);
    target?.datasets.push(
      fact(
        { id },
        {
          ...prov,
          ...(steps.length > 1
            ? {
                note: "metadata lists datasets for the whole card; step chosen by the dataset's kind",
                confidence: 0.7,
              }
            : {}),
        },
      ),
    );
  }
  // Drop duplicates within each step.
  for (const s of steps) {
    const seen = new Set<string>();
    s.datasets = s.datasets.filter((d) => {
      const key = (d.value.id ?? d.value.description ?? "").toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
}

export { hubLink, links };
