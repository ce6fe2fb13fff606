/**
 * The classification rubric as data: points per step kind and for the document, and which items are
 * essential. The README prints it (`src/render/rubric-markdown.ts`), so the two cannot disagree.
 */
import type { StepKind } from "../model/vocabulary.js";

/** One rubric item: what it checks, its points, and whether lacking it makes a document `partial`. */
export interface RubricItem {
  item: string;
  points: number;
  essential: boolean;
  /** What the item asks for, as the README prints it. */
  asks: string;
}

/** Points per step kind (each kind sums to 100) and for the document itself (sums to 20). */
export const RUBRIC = {
  document: [
    { item: "base", points: 10, essential: false, asks: "at least one base model identified" },
    { item: "license", points: 5, essential: false, asks: "the subject's licence declared" },
    { item: "pinned", points: 5, essential: false, asks: "the subject pinned by revision or digest" },
  ],
  "fine-tune": [
    {
      item: "input",
      points: 10,
      essential: true,
      asks: "the model it started from (a base or an earlier checkpoint)",
    },
    { item: "objective", points: 15, essential: true, asks: "objective (sft, dpo, …)" },
    { item: "parameterization", points: 10, essential: true, asks: "parameterisation (full, lora, …)" },
    {
      item: "adapter-rank",
      points: 5,
      essential: true,
      asks: "adapter rank, for LoRA, QLoRA and DoRA (given free otherwise)",
    },
    {
      item: "datasets",
      points: 20,
      essential: true,
      asks: "every dataset identified by id (10 of 20 when only described)",
    },
    { item: "dataset-size", points: 5, essential: false, asks: "the size of every dataset" },
    { item: "learning-rate", points: 10, essential: true, asks: "learning rate" },
    { item: "training-length", points: 5, essential: true, asks: "epochs or max steps" },
    { item: "batch-size", points: 5, essential: false, asks: "global or per-device batch size" },
    {
      item: "output",
      points: 10,
      essential: true,
      asks: "the resulting checkpoint id (the last step's is the subject)",
    },
    { item: "framework", points: 5, essential: false, asks: "framework name" },
  ],
  merge: [
    { item: "input", points: 25, essential: true, asks: "two or more input models" },
    { item: "method", points: 25, essential: true, asks: "merge method" },
    { item: "merge-parameters", points: 15, essential: false, asks: "weights or method parameters" },
    { item: "output", points: 25, essential: true, asks: "the resulting checkpoint id" },
    { item: "framework", points: 10, essential: false, asks: "framework name (mergekit, …)" },
  ],
  quantization: [
    { item: "input", points: 25, essential: true, asks: "the model it quantised" },
    { item: "method", points: 25, essential: true, asks: "quantisation method" },
    { item: "bits", points: 15, essential: true, asks: "bits or format (Q4_K_M, …)" },
    { item: "output", points: 25, essential: true, asks: "the resulting checkpoint id" },
    { item: "framework", points: 10, essential: false, asks: "framework name" },
  ],
  "adapter-merge": [
    { item: "input", points: 40, essential: true, asks: "the base and adapter merged" },
    { item: "output", points: 50, essential: true, asks: "the resulting checkpoint id" },
    { item: "framework", points: 10, essential: false, asks: "framework name" },
  ],
  other: [
    { item: "description", points: 30, essential: true, asks: "a description of what was done" },
    { item: "input", points: 30, essential: true, asks: "the model it started from" },
    { item: "output", points: 40, essential: true, asks: "the resulting checkpoint id" },
  ],
} as const satisfies Record<StepKind | "document", readonly RubricItem[]>;

/** Share of the score earned by the steps (the document items earn the rest). */
export const STEP_SHARE = 80;
