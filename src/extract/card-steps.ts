/**
 * The steps a model card's evidence gives before they are completed: the prose chain, or a merge or
 * quantisation step when the front matter, tags or words say the card is one, the recipes quoted in it, and a
 * plain fine-tuning step when the card names a base and says it was trained. `readCard` completes them
 * (objective, parameterisation, hyperparameters, framework, inputs, datasets).
 */

import { refKind } from "../model/refs.js";
import type { Provenance } from "../schema/lineage.js";
import type { CardState } from "./card-body.js";
import { namedCopy, OTHER_QUANT_TAG } from "./card-quant-step.js";
import type { MergeEvidence } from "./evidence/merge-prose.js";
import { downloadedCopyStep } from "./evidence/quant-downloads.js";
import { exportStep } from "./evidence/quantized-export.js";
import { emptyStep, extracted, type FileFacts, fact, type StepFacts } from "./facts.js";
import type { ParsedCard } from "./markdown.js";
import { mergeStepInto, sameModel } from "./merge-steps.js";
import { copyDescribed, labelledSource, titledSource } from "./quant-copy-source.js";
import type { ProseStep } from "./read-prose.js";
import { quantizeCode } from "./read-quantize-code.js";
import { MERGE_METHOD_WORDS, OBJECTIVE_ORDER, QUANT_PATTERNS } from "./terms.js";

/** What the front matter says, as `readCard` reads it. */
export interface CardMeta {
  file: string;
  /** Provenance of a front-matter key (its line), with a confidence. */
  at: (key: string, confidence?: number) => Provenance;
  /** The tags, lower case. */
  tags: string[];
  library?: string;
  bases: string[];
  relation?: string;
  metaDatasets: string[];
  /** A Hub-style id the front matter gives as the card's `name` or `model_name` (`name: RedHatAI/Kimi-K2.6-NVFP4`). */
  named?: string;
}

/** "This model is a quantized version of [X]", "a GGUF conversion of [X]". */
const QUANTIZED_PROSE =
  /\bquanti[sz]ed (?:version|copy|variant|build) of\b|\b(?:GGUF|GPTQ|AWQ|EXL2|MLX|ONNX) (?:conversion|version|quants?) of\b|\bconverted to (?:MLX|GGUF|GPTQ|AWQ|EXL2|ONNX)\b(?: format)? from\b/i;

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

/** The merge step of a card: parents from front matter and the card's words, method, base. */
function mergeStep(meta: CardMeta, said: MergeEvidence | undefined, text: string): StepFacts {
  const { file, bases, at } = meta;
  const merge = emptyStep("merge", extracted(file, { field: bases.length ? "base_model" : undefined }));
  for (const b of bases) merge.inputs.push(fact({ id: b }, at("base_model")));
  for (const i of said?.inputs ?? [])
    if (!merge.inputs.some((x) => sameModel(x.value.id, i.value.id))) merge.inputs.push(i);
    else if (i.value.parameters) {
      const kept = merge.inputs.find((x) => sameModel(x.value.id, i.value.id));
      if (kept) kept.value.parameters = { ...kept.value.parameters, ...i.value.parameters };
    }
  if (said?.base) {
    merge.mergeBase = said.base;
    merge.inputs = merge.inputs.filter((x) => !sameModel(x.value.id, said.base?.value ?? ""));
  }
  const methodWord =
    /\b(slerp|ties|dare[_ ]ties|dare[_ ]linear|task[_ ]arithmetic|model[_ ]stock|linear|passthrough)\b/i.exec(
      text.replace(/^---[\s\S]*?\n---/, ""),
    );
  merge.mergeMethod =
    said?.method ??
    (methodWord?.[1]
      ? fact(
          MERGE_METHOD_WORDS[methodWord[1].toLowerCase().replace(" ", "_")] ?? "other",
          extracted(file, { confidence: 0.7, note: "method named in the card" }),
        )
      : undefined);
  return merge;
}

/** Embedded recipes (an axolotl or mergekit config quoted in the card) join the step of their kind, or are added. */
function addEmbedded(steps: StepFacts[], state: CardState, out: FileFacts): void {
  for (const inner of state.embedded) {
    // Steps of one quoted block are distinct runs: each joins a step the card had before the block, never another
    // of the block's own (a command that wrote `models/stage1`, then the DPO run from it).
    const before = [...steps];
    for (const s of inner.steps) {
      const target = before.find(
        (t) =>
          t.kind === s.kind &&
          (s.kind !== "fine-tune" ||
            !t.objective ||
            !s.objective ||
            t.objective.value === s.objective.value ||
            (s.objective.source.source === "inferred" && !s.recipe)),
      );
      if (target) mergeStepInto(target, s, out.warnings);
      else steps.push(s);
    }
  }
}

/**
 * A card that names a base and says it was trained, with no step yet, records one fine-tuning step. So does a
 * Trainer card with holes ("a fine-tuned version of [](…) on the None dataset") and a hyperparameter list; its
 * base is unknown.
 */
function addGenericStep(steps: StepFacts[], meta: CardMeta, state: CardState, hasTraining: boolean): void {
  const { bases, relation, file } = meta;
  if (
    steps.length === 0 &&
    (((bases.length > 0 || state.proseBases.length > 0) &&
      (hasTraining ||
        state.genericFineTune !== undefined ||
        relation === "finetune" ||
        relation === "adapter" ||
        meta.metaDatasets.length > 0 ||
        // A base and the data it was trained on ("## Base model" and "## Training data" sections).
        (state.proseDatasets.length > 0 && state.fromScratch === undefined))) ||
      ((state.genericFineTune !== undefined ||
        (state.proseDatasets.length > 0 && state.fromScratch === undefined)) &&
        state.hp.length >= 2) ||
      // "The model was fine-tuned with LoRA on the yahma/alpaca-cleaned dataset": the training and its data (or its
      // method) are stated, the base is not.
      (state.genericFineTune !== undefined &&
        state.fromScratch === undefined &&
        (state.proseDatasets.length > 0 || state.proseParameterization !== undefined)))
  ) {
    const named = bases.length > 0 || state.proseBases.length > 0;
    steps.push(
      emptyStep(
        "fine-tune",
        extracted(file, {
          field: bases.length > 0 ? "base_model" : undefined,
          note: named
            ? "the card names a base model"
            : "the card's training settings (and the data it names); the base is not named",
        }),
      ),
    );
  }
}

/** The card's steps by the kind of derivation it states: prose chain, merge or quantisation; then embedded recipes. */
export function cardSteps(
  text: string,
  card: ParsedCard,
  meta: CardMeta,
  state: CardState,
  out: FileFacts,
): StepFacts[] {
  const { tags, bases, relation } = meta;
  const body = text.replace(/^---[\s\S]*?\n---/, "");
  const quantNamed =
    tags.some((t) => QUANT_PATTERNS.some(([re]) => re.test(t)) || OTHER_QUANT_TAG.test(t)) ||
    QUANT_PATTERNS.slice(0, 4).some(([re]) => re.test(card.title ?? ""));
  // An export the card states in words after its training (`gguf-export-prose.ts`) does not make it a copy.
  const quantTag =
    quantNamed || QUANTIZED_PROSE.test(body) || (state.quant !== undefined && !state.quant.fromProse);
  const mergeTag = tags.includes("merge") || tags.includes("mergekit") || /\bmerge\b/i.test(card.title ?? "");
  const hasTraining = state.prose.length > 0 || state.hp.length > 0 || state.trainerObjective !== undefined;
  let steps: StepFacts[] = proseSkeleton(state.prose);
  const embeddedMerge = state.embedded.some((e) => e.steps.some((s) => s.kind === "merge"));
  const proseMerge = state.merge && (state.merge.inputs.length >= 2 || (mergeTag && state.merge.method));
  const isMerge =
    relation === "merge" ||
    embeddedMerge ||
    (relation === undefined &&
      (bases.length >= 2 || (mergeTag && bases.length !== 1) || proseMerge) &&
      !hasTraining);
  // A copy titled or tagged as quantised that names one base by a label ("**Base model**: X") and says nothing
  // of training copies that base.
  const labelled = quantTag && bases.length === 0 && !state.quant?.source ? labelledSource(state) : undefined;
  // The title names the source and the card writes its id ("Qwen3.6-27B GGUF … Pipeline", `--model-id Qwen/Qwen3.6-27B`),
  // where the words name none or only a file (`quantize model-f16.gguf`).
  const said = state.quant?.source;
  const saidHub = said && refKind(said.value) === "hub" ? said : undefined;
  const titled =
    quantTag && bases.length === 0 && !saidHub && !labelled
      ? titledSource(card.title, text, meta.file)
      : undefined;
  const source = saidHub ?? labelled ?? titled ?? said;
  const quantSource = bases.length === 0 && source ? [source] : [];
  // The source named without an id ("GPTQ version of Gryphe's MythoMax L2 13B"): only where nothing names it better.
  const named = bases.length === 0 && !source ? state.quant?.named : undefined;
  // A conversion the card's commands run after its quoted training commands follows that training.
  const trainedByCommands = state.embedded.some((e) => e.steps.some((s) => s.kind !== "quantization"));
  // A quantised copy that describes its source ("an instruction-tuned model by Mistral AI") names no training of
  // its own: no data, no base, no settings beside the method words.
  const describesSource =
    (state.quant?.source !== undefined &&
      !state.quant.exported &&
      state.hp.length === 0 &&
      state.trainerObjective === undefined &&
      state.prose.every((p) => p.step.inputs.length === 0 && p.step.datasets.length === 0)) ||
    (quantTag && bases.length === 1 && copyDescribed(text, state)) ||
    labelled !== undefined;
  // A card titled or tagged as quantised, or saying of itself, that it is a copy, with the method named, is one,
  // whether or not it names the source ("GGUF quantizations of MyModel").
  const statedCopy =
    (quantNamed || state.quant?.selfStated === true) &&
    state.quant?.stated !== undefined &&
    state.quant.method !== undefined;
  const isQuant =
    relation === "quantized" ||
    (relation === undefined &&
      quantTag &&
      (!hasTraining || describesSource) &&
      !(state.quant?.exported && trainedByCommands) &&
      !isMerge &&
      (bases.length > 0 || quantSource.length > 0 || statedCopy || named !== undefined));
  // A merge that names no model it merges (a lab of merging methods on synthetic weights, blind dev
  // g9-neg-synthetic-statedict-merging-methods-lab-readme) derives nothing: only its method words are there.
  const merge = isMerge ? mergeStep(meta, state.merge, text) : undefined;
  if (merge && (merge.inputs.length > 0 || merge.mergeBase || relation === "merge" || embeddedMerge))
    steps = [merge];
  else if (isQuant) steps = namedCopy(text, meta, card, state, body, quantSource, named);
  addEmbedded(steps, state, out);
  addGenericStep(steps, meta, state, hasTraining);
  addAdapterMerge(steps, state, meta.file);
  // Nothing else derived: the one quantised copy the document downloads or links is what it is about.
  if (steps.length === 0 && bases.length === 0 && !isMerge) {
    const copy = downloadedCopyStep(text, meta.file, card.title) ?? quantizedByCode(card, meta.file);
    if (copy) steps = [copy];
  }
  // A command the card quotes converts the trained model (`convert_hf_to_gguf.py`, `save_pretrained_gguf`); or the
  // card says of the model it trained that it is quantised ("a … fine-tuned version of X, quantized to GGUF format",
  // dev y1-qnt-xyrus-cosmic-gpt-oss-20b-gguf): the quantisation follows the training.
  const quantisedAfter =
    state.quant !== undefined &&
    !state.quant.exported &&
    state.quant.stated !== undefined &&
    state.quant.method !== undefined &&
    state.quant.source === undefined &&
    state.quant.method.value !== "bitsandbytes" &&
    // A QLoRA training's 4-bit base is quantised to train, not after it.
    state.quantizationBits === undefined &&
    state.proseParameterization?.value !== "qlora" &&
    !steps.some((s) => s.parameterization?.value === "qlora") &&
    steps.some((s) => s.kind === "fine-tune");
  if (!isQuant && !isMerge && steps.length > 0 && state.quant && (state.quant.exported || quantisedAfter))
    steps.push(exportStep(meta.file, quantisedAfter ? { ...state.quant, fromProse: true } : state.quant));
  // A copy's only step, a quantisation its commands make from an unnamed file (`quantize model-f16.gguf`), starts
  // from the model its title names.
  const [only] = steps;
  if (titled && steps.length === 1 && only?.kind === "quantization" && only.inputs.length === 0)
    only.inputs.push(fact({ id: titled.value }, titled.source));
  return steps;
}

/** The quantisation one of the card's Python code blocks makes (read-quantize-code.ts), when it makes one. */
function quantizedByCode(card: ParsedCard, file: string): StepFacts | undefined {
  for (const b of card.blocks)
    if (b.type === "code" && (b.lang === undefined || /^(?:py|python|python3)$/i.test(b.lang))) {
      const step = quantizeCode(b.text, file, b.line + 1);
      if (step) return step;
    }
  return undefined;
}

/** The adapter merge the card states in another language (`state.adapterMerge`), after its training. */
function addAdapterMerge(steps: StepFacts[], state: CardState, file: string): void {
  if (state.adapterMerge === undefined || !steps.some((s) => s.kind === "fine-tune")) return;
  if (steps.some((s) => s.kind !== "fine-tune")) return;
  const note = "the card says the adapter was merged into its base";
  const merge = emptyStep(
    "adapter-merge",
    extracted(file, { line: state.adapterMerge, confidence: 0.7, note }),
  );
  // The adapter is merged into the base it was trained on: that base is the merge's named input.
  const base = state.proseBases[0];
  if (base) merge.inputs.push(fact({ id: base.value }, base.source));
  steps.push(merge);
}
