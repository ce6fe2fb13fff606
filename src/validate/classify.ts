/**
 * Classification, the heart of the term: `lineage`, `partial` or `not-lineage`, with a 0–100 completeness
 * score. The rubric is data (`RUBRIC`), so the README and the code cannot disagree.
 */
import { isTrainingOrMerge, stepModelInputs } from "../model/graph.js";
import { isRegistrableId, namedModel, UNKNOWN_MODEL_ID } from "../model/refs.js";
import { ADAPTER_PARAMETERIZATIONS, type LineageClass } from "../model/vocabulary.js";
import type { LineageDocument, Step } from "../schema/lineage.js";
import { issue, type ValidationIssue } from "./issue.js";

import { RUBRIC, type RubricItem, STEP_SHARE } from "./rubric.js";

interface ItemResult {
  /** Fraction of the item's points earned, 0 to 1. */
  earned: number;
  /** Problem to report when not fully earned. */
  path?: string;
  message?: string;
}

type Checks = Record<string, (step: Step, i: number, isLast: boolean) => ItemResult>;

const ok: ItemResult = { earned: 1 };
const lacking = (path: string, message: string): ItemResult => ({ earned: 0, path, message });

const commonChecks: Checks = {
  input: (step, i) => {
    const models = stepModelInputs(step);
    const needed = step.kind === "merge" ? 2 : 1;
    // A model the files name without an id (`name:…`) is said, not identified: half the points.
    const named = models.findIndex((m) => namedModel(m.id) !== undefined);
    if (models.length >= needed && named >= 0)
      return {
        earned: 0.5,
        path: `steps[${i}].inputs.models[${named}].id`,
        message: `the model "${namedModel(models[named]?.id)}" is named but not identified by a Hub id or a path`,
      };
    return models.length >= needed
      ? ok
      : lacking(
          `steps[${i}].inputs.models`,
          step.kind === "merge"
            ? "fewer than two input models"
            : "the model this step started from is not named",
        );
  },
  output: (step, i, isLast) => {
    if (step.output !== undefined) return ok;
    if (isLast)
      return {
        earned: 1,
        path: `steps[${i}].output`,
        message: "no output given; taken to be the subject",
      };
    return lacking(`steps[${i}].output`, "the resulting checkpoint is not identified");
  },
  framework: (step, i) =>
    step.framework !== undefined ? ok : lacking(`steps[${i}].framework`, "the framework used is not named"),
};

const fineTuneChecks: Checks = {
  objective: (step, i) =>
    step.kind === "fine-tune" && step.objective !== undefined
      ? ok
      : lacking(`steps[${i}].objective`, "the training objective (sft, dpo, …) is not given"),
  parameterization: (step, i) =>
    step.kind === "fine-tune" && step.parameterization !== undefined
      ? ok
      : lacking(`steps[${i}].parameterization`, "the parameterisation (full, lora, qlora, …) is not given"),
  "adapter-rank": (step, i) => {
    if (step.kind !== "fine-tune" || step.parameterization === undefined) return ok;
    if (!(ADAPTER_PARAMETERIZATIONS as readonly string[]).includes(step.parameterization)) return ok;
    return step.adapter?.rank !== undefined
      ? ok
      : lacking(`steps[${i}].adapter.rank`, `the ${step.parameterization} rank is not given`);
  },
  datasets: (step, i) => {
    const datasets = step.inputs?.datasets ?? [];
    if (datasets.length === 0) return lacking(`steps[${i}].inputs.datasets`, "no dataset is named");
    const unnamed = datasets.findIndex((d) => d.id === undefined);
    if (unnamed === -1) return ok;
    const d = datasets[unnamed];
    return {
      earned: 0.5,
      path: `steps[${i}].inputs.datasets[${unnamed}].id`,
      message: `the dataset described as "${d?.description}" is not identified by an id`,
    };
  },
  "dataset-size": (step, i) => {
    const datasets = step.inputs?.datasets ?? [];
    const missing = datasets.findIndex((d) => d.size === undefined);
    if (datasets.length > 0 && missing === -1) return ok;
    return lacking(
      datasets.length === 0 ? `steps[${i}].inputs.datasets` : `steps[${i}].inputs.datasets[${missing}].size`,
      "the dataset size is not given",
    );
  },
  "learning-rate": (step, i) =>
    step.hyperparameters?.learningRate !== undefined
      ? ok
      : lacking(`steps[${i}].hyperparameters.learningRate`, "the learning rate is not given"),
  "training-length": (step, i) =>
    step.hyperparameters?.epochs !== undefined || step.hyperparameters?.maxSteps !== undefined
      ? ok
      : lacking(
          `steps[${i}].hyperparameters.epochs`,
          "the training length (epochs or max steps) is not given",
        ),
  "batch-size": (step, i) =>
    step.hyperparameters?.globalBatchSize !== undefined ||
    step.hyperparameters?.perDeviceBatchSize !== undefined
      ? ok
      : lacking(`steps[${i}].hyperparameters.globalBatchSize`, "the batch size is not given"),
};

const methodChecks: Checks = {
  method: (step, i) =>
    (step.kind === "merge" || step.kind === "quantization") && step.method !== undefined
      ? ok
      : lacking(
          `steps[${i}].method`,
          `the ${step.kind === "merge" ? "merge" : "quantisation"} method is not given`,
        ),
  "merge-parameters": (step, i) => {
    if (step.kind !== "merge") return ok;
    const weighted = (step.inputs?.models ?? []).some(
      (m) => m.weight !== undefined || m.parameters !== undefined,
    );
    return weighted || step.parameters !== undefined
      ? ok
      : lacking(`steps[${i}].parameters`, "no merge weights or parameters are given");
  },
  bits: (step, i) =>
    step.kind === "quantization" && (step.bits !== undefined || step.format !== undefined)
      ? ok
      : lacking(`steps[${i}].bits`, "neither bits nor format is given"),
  description: (step, i) =>
    (step.kind === "other" && step.description !== undefined) || step.notes !== undefined
      ? ok
      : lacking(`steps[${i}].description`, "what this step did is not described"),
};

const CHECKS: Checks = { ...commonChecks, ...fineTuneChecks, ...methodChecks };

/** Scores one step (0–100) and lists what it lacks. */
export function scoreStep(
  step: Step,
  i: number,
  isLast: boolean,
): { score: number; missing: ValidationIssue[]; essentialMissing: number } {
  let score = 0;
  let essentialMissing = 0;
  const missing: ValidationIssue[] = [];
  for (const item of RUBRIC[step.kind] as readonly RubricItem[]) {
    const check = CHECKS[item.item];
    if (check === undefined) throw new Error(`no check for rubric item ${item.item}`);
    const result = check(step, i, isLast);
    score += item.points * result.earned;
    if (result.message === undefined || result.path === undefined) continue;
    const code =
      result.earned === 1
        ? `inferred.${item.item}`
        : item.essential
          ? `missing.${item.item}`
          : `recommended.${item.item}`;
    const severity = result.earned === 1 ? "info" : item.essential ? "warning" : "info";
    if (result.earned < 1 && item.essential) essentialMissing++;
    missing.push(issue(severity, code, result.path, `${result.path}: ${result.message}`));
  }
  return { score, missing, essentialMissing };
}

function scoreDocument(doc: LineageDocument): { score: number; notes: ValidationIssue[] } {
  const notes: ValidationIssue[] = [];
  let score = 0;
  if (doc.bases.length > 0) score += 10;
  else notes.push(issue("info", "recommended.base", "bases", "bases: no base model is identified"));
  if (doc.subject.license !== undefined) score += 5;
  else
    notes.push(
      issue(
        "info",
        "recommended.license",
        "subject.license",
        "subject.license: the subject's licence is not declared",
      ),
    );
  if (doc.subject.revision !== undefined || doc.subject.digest !== undefined) score += 5;
  else
    notes.push(
      issue(
        "info",
        "recommended.pinned",
        "subject.revision",
        "subject.revision: the subject is not pinned by revision or digest",
      ),
    );
  return { score, notes };
}

export interface Classification {
  class: LineageClass;
  score: number;
  issues: ValidationIssue[];
}

/**
 * Classifies a schema-valid document.
 *
 * @example
 * classify(doc) // → { class: "partial", score: 61, issues: [{ code: "missing.learning-rate", … }] }
 */
export function classify(doc: LineageDocument): Classification {
  const { score: documentScore, notes } = scoreDocument(doc);
  if (doc.steps.length === 0) {
    const what =
      doc.bases.length > 0
        ? `base model${doc.bases.length > 1 ? "s" : ""} ${doc.bases.map((b) => `"${b.id}"`).join(", ")}`
        : `the model "${doc.subject.id}"`;
    const reason =
      doc.description !== undefined
        ? issue(
            "warning",
            "not-lineage.free-text",
            "steps",
            `steps: only free text (${JSON.stringify(doc.description.length > 80 ? `${doc.description.slice(0, 77)}...` : doc.description)}) and no procedure; record each step with its base model, method, datasets, hyperparameters and resulting checkpoint`,
          )
        : issue(
            "warning",
            "not-lineage.base-only",
            "steps",
            `steps: no fine-tuning history; the document records ${what} only`,
          );
    return { class: "not-lineage", score: documentScore, issues: [reason, ...notes] };
  }

  const stepIssues: ValidationIssue[] = [];
  let stepTotal = 0;
  let essentialMissing = 0;
  doc.steps.forEach((step, i) => {
    const scored = scoreStep(step, i, i === doc.steps.length - 1);
    stepTotal += scored.score;
    essentialMissing += scored.essentialMissing;
    stepIssues.push(...scored.missing);
  });

  if (doc.subject.id !== UNKNOWN_MODEL_ID && !isRegistrableId(doc.subject.id)) {
    essentialMissing++;
    stepIssues.push(
      issue(
        "warning",
        "missing.subject-org",
        "subject.id",
        `subject.id: "${doc.subject.id}" is neither a Hub id (org/name) nor a local: reference; give the full id (ftl import --subject ORG/NAME)`,
      ),
    );
  }
  if (doc.subject.id === UNKNOWN_MODEL_ID) {
    essentialMissing++;
    stepIssues.push(
      issue(
        "warning",
        "missing.subject",
        "subject.id",
        "subject.id: no file names the model this document describes; supply it (ftl import --subject ID)",
      ),
    );
  }

  if (!doc.steps.some(isTrainingOrMerge)) {
    const kinds = [...new Set(doc.steps.map((s) => s.kind))].join(" and ");
    return {
      class: "not-lineage",
      score: documentScore,
      issues: [
        issue(
          "warning",
          "not-lineage.no-training",
          "steps",
          `steps: only ${kinds} steps, a derivation without fine-tuning or merging`,
        ),
        ...notes,
      ],
    };
  }

  const score = Math.round(documentScore + (STEP_SHARE * stepTotal) / (100 * doc.steps.length));
  return { class: essentialMissing > 0 ? "partial" : "lineage", score, issues: [...stepIssues, ...notes] };
}
