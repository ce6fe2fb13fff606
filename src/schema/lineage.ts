/**
 * The ftl/v1 lineage document format: the single source of truth. Types are inferred from these schemas, the
 * published JSON Schema (`schema/ftl-v1.schema.json`) is generated from them, and validation runs them.
 */
import { z } from "zod";
import {
  DIGEST_ALGORITHMS,
  DIGEST_HEX_LENGTH,
  FORMAT_V1,
  MERGE_METHODS,
  OBJECTIVES,
  PARAMETERIZATIONS,
  PRECISIONS,
  PROVENANCE_SOURCES,
  QUANTIZATION_METHODS,
  SIZE_UNITS,
} from "../model/vocabulary.js";

const text = z.string().trim().min(1, "must not be empty");
const identifier = z
  .string()
  .min(1, "must not be empty")
  .max(512, "is longer than 512 characters")
  .regex(/^\S(.*\S)?$/s, "must not start or end with white space");
const timestamp = z.iso.datetime({ offset: true }).meta({ description: "RFC 3339 date-time" });
const jsonMap = z.record(z.string(), z.json()).meta({ description: "An open map of JSON values" });

export const ProvenanceSchema = z
  .strictObject({
    source: z.enum(PROVENANCE_SOURCES).meta({
      description:
        "declared: stated by a person; extracted: read from a file (give file and field or line); inferred: derived by a rule or a guess",
    }),
    file: text.optional().meta({ description: "File the fact was read from (path or URL)" }),
    field: text.optional().meta({ description: "Field, key or JSON path inside the file" }),
    line: z.int().min(1).optional().meta({ description: "1-based line number inside the file" }),
    url: z.url().optional(),
    confidence: z.number().min(0).max(1).optional().meta({ description: "0 (guess) to 1 (certain)" }),
    by: text.optional().meta({ description: "Person or tool that made the claim" }),
    at: timestamp.optional(),
    note: text.optional(),
  })
  .meta({ id: "Provenance", description: "Where a claim came from." });

const provenanceFields = {
  provenance: ProvenanceSchema.optional().meta({ description: "Where this object as a whole came from" }),
  sources: z.record(z.string(), ProvenanceSchema).optional().meta({
    description:
      "Provenance of single fields, keyed by the field's path relative to this object (e.g. `hyperparameters.learningRate`)",
  }),
};

export const DigestSchema = z
  .strictObject({
    algorithm: z.enum(DIGEST_ALGORITHMS),
    value: z.string().regex(/^[0-9a-f]+$/, "must be lower-case hexadecimal"),
  })
  .superRefine((digest, ctx) => {
    const expected = DIGEST_HEX_LENGTH[digest.algorithm];
    if (digest.value.length !== expected) {
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: `a ${digest.algorithm} digest has ${expected} hex digits, got ${digest.value.length}`,
      });
    }
  })
  .meta({ id: "Digest", description: "Content digest of a file or artefact." });

export const FileRefSchema = z
  .strictObject({
    path: text.meta({ description: "Path inside the checkpoint" }),
    size: z.int().min(0).optional().meta({ description: "Size in bytes" }),
    digest: DigestSchema.optional(),
  })
  .meta({ id: "FileRef", description: "One file of a checkpoint." });

export const ModelRefSchema = z
  .strictObject({
    id: identifier.meta({
      description:
        "Hub id (`org/name`), or another stable name or path of the model: ftl writes a local path as `local:<path>` and a model the files only name, without an id, as `name:<name>`",
    }),
    name: text.optional().meta({ description: "Human-readable label" }),
    revision: text.optional().meta({ description: "Commit, tag or branch" }),
    digest: DigestSchema.optional(),
    files: z
      .array(FileRefSchema)
      .optional()
      .meta({ description: "Files of the checkpoint with their digests" }),
    license: text.optional().meta({ description: "SPDX licence expression or Hub licence id" }),
    licenseName: text.optional().meta({ description: "Licence name when `license` is `other`" }),
    licenseLink: z.url().optional(),
    url: z.url().optional(),
    ...provenanceFields,
  })
  .meta({ id: "ModelRef", description: "A model or checkpoint." });

export const DatasetSizeSchema = z
  .strictObject({
    count: z.number().min(0),
    unit: z.enum(SIZE_UNITS),
  })
  .meta({ id: "DatasetSize" });

export const DatasetRefSchema = z
  .strictObject({
    id: identifier
      .optional()
      .meta({ description: "Hub id (`org/name`) or another stable name of the dataset" }),
    description: text.optional().meta({ description: "What the data is, when it has no id" }),
    revision: text.optional(),
    digest: DigestSchema.optional(),
    subset: text.optional().meta({ description: "Configuration or subset name" }),
    split: text.optional(),
    size: DatasetSizeSchema.optional(),
    weight: z.number().min(0).optional().meta({ description: "Share of this dataset in a mixture" }),
    license: text.optional(),
    url: z.url().optional(),
    ...provenanceFields,
  })
  .refine((d) => d.id !== undefined || d.description !== undefined, {
    message: "a dataset needs an `id` or at least a `description`",
  })
  .meta({ id: "DatasetRef", description: "A dataset used by a step." });

export const ModelInputSchema = z
  .strictObject({
    id: identifier.optional().meta({ description: "A base's id or an earlier step's output id" }),
    step: identifier.optional().meta({ description: "The id of an earlier step, whose output is the input" }),
    weight: z.number().optional().meta({ description: "Merge weight" }),
    parameters: jsonMap.optional().meta({ description: "Per-model merge parameters (density, t, …)" }),
  })
  .refine((m) => (m.id === undefined) !== (m.step === undefined), {
    message: "an input model names exactly one of `id` or `step`",
  })
  .meta({ id: "ModelInput", description: "A reference to a base or to the output of an earlier step." });

export const HyperparametersSchema = z
  .strictObject({
    learningRate: z.number().positive().optional(),
    epochs: z.number().min(0).optional(),
    maxSteps: z.int().min(1).optional(),
    globalBatchSize: z
      .int()
      .min(1)
      .optional()
      .meta({ description: "Examples per optimiser step, all devices" }),
    perDeviceBatchSize: z.int().min(1).optional(),
    gradientAccumulationSteps: z.int().min(1).optional(),
    warmupRatio: z.number().min(0).max(1).optional(),
    warmupSteps: z.int().min(0).optional(),
    scheduler: text.optional().meta({ description: "Learning-rate schedule (cosine, linear, constant, …)" }),
    optimizer: text.optional(),
    weightDecay: z.number().min(0).optional(),
    maxSequenceLength: z.int().min(1).optional(),
    precision: z.enum(PRECISIONS).optional(),
    seed: z.int().optional(),
    beta: z.number().optional().meta({ description: "DPO/IPO/KTO/ORPO beta" }),
    other: jsonMap
      .optional()
      .meta({ description: "Every other hyperparameter, under the trainer's own name" }),
  })
  .meta({ id: "Hyperparameters" });

export const FrameworkSchema = z
  .strictObject({ name: text, version: text.optional() })
  .meta({ id: "Software", description: "A training or tooling framework and its version." });

export const HardwareSchema = z
  .strictObject({
    accelerator: text.optional().meta({ description: "e.g. NVIDIA A100 80GB" }),
    count: z.int().min(1).optional(),
    nodes: z.int().min(1).optional(),
    hours: z.number().min(0).optional().meta({ description: "Wall-clock hours" }),
  })
  .meta({ id: "Hardware" });

export const AdapterSchema = z
  .strictObject({
    rank: z.int().min(1).optional(),
    alpha: z.number().optional(),
    dropout: z.number().min(0).max(1).optional(),
    targetModules: z.union([z.array(text), z.literal("all-linear")]).optional(),
    quantizationBits: z
      .union([z.literal(2), z.literal(3), z.literal(4), z.literal(8)])
      .optional()
      .meta({
        description: "Bits of the frozen base during QLoRA training",
      }),
    useRslora: z.boolean().optional(),
    other: jsonMap.optional(),
  })
  .meta({ id: "Adapter", description: "Adapter settings (LoRA, QLoRA, DoRA)." });

const stepId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, "must be 1–128 letters, digits, '.', '_' or '-'");

const stepCommon = {
  id: stepId.meta({ description: "Stable id of the step inside this document" }),
  name: text.optional().meta({ description: "Human-readable label, e.g. `safety-DPO`" }),
  inputs: z
    .strictObject({
      models: z.array(ModelInputSchema).optional(),
      datasets: z.array(DatasetRefSchema).optional(),
    })
    .optional(),
  hyperparameters: HyperparametersSchema.optional(),
  output: ModelRefSchema.optional().meta({ description: "The resulting checkpoint" }),
  framework: FrameworkSchema.optional(),
  software: z.array(FrameworkSchema).optional().meta({ description: "Other libraries and their versions" }),
  startedAt: timestamp.optional(),
  endedAt: timestamp.optional(),
  hardware: HardwareSchema.optional(),
  notes: text.optional(),
  ...provenanceFields,
};

export const FineTuneStepSchema = z
  .strictObject({
    kind: z.literal("fine-tune"),
    objective: z.enum(OBJECTIVES).optional(),
    parameterization: z.enum(PARAMETERIZATIONS).optional(),
    adapter: AdapterSchema.optional(),
    ...stepCommon,
  })
  .meta({ id: "FineTuneStep" });

export const MergeStepSchema = z
  .strictObject({
    kind: z.literal("merge"),
    method: z.enum(MERGE_METHODS).optional(),
    baseModel: ModelInputSchema.optional().meta({
      description: "Reference model of task-vector methods (ties, dare, …)",
    }),
    parameters: jsonMap.optional(),
    ...stepCommon,
  })
  .meta({ id: "MergeStep" });

export const QuantizationStepSchema = z
  .strictObject({
    kind: z.literal("quantization"),
    method: z.enum(QUANTIZATION_METHODS).optional(),
    bits: z.number().positive().max(32).optional(),
    format: text.optional().meta({ description: "e.g. Q4_K_M, w4a16, nf4" }),
    groupSize: z.int().optional(),
    parameters: jsonMap.optional(),
    ...stepCommon,
  })
  .meta({ id: "QuantizationStep" });

export const AdapterMergeStepSchema = z
  .strictObject({ kind: z.literal("adapter-merge"), ...stepCommon })
  .meta({ id: "AdapterMergeStep", description: "Folding an adapter into its base's weights." });

export const OtherStepSchema = z
  .strictObject({ kind: z.literal("other"), description: text.optional(), ...stepCommon })
  .meta({ id: "OtherStep" });

export const StepSchema = z
  .discriminatedUnion("kind", [
    FineTuneStepSchema,
    MergeStepSchema,
    QuantizationStepSchema,
    AdapterMergeStepSchema,
    OtherStepSchema,
  ])
  .meta({ id: "Step" });

export const LineageDocumentSchema = z
  .strictObject({
    $schema: z.string().optional(),
    format: z.literal(FORMAT_V1),
    subject: ModelRefSchema.meta({ description: "The model this document describes" }),
    bases: z.array(ModelRefSchema).meta({ description: "Models the chain starts from" }),
    steps: z.array(StepSchema).meta({ description: "Derivation steps, in order" }),
    description: text.optional().meta({ description: "Free text about the model, as its authors wrote it" }),
    generator: FrameworkSchema.optional().meta({ description: "Tool that wrote the document" }),
    createdAt: timestamp.optional(),
    ...provenanceFields,
  })
  .meta({
    id: "LineageDocument",
    title: "ftl/v1 lineage document",
    description: "How one model (the subject) came to be: its bases and the ordered derivation steps.",
  });

export type Provenance = z.infer<typeof ProvenanceSchema>;
export type Digest = z.infer<typeof DigestSchema>;
export type FileRef = z.infer<typeof FileRefSchema>;
export type ModelRef = z.infer<typeof ModelRefSchema>;
export type DatasetSize = z.infer<typeof DatasetSizeSchema>;
export type DatasetRef = z.infer<typeof DatasetRefSchema>;
export type ModelInput = z.infer<typeof ModelInputSchema>;
export type Hyperparameters = z.infer<typeof HyperparametersSchema>;
export type Framework = z.infer<typeof FrameworkSchema>;
export type Hardware = z.infer<typeof HardwareSchema>;
export type Adapter = z.infer<typeof AdapterSchema>;
export type FineTuneStep = z.infer<typeof FineTuneStepSchema>;
export type MergeStep = z.infer<typeof MergeStepSchema>;
export type QuantizationStep = z.infer<typeof QuantizationStepSchema>;
export type AdapterMergeStep = z.infer<typeof AdapterMergeStepSchema>;
export type OtherStep = z.infer<typeof OtherStepSchema>;
export type Step = z.infer<typeof StepSchema>;
export type LineageDocument = z.infer<typeof LineageDocumentSchema>;
