/**
 * Hugging Face model cards: YAML front matter (base_model, base_model_relation, datasets, license, tags,
 * library_name, model-index) and the Markdown body (read by `card-body.ts`), turned into steps.
 */

import type { Provenance } from "../schema/lineage.js";
import { newCardState, readBody } from "./card-body.js";
import { assignDatasets } from "./card-datasets.js";
import { originalBaseStep } from "./card-intermediate.js";
import { selfIdEvidence } from "./card-self-id.js";
import { readTrainingKeys } from "./config-fields.js";
import { CARD_READERS } from "./evidence/card-readers.js";
import type { MergeEvidence } from "./evidence/merge-prose.js";
import { severalModelsWarning } from "./evidence/released-models.js";
import { selfLinkEvidence } from "./evidence/self-link.js";
import { emptyStep, extracted, type FileFacts, fact, inferred, type StepFacts } from "./facts.js";
import { parseCard } from "./markdown.js";
import { mergeStepInto, sameModel } from "./merge-steps.js";
import { type ProseStep, parameterizationIn } from "./read-prose.js";
import {
  FRAMEWORK_NAMES,
  GGUF_TYPE,
  MERGE_METHOD_WORDS,
  OBJECTIVE_ORDER,
  OBJECTIVE_WORDS,
  QUANT_PATTERNS,
  TRAINING_FRAMEWORKS,
} from "./terms.js";

const str = (v: unknown): string | undefined =>
  typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
const strings = (v: unknown): string[] =>
  (Array.isArray(v) ? v : [v]).map((x) => (typeof x === "string" ? x.trim() : "")).filter((x) => x !== "");

/** Tags of quantised re-uploads in formats outside the quantisation vocabulary (FP8, INT4 w4a16, NVFP4, …). */
const OTHER_QUANT_TAG =
  /\b(quantized|quantised|fp8|int4|int8|w4a16|w8a8|w4a4|nvfp4|mxfp4|compressed-tensors|4-bit|8-bit)\b/i;
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
function mergeStep(
  file: string,
  bases: string[],
  at: (key: string) => Provenance,
  said: MergeEvidence | undefined,
  text: string,
): StepFacts {
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

/** Reads a model card. */
export function readCard(text: string, file: string): FileFacts {
  const out: FileFacts = { file, kind: "model-card", bases: [], steps: [], warnings: [] };
  const card = parseCard(text, file, out.warnings);
  const fm = card.frontMatter ?? {};
  const at = (key: string, confidence = 1) =>
    extracted(file, { field: key, line: card.keyLines.get(key), confidence });
  const rawTags = strings(fm.tags);
  const library = str(fm.library_name)?.toLowerCase();
  // The Hub's own tags name the parent and the relation: `base_model:adapter:org/name`.
  const tagged = rawTags
    .map((t) => /^base_model:(?:(adapter|finetune|merge|quantized):)?(.+)$/i.exec(t))
    .filter((m): m is RegExpExecArray => m !== null);
  const declared = strings(fm.base_model).filter((b) => b.toLowerCase() !== "none");
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
  const metaDatasets = strings(fm.datasets);

  const state = newCardState(file, out);
  readBody(card.blocks, state);
  for (const reader of CARD_READERS) reader(card.blocks, state);
  const firstProse = card.blocks.find((b) => b.type === "prose");
  if (firstProse) out.description = firstProse.text.slice(0, 500);

  // Kind of derivation.
  const body = text.replace(/^---[\s\S]*?\n---/, "");
  const quantTag =
    tags.some((t) => QUANT_PATTERNS.some(([re]) => re.test(t)) || OTHER_QUANT_TAG.test(t)) ||
    QUANT_PATTERNS.slice(0, 4).some(([re]) => re.test(card.title ?? "")) ||
    QUANTIZED_PROSE.test(body) ||
    state.quant !== undefined;
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
  const quantSource = bases.length === 0 && state.quant?.source ? [state.quant.source] : [];
  const isQuant =
    relation === "quantized" ||
    (relation === undefined &&
      quantTag &&
      !hasTraining &&
      !isMerge &&
      (bases.length > 0 || quantSource.length > 0));

  if (isMerge) {
    steps = [mergeStep(file, bases, at, state.merge, text)];
  } else if (isQuant) {
    const q = emptyStep(
      "quantization",
      extracted(file, { field: relation ? "base_model_relation" : "tags" }),
    );
    for (const b of bases) q.inputs.push(fact({ id: b }, at("base_model")));
    for (const s of quantSource) q.inputs.push(fact({ id: s.value }, s.source));
    const hay = `${card.title ?? ""} ${tags.join(" ")}`;
    const method =
      QUANT_PATTERNS.find(([re]) => re.test(hay))?.[1] ?? (OTHER_QUANT_TAG.test(hay) ? "other" : undefined);
    if (method) q.quantMethod = fact(method, extracted(file, { field: "tags", confidence: 0.9 }));
    else if (state.quant?.method) q.quantMethod = state.quant.method;
    if (state.quant?.bits) q.bits = state.quant.bits;
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
            (s.objective.source.source === "inferred" && !s.recipe)),
      );
      if (target) mergeStepInto(target, s, out.warnings);
      else steps.push(s);
    }
  }

  if (
    steps.length === 0 &&
    (((bases.length > 0 || state.proseBases.length > 0) &&
      (hasTraining ||
        state.genericFineTune !== undefined ||
        relation === "finetune" ||
        relation === "adapter" ||
        metaDatasets.length > 0)) ||
      // A Trainer card with holes ("a fine-tuned version of [](…) on the None dataset") and a hyperparameter
      // list still records a training run; its base is unknown.
      (state.genericFineTune !== undefined && state.hp.length >= 2))
  ) {
    const named = bases.length > 0 || state.proseBases.length > 0;
    steps.push(
      emptyStep(
        "fine-tune",
        extracted(file, {
          field: bases.length > 0 ? "base_model" : undefined,
          note: named
            ? "the card names a base model"
            : "a Trainer card's hyperparameter list; the base is not named",
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

  if (state.quantizationBits && [4, 8].includes(state.quantizationBits.value))
    out.trainingQuantBits = state.quantizationBits;

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
  assignDatasets(trainingSteps, metaDatasets, state.proseDatasets, at("datasets"), out);
  if (bases.length === 1) originalBaseStep(steps, out.bases.slice(0, 1), state.proseBases, file);
  out.steps = steps;
  // Usage code names the subject only when the card says which model is the base (else it may load the base).
  const baseKnown = bases.length > 0 || out.bases.length > 0 || state.proseBases.length > 0;
  const notSubject = [
    ...bases,
    ...out.bases.map((b) => b.value),
    ...steps.flatMap((s) => [
      ...s.inputs.map((i) => i.value.id),
      ...s.datasets.flatMap((d) => d.value.id ?? []),
    ]),
    ...metaDatasets,
  ];
  const stated = state.statedSubject;
  out.subject =
    stated && !notSubject.some((id) => id.toLowerCase() === stated.value.toLowerCase())
      ? stated
      : (selfIdEvidence(card.blocks, file, notSubject, baseKnown) ??
        selfLinkEvidence(card.blocks, card.title, file, notSubject));
  if (!out.subject) out.warnings.push(...severalModelsWarning(card.blocks, notSubject, file));
  return out;
}
