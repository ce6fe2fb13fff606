/**
 * The API's shapes as zod schemas: query parameters (validated with them) and answers (described with them in
 * the OpenAPI document). Answers are the store's and the CLI's result objects; compile-time checks at the end
 * make these schemas fail to build when a store type drifts away from them.
 */
import { z } from "zod";
import { EXPORT_FORMATS } from "../export/index.js";
import { OBJECTIVES, PARAMETERIZATIONS, STEP_KINDS } from "../model/vocabulary.js";
import { HyperparametersSchema, LineageDocumentSchema } from "../schema/lineage.js";
import type * as S from "../store/store.js";
import { RELATIONS } from "../store/store.js";

const id = z.string().meta({ description: "Model id (`org/name`, a legacy root id, or `local:…`)" });
const depth = z.coerce.number().int().min(0).max(256).optional().meta({
  description: "Follow at most this many steps (default 256, which also bounds cycles in bad data)",
});
const RelationSchema = z.enum(RELATIONS);
const countsByRelation = z.object({
  finetune: z.int(),
  adapter: z.int(),
  merge: z.int(),
  quantized: z.int(),
});

// --- query parameters -------------------------------------------------------------------------------

export const WalkQuery = z.strictObject({ "max-depth": depth });

export const DescendantsQuery = z.strictObject({
  objective: z.enum(OBJECTIVES).optional().meta({ description: "A step on the path has this objective" }),
  param: z
    .enum(PARAMETERIZATIONS)
    .optional()
    .meta({ description: "A step on the path has this parameterisation" }),
  dataset: z.string().min(1).optional().meta({ description: "A step on the path used this dataset" }),
  relation: RelationSchema.optional().meta({ description: "How the descendant itself was made" }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(50)
    .meta({ description: "Models per page (1–1000)" }),
  cursor: z
    .string()
    .max(200)
    .optional()
    .meta({ description: "`next` of the previous page (same id and filters)" }),
  "max-depth": depth,
});

export const TrainedOnQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(10_000).default(100),
  "max-depth": depth,
});

export const CommonQuery = z.strictObject({
  a: z.string().min(1).meta({ description: "First model id" }),
  b: z.string().min(1).meta({ description: "Second model id" }),
  "max-depth": depth,
});

export const SearchQuery = z.strictObject({
  q: z.string().min(1).max(512).meta({
    description: "Prefix of a model or dataset id; without capitals it matches either case (smart case)",
  }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(20)
    .meta({ description: "Ids of each kind (≤ 1000)" }),
  kind: z.enum(["all", "model", "dataset"]).default("all"),
  "exact-case": z.enum(["0", "1"]).optional().meta({ description: "1: match letter case exactly" }),
});

export const ExportQuery = z.strictObject({
  format: z.enum(EXPORT_FORMATS),
  download: z
    .enum(["0", "1"])
    .optional()
    .meta({ description: "1: answer as an attachment with a file name" }),
});

export const DocumentsPostQuery = z.strictObject({
  source: z.string().min(1).max(512).optional().meta({
    description: "Where the documents come from (default `api:TOKEN-NAME`); a JSONL line's own source wins",
  }),
});

// --- answers ----------------------------------------------------------------------------------------

export const StepEdgeSchema = z
  .object({
    parent: z.string(),
    child: z.string(),
    stepId: z.string(),
    kind: z.enum(STEP_KINDS),
    relation: RelationSchema,
    name: z.string().optional(),
    objective: z.string().optional(),
    parameterization: z.string().optional(),
    method: z.string().optional(),
    hyperparameters: HyperparametersSchema.optional(),
    datasets: z.array(z.string()),
    source: z.string(),
    document: z.string().meta({ description: "Content hash of the document that declares the step" }),
  })
  .meta({ id: "StepEdge" });

export const AncestorsSchema = z
  .object({
    id,
    models: z.array(z.object({ id: z.string(), depth: z.int() })),
    steps: z.array(StepEdgeSchema),
    roots: z.array(z.string()),
    complete: z.boolean(),
  })
  .meta({ id: "Ancestors", description: "As `ftl query ancestors ID --json`" });

export const DescendantsPageSchema = z
  .object({
    id,
    total: z.int().meta({ description: "Matching descendants, all pages" }),
    counts: countsByRelation,
    models: z.array(
      z.object({ id: z.string(), depth: z.int(), relation: RelationSchema, parents: z.array(z.string()) }),
    ),
    next: z
      .string()
      .nullable()
      .meta({ description: "Pass as `cursor` for the next page; null on the last one" }),
    complete: z.boolean(),
  })
  .meta({
    id: "DescendantsPage",
    description:
      "As `ftl query descendants ID --limit N [--cursor C] --json`: nearest first, then in registration order",
  });

export const TrainedOnSchema = z
  .object({
    dataset: z.string(),
    known: z.boolean(),
    total: z.int(),
    models: z.array(z.object({ id: z.string(), depth: z.int() })),
    truncated: z.boolean(),
    complete: z.boolean(),
  })
  .meta({ id: "TrainedOn", description: "As `ftl query trained-on DATASET --json`" });

export const DatasetsSchema = z
  .object({
    id,
    datasets: z.array(z.object({ id: z.string(), depth: z.int(), models: z.array(z.string()) })),
    complete: z.boolean(),
  })
  .meta({ id: "Datasets", description: "As `ftl query datasets ID --json`" });

export const CommonSchema = z
  .object({
    a: z.string(),
    b: z.string(),
    nearest: z.string().nullable(),
    alsoNearest: z.array(z.string()),
    pathA: z.array(StepEdgeSchema),
    pathB: z.array(StepEdgeSchema),
    direct: z.boolean(),
  })
  .meta({ id: "Common", description: "As `ftl query common A B --json`" });

const StoredDocumentSchema = z.object({
  hash: z.string(),
  source: z.string(),
  addedAt: z.string(),
  current: z.boolean(),
  document: LineageDocumentSchema,
});

const LicenseClaimSchema = z.object({
  license: z.string(),
  licenseName: z.string().optional(),
  licenseLink: z.string().optional(),
  sources: z.array(z.string()),
});

export const ModelSchema = z
  .object({
    id,
    model: z.object({
      id: z.string(),
      anonymous: z.boolean(),
      parents: z.array(z.string()),
      children: z.int(),
      documents: z.int(),
    }),
    documents: z.array(StoredDocumentSchema).meta({ description: "Oldest first, history included" }),
    disagreements: z.array(
      z.object({
        about: z.enum(["parents", "content"]),
        claims: z.array(z.object({ source: z.string(), hash: z.string(), value: z.array(z.string()) })),
      }),
    ),
    licenses: z.array(LicenseClaimSchema).meta({ description: "Licences current documents declare for it" }),
  })
  .meta({
    id: "Model",
    description: "`ftl query documents ID --json` plus the model and its declared licence",
  });

export const SearchSchema = z
  .object({ models: z.array(z.string()), datasets: z.array(z.string()) })
  .meta({ id: "SearchResult", description: "As `ftl query search PREFIX --json`" });

export const AddSummarySchema = z
  .object({
    added: z.int(),
    duplicates: z.int(),
    superseded: z.int(),
    results: z.array(
      z.object({
        index: z.int(),
        status: z.enum(["added", "duplicate"]),
        hash: z.string(),
        subject: z.string(),
        superseded: z.int(),
      }),
    ),
    source: z.string(),
  })
  .meta({ id: "AddSummary", description: "What was stored (as `Store.addDocuments`)" });

export const HealthSchema = z.object({ ok: z.literal(true), registry: z.enum(["sqlite", "postgres"]) });

// --- compile-time checks: a store type that drifts from its schema breaks the build ------------------

type Assignable<T extends U, U> = T;
export type _Checks = [
  Assignable<Record<S.Relation, number>, z.infer<typeof countsByRelation>>,
  Assignable<S.SearchResult, z.infer<typeof SearchSchema>>,
  Assignable<S.AncestorsResult, z.infer<typeof AncestorsSchema>>,
  Assignable<S.DescendantsPage, z.infer<typeof DescendantsPageSchema>>,
  Assignable<z.infer<typeof DescendantsPageSchema>, S.DescendantsPage>,
  Assignable<S.TrainedOnResult, z.infer<typeof TrainedOnSchema>>,
  Assignable<S.DatasetsResult, z.infer<typeof DatasetsSchema>>,
  Assignable<S.CommonResult, z.infer<typeof CommonSchema>>,
  Assignable<S.AddSummary, Omit<z.infer<typeof AddSummarySchema>, "source">>,
];
