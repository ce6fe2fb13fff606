/**
 * Hugging Face model cards: YAML front matter (base_model, base_model_relation, datasets, license, tags,
 * library_name, model-index) and the Markdown body (read by `card-body.ts`), turned into steps.
 */

import { hyperparameterKeyFor } from "../model/hyperparameters.js";
import { squashName } from "../model/known-models.js";
import { namedModel } from "../model/refs.js";
import type { Parameterization } from "../model/vocabulary.js";
import type { CardState } from "./card-body.js";
import { newCardState, readBody } from "./card-body.js";
import { assignDatasets } from "./card-datasets.js";
import { originalBaseStep } from "./card-intermediate.js";
import { selfIdEvidence } from "./card-self-id.js";
import { type CardMeta, cardSteps } from "./card-steps.js";
import { isEmptyStep } from "./combine-steps.js";
import { readTrainingKeys } from "./config-fields.js";
import { CARD_READERS } from "./evidence/card-readers.js";
import { dropEvaluationDatasets } from "./evidence/evaluation-datasets.js";
import { fetchedModels } from "./evidence/fetched-models.js";
import { namedBeforeExport } from "./evidence/quantized-export.js";
import { ownBlocks, quotedCard, selfBlocks } from "./evidence/quoted-card.js";
import { severalModelsWarning } from "./evidence/released-models.js";
import { selfLinkEvidence } from "./evidence/self-link.js";
import { extracted, type Fact, type FileFacts, fact, inferred, type StepFacts } from "./facts.js";
import { type Block, type ParsedCard, parseCard } from "./markdown.js";
import { prependQuotedChain } from "./quoted-chain.js";
import { parameterizationIn } from "./read-prose.js";
import { str } from "./recipe-values.js";
import { FRAMEWORK_NAMES, OBJECTIVE_WORDS, TRAINING_FRAMEWORKS } from "./terms.js";

const strings = (v: unknown): string[] =>
  (Array.isArray(v) ? v : [v]).map((x) => (typeof x === "string" ? x.trim() : "")).filter((x) => x !== "");

/** The Hub's own tags name the parent and the relation: `base_model:adapter:org/name`. */
const BASE_MODEL_TAG = /^base_model:(?:(adapter|finetune|merge|quantized):)?(.+)$/i;

/** The front-matter keys a card is read by. */
const META_KEYS = [
  "tags",
  "library_name",
  "base_model",
  "license",
  "license_name",
  "license_link",
  "base_model_relation",
  "datasets",
  "name",
  "model_name",
] as const;

/**
 * The values of the keys a card is read by, in an object of one shape. Front matter objects take as many
 * shapes as there are orders of keys in cards; reading them by name made the optimising compiler drop and
 * redo its code for `readMeta` card after card.
 */
function frontMatterFields(fm: Record<string, unknown>): Record<(typeof META_KEYS)[number], unknown> {
  const fields: Record<string, unknown> = {};
  for (const key of META_KEYS) fields[key] = fm[key];
  return fields as Record<(typeof META_KEYS)[number], unknown>;
}

/** A Hub-style `org/name` id, as a front matter's `name` may give the card's own model. */
const HUB_STYLE_ID = /^[A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95}$/;

/** The front matter's bases, licence, tags, library, relation and datasets; the bases and licence go to `out`. */
function readMeta(card: ParsedCard, file: string, out: FileFacts): CardMeta {
  const fm = frontMatterFields(card.frontMatter ?? {});
  const at = (key: string, confidence = 1) =>
    extracted(file, { field: key, line: card.keyLines.get(key), confidence });
  const rawTags = strings(fm.tags);
  const library = str(fm.library_name)?.toLowerCase();
  const tagged: RegExpExecArray[] = [];
  for (const t of rawTags) {
    const m = BASE_MODEL_TAG.exec(t);
    if (m) tagged.push(m);
  }
  const declared: string[] = [];
  for (const b of strings(fm.base_model)) if (b.toLowerCase() !== "none") declared.push(b);
  const bases = declared.length > 0 ? declared : tagged.map((m) => m[2] as string);
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
  const baseField = declared.length > 0 ? "base_model" : "tags";
  for (const b of bases) out.bases.push(fact(b, at(baseField)));
  const license = str(fm.license);
  if (license) out.license = fact(license, at("license"));
  if (str(fm.license_name)) out.licenseName = fact(str(fm.license_name) as string, at("license_name"));
  if (str(fm.license_link)) out.licenseLink = fact(str(fm.license_link) as string, at("license_link"));
  const tags = rawTags.map((t) => t.toLowerCase());
  const peftCard = library === "peft" || tags.some((t) => t === "lora" || t === "qlora" || t === "peft");
  const relation =
    str(fm.base_model_relation)?.toLowerCase() ??
    tagged.find((m) => m[1])?.[1]?.toLowerCase() ??
    (peftCard && bases.length === 1 ? "adapter" : undefined);
  const named = [str(fm.name), str(fm.model_name)].find((v) => v !== undefined && HUB_STYLE_ID.test(v));
  return {
    file,
    at,
    tags,
    library,
    bases,
    relation,
    metaDatasets: strings(fm.datasets),
    ...(named ? { named } : {}),
  };
}

/** Objective of a single step with none yet: trainer class, tags, generic "fine-tuned on". */
/**
 * A Sentence Transformers card's `loss:MultipleNegativesRankingLoss` tag (the library writes one per loss it trained
 * with): an embedding or reranking objective, `other` in ftl's vocabulary, with the loss named in the step's notes
 * (dev d-folder-st-scibert-mnrl-ckpt, g4-ta-bits-faq-minilm-l6-v2-triplet-st-card).
 */
function sentenceTransformersLoss(meta: CardMeta): string | undefined {
  if (!meta.tags.includes("sentence-transformers")) return undefined;
  const losses = meta.tags.filter((t) => t.startsWith("loss:")).map((t) => t.slice("loss:".length));
  return losses.length > 0 ? losses.join(", ") : undefined;
}

function lastObjective(last: StepFacts, trainingSteps: StepFacts[], meta: CardMeta, state: CardState): void {
  if (!last.objective) {
    const tagObjective = meta.tags.map((t) => OBJECTIVE_WORDS[t]).find(Boolean);
    const stLoss = sentenceTransformersLoss(meta);
    if (state.trainerObjective) last.objective = state.trainerObjective;
    else if (tagObjective) last.objective = fact(tagObjective, meta.at("tags", 0.8));
    else if (stLoss) {
      last.objective = fact("other", meta.at("tags", 0.8));
      last.notes.push(`Sentence Transformers loss: ${stLoss}`);
    }
  } else if (
    state.trainerObjective &&
    trainingSteps.length === 1 &&
    last.objective?.source.source !== "extracted"
  ) {
    last.objective = state.trainerObjective;
  }
}

/**
 * Parameterisation from the title or the tags. A `lora`/`qlora` tag states the adapter type; `library_name: peft`,
 * a `peft` tag, an adapter relation or PEFT among the framework versions say only that some PEFT adapter was
 * trained (LoRA, IA3, prompt tuning…): the type is then left unsaid, never guessed as LoRA.
 */
function lastParameterization(last: StepFacts, title: string, meta: CardMeta, state: CardState): void {
  const { tags } = meta;
  const tagged: Parameterization | undefined = tags.includes("qlora")
    ? "qlora"
    : tags.includes("lora")
      ? "lora"
      : undefined;
  // LoRA inferred from a rank gives way to QLoRA the card states (dev t7-ic-unsloth-qwen25-7b-bnb4-qlora-vi-absa).
  const refinable =
    last.parameterization?.value === "lora" && last.parameterization.source.source === "inferred";
  if (last.parameterization && !refinable) return;
  const fromTitle = parameterizationIn(title);
  const named: Fact<Parameterization> | undefined = fromTitle
    ? fact(fromTitle, extracted(meta.file, { field: "title", confidence: 0.7 }))
    : tagged
      ? fact(tagged, meta.at("tags", 0.7))
      : state.proseParameterization;
  // A title's "with LoRA" is refined by the QLoRA the text states (blind dev x2-card-mistral-uz-7b-uzbek-self-instruct-qlora).
  const said =
    named?.value === "lora" && state.proseParameterization?.value === "qlora"
      ? state.proseParameterization
      : named;
  if (said && (!refinable || said.value === "qlora")) last.parameterization = said;
}

/** Schedules a card may name, as the trainer's `lr_scheduler_type` values. */
const SCHEDULE_NAMES = [
  "cosine_with_restarts",
  "constant_with_warmup",
  "inverse_sqrt",
  "polynomial",
  "cosine",
  "linear",
  "constant",
  "wsd",
] as const;

/** Each schedule name as words of a text: `cosine_with_restarts` also written "cosine with restarts". */
const SCHEDULE_WORDS = SCHEDULE_NAMES.map(
  (n) => [n, new RegExp(`\\b${n.replaceAll("_", "[\\s_-]")}\\b`)] as const,
);

/**
 * A card's schedule written in words, as the trainer's name: "Cosine decay with 3% linear warmup" and "Sequential
 * linear warmup (5 epochs) followed by cosine annealing" are `cosine` (the warm-up is not the schedule), "Linear
 * warmup" alone `linear`; text naming no schedule is left out rather than kept as a value no trainer has (dev
 * s10-card-llama32-3b-kaggle-qlora-transaction-classifier, n-adp-lunar-dinov3-vits16-lora-triplet).
 */
export function schedulerName(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const text = value.toLowerCase().replace(/[\s-]+/g, "_");
  if ((SCHEDULE_NAMES as readonly string[]).includes(text)) return text;
  const words = value.toLowerCase().replace(/\blinear[\s-]+warm[\s-]?up\b/g, " warmup ");
  const named = SCHEDULE_WORDS.filter(([, word]) => word.test(words)).map(([n]) => n);
  // "cosine with restarts" names one schedule, not two.
  const own = named.filter((n) => !named.some((m) => m !== n && m.includes(n)));
  if (own.length === 1) return own[0];
  return /\blinear\b/.test(value.toLowerCase()) && own.length === 0 ? "linear" : undefined;
}

/** Hyperparameters: a section naming a method goes to that step, the rest to the last training step. */
function attributeHyperparameters(
  trainingSteps: StepFacts[],
  last: StepFacts,
  state: CardState,
  out: FileFacts,
): void {
  const { file } = state;
  for (const h of state.hp) {
    const target = (h.objective && trainingSteps.find((s) => s.objective?.value === h.objective)) || last;
    const value = hyperparameterKeyFor(h.key) === "scheduler" ? schedulerName(h.value) : h.value;
    if (value === undefined) continue;
    readTrainingKeys({ [h.key]: value }, file, target, out.warnings, {
      confidence: h.confidence,
      lines: new Map([[h.key, h.line]]),
    });
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

/** Framework and software of the training steps: the framework versions listed, then the tags. */
function frameworks(
  trainingSteps: StepFacts[],
  last: StepFacts | undefined,
  meta: CardMeta,
  state: CardState,
): void {
  const { tags } = meta;
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
      s.framework = version ?? fact({ name: main }, meta.at("tags", 0.8));
    } else if (fromTags) s.framework = fact({ name: fromTags }, meta.at("tags", 0.8));
  }
  if (last) last.software = state.software.filter((s) => s.value.name !== last.framework?.value.name);
}

/** Inputs of the first step: front matter, then prose; the card's base from prose when none is declared. */
function firstInputs(steps: StepFacts[], meta: CardMeta, state: CardState, out: FileFacts): void {
  const { bases, file } = meta;
  const first = steps[0];
  if (first && first.inputs.length === 0) {
    if (bases.length > 0) for (const b of bases) first.inputs.push(fact({ id: b }, meta.at("base_model")));
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
}

/**
 * The model the card describes: what it says it published, unless that is a base or a dataset; else its usage
 * code, which names the subject only when the card says which model is the base (else it may load the base); else
 * a link to itself. A card that lists several released models and names none is said to be unclear.
 */
function subjectOf(
  card: ParsedCard,
  own: Block[],
  steps: StepFacts[],
  meta: CardMeta,
  state: CardState,
  out: FileFacts,
): Fact<string> | undefined {
  const { bases } = meta;
  // A base known only by its name (`name:…`) does not say which model the usage code loads: it may be the base.
  const identified = (b: { value: string }) => namedModel(b.value) === undefined;
  const baseKnown = bases.length > 0 || out.bases.some(identified) || state.proseBases.some(identified);
  const notSubject = [
    ...bases,
    ...out.bases.map((b) => b.value),
    ...steps.flatMap((s) => [
      ...s.inputs.map((i) => i.value.id),
      ...s.datasets.flatMap((d) => d.value.id ?? []),
    ]),
    ...meta.metaDatasets,
  ];
  const stated = state.statedSubject;
  const isNot = (id: string) => notSubject.some((n) => n.toLowerCase() === id.toLowerCase());
  const named =
    meta.named && !isNot(meta.named)
      ? fact(meta.named, inferred(meta.file, "the front matter names the model", 0.7, "name"))
      : undefined;
  const subject =
    stated && !isNot(stated.value)
      ? stated
      : (named ??
        selfIdEvidence(own, meta.file, notSubject, baseKnown) ??
        selfLinkEvidence(own, card.title, meta.file, notSubject));
  if (!subject) out.warnings.push(...severalModelsWarning(own, notSubject, meta.file));
  return subject;
}

/**
 * A model named without its org that is the card's own title ("we have fully upgraded the base model of
 * ChatGLM2-6B" under `# ChatGLM2-6B`, blind dev g8-base-zh-chatglm2-6b-vendored-card-int4-lora-repo) is the card's
 * model, not a parent: the input ftl's table resolved it to is dropped, and a step left with nothing is too.
 */
function withoutOwnName(steps: StepFacts[], title: string | undefined): StepFacts[] {
  const own = title ? squashName(title) : "";
  if (own.length < 4) return steps;
  const self = (i: StepFacts["inputs"][number]) =>
    i.source.source === "inferred" && squashName(i.value.id.split("/").pop() ?? "") === own;
  return steps.flatMap((s) => {
    if (!s.inputs.some(self)) return [s];
    const kept = { ...s, inputs: s.inputs.filter((i) => !self(i)) };
    return isEmptyStep(kept) ? [] : [kept];
  });
}

/**
 * An adapter's card whose body is its base model's own card, copied in under the adapter's front matter (PEFT writes
 * `base_model: ../models/Qwen2-0.5B-Instruct` and `library_name: peft` above the Qwen2 card it found: blind dev
 * g13-ne-zh-qwen2-05b-lora-deploy): the title is the base's name. What that card says of training (the base's own
 * SFT and DPO) and of usage (loading the base) is not this adapter's.
 */
function carriesBaseCard(meta: CardMeta, title: string | undefined): boolean {
  const adapter =
    meta.library === "peft" ||
    meta.relation === "adapter" ||
    meta.tags.some((t) => t.startsWith("base_model:adapter:"));
  const base =
    meta.bases.length === 1 ? squashName((meta.bases[0] as string).split(/[\\/]/).pop() ?? "") : "";
  return adapter && base.length >= 4 && title !== undefined && squashName(title) === base;
}

/** Reads only the front matter of a card that carries its base's card (and says so in a warning). */
function readCarriedBaseCard(text: string, file: string, title: string): FileFacts {
  const front = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(text)?.[0] ?? "";
  const out = readCard(`${front}\n`, file);
  out.warnings.push({
    code: "extract.base-card",
    message: `${file}: the body is the card of its base model (${title}), copied under the adapter's front matter; only the front matter is read`,
    file,
  });
  return out;
}

/**
 * Reads a model card: the front matter, then every evidence reader over the body, then the steps those give,
 * completed from the rest of the evidence. Kept in small functions: one large function was compiled again by
 * the optimising compiler each time a card took a path it had not seen, at a cost of many cards' reading.
 */
export function readCard(text: string, file: string): FileFacts {
  const out: FileFacts = { file, kind: "model-card", bases: [], steps: [], warnings: [] };
  const card = parseCard(text, file, out.warnings);
  const meta = readMeta(card, file, out);
  if (carriesBaseCard(meta, card.title)) return readCarriedBaseCard(text, file, card.title ?? "");
  const state = newCardState(file, out);
  state.metaDatasets = meta.metaDatasets.length > 0;
  // A quantised re-upload's quoted copy of the original card is not read as this model's own words.
  const quoted = quotedCard(text, card.title);
  const own = ownBlocks(card.blocks, quoted, card.title);
  readBody(own, state);
  for (const reader of CARD_READERS) reader(own, state);
  const firstProse = card.blocks.find((b) => b.type === "prose");
  if (firstProse) out.description = firstProse.text.slice(0, 500);
  const steps = cardSteps(text, card, meta, state, out);
  const trainingSteps = steps.filter((s) => s.kind === "fine-tune");
  const last = trainingSteps[trainingSteps.length - 1];
  if (last) {
    lastObjective(last, trainingSteps, meta, state);
    lastParameterization(last, card.title ?? "", meta, state);
  }
  if (state.quantizationBits && [4, 8].includes(state.quantizationBits.value))
    out.trainingQuantBits = state.quantizationBits;
  if (last && state.hp.length > 0) attributeHyperparameters(trainingSteps, last, state, out);
  if (state.software.length > 0 || meta.tags.length > 0) frameworks(trainingSteps, last, meta, state);
  firstInputs(steps, meta, state, out);
  const fetched = fetchedModels(text, file);
  if (fetched.length > 0) out.fetched = fetched;
  // Datasets: metadata ids replace the prose names they match; the rest go to the step they fit.
  const metaDatasets = dropEvaluationDatasets(own, meta.metaDatasets, out);
  const proseDatasets = [...state.proseDatasets, ...state.linkedDatasets];
  assignDatasets(trainingSteps, metaDatasets, proseDatasets, meta.at("datasets"), out);
  if (meta.bases.length === 1) originalBaseStep(steps, out.bases.slice(0, 1), state.proseBases, file);
  out.steps = withoutOwnName(steps, card.title);
  if (quoted && own.length < card.blocks.length)
    prependQuotedChain(out, text, quoted.line, meta.metaDatasets, readCard);
  out.subject = subjectOf(card, selfBlocks(card.blocks, quoted), steps, meta, state, out);
  namedBeforeExport(steps, out.subject);
  return out;
}
