/**
 * The label of one corpus item (`test/fixtures/corpus/<set>/<item>/label.json`), written by a person reading
 * the files before ftl ran on them. `test/fixtures/corpus/LABELING.md` is the labellers' guide.
 */
import { z } from "zod";
import {
  MERGE_METHODS,
  OBJECTIVES,
  PARAMETERIZATIONS,
  QUANTIZATION_METHODS,
  STEP_KINDS,
} from "../../model/vocabulary.js";

export const CATEGORIES = [
  "intermediate-checkpoint",
  "adapter-card",
  "trainer-autocard",
  "merge",
  "quantized",
  "non-english",
  "no-org-name",
  "long-doc",
  "recipe",
  "folder",
  "base-only",
  "vague",
  "card-other",
] as const;
export type Category = (typeof CATEGORIES)[number];

/** A model or dataset reference as labelled: `org/name`, `local:<path>`, `name:<as written>`. */
const ref = z.string().min(1);

const LabelStepSchema = z.object({
  kind: z.enum(STEP_KINDS),
  objective: z.enum(OBJECTIVES).nullish(),
  parameterization: z.enum(PARAMETERIZATIONS).nullish(),
  method: z.union([z.enum(MERGE_METHODS), z.enum(QUANTIZATION_METHODS)]).nullish(),
  inputs: z.array(ref.nullable()).default([]),
  output: ref.nullish(),
  datasets: z.array(ref).default([]),
  hyperparameters: z.record(z.string(), z.union([z.number(), z.string()])).default({}),
  adapter_rank: z.int().nullish(),
});
export type LabelStep = z.infer<typeof LabelStepSchema>;

export const LabelSchema = z.object({
  item: z.string(),
  set: z.enum(["dev", "sealed"]),
  category: z.enum(CATEGORIES),
  language: z.string().default("en"),
  sources: z.array(
    z.object({ file: z.string(), repo: z.string(), commit: z.string().nullable(), path: z.string() }),
  ),
  is_instance: z.boolean(),
  subject: ref.nullish(),
  root_bases: z.array(ref).default([]),
  steps: z.array(LabelStepSchema).default([]),
  notes: z.string().optional(),
});
export type Label = z.infer<typeof LabelSchema>;
