/**
 * `GET /api/v1/openapi.json`: the OpenAPI 3.1 document, generated from the same zod schemas that validate
 * queries and define the format (`z.toJSONSchema`, draft 2020-12, which OpenAPI 3.1 uses as it is). Nothing
 * in it is written by hand but the summaries.
 */
import { z } from "zod";
import { LineageDocumentSchema } from "../schema/lineage.js";
import { ErrorBodySchema } from "./errors.js";
import { EXPORT_CONTENT_TYPES } from "./routes/models.js";
import {
  AddSummarySchema,
  AncestorsSchema,
  CommonQuery,
  CommonSchema,
  DatasetsSchema,
  DescendantsPageSchema,
  DescendantsQuery,
  DocumentsPostQuery,
  ExportQuery,
  HealthSchema,
  ModelSchema,
  SearchQuery,
  SearchSchema,
  TrainedOnQuery,
  TrainedOnSchema,
  WalkQuery,
} from "./schemas.js";

interface RouteDoc {
  method: "get" | "post";
  path: string;
  summary: string;
  query?: z.ZodObject;
  response: z.ZodType | { contentTypes: Record<string, string> };
  status?: 200 | 201;
  write?: boolean;
  tag: string;
}

const MODEL = "/api/v1/models/{org}/{name}";
const EMPTY = z.strictObject({});

/** Every route of the API, as documented. */
export const API_ROUTES: RouteDoc[] = [
  {
    method: "get",
    path: "/healthz",
    summary: "200 when the registry answers",
    response: HealthSchema,
    tag: "meta",
  },
  {
    method: "get",
    path: MODEL,
    summary: "The model, its documents with history and sources, disagreements, declared licence",
    query: EMPTY,
    response: ModelSchema,
    tag: "models",
  },
  {
    method: "get",
    path: `${MODEL}/ancestors`,
    summary: "Every ancestor to every root, with the steps between",
    query: WalkQuery,
    response: AncestorsSchema,
    tag: "models",
  },
  {
    method: "get",
    path: `${MODEL}/descendants`,
    summary: "Descendants, filtered, with counts by relation; cursor paging",
    query: DescendantsQuery,
    response: DescendantsPageSchema,
    tag: "models",
  },
  {
    method: "get",
    path: `${MODEL}/datasets`,
    summary: "Every dataset in the model's ancestry",
    query: WalkQuery,
    response: DatasetsSchema,
    tag: "models",
  },
  {
    method: "get",
    path: `${MODEL}/audit`,
    summary: "The licence audit (as `ftl audit registry:ID --json`)",
    query: EMPTY,
    response: z
      .looseObject({
        subject: z.looseObject({ id: z.string() }),
        verdict: z.looseObject({ level: z.string() }),
        findings: z.array(z.looseObject({ severity: z.string(), code: z.string(), message: z.string() })),
        exitCode: z.int(),
      })
      .meta({ id: "Audit" }),
    tag: "models",
  },
  {
    method: "get",
    path: `${MODEL}/export`,
    summary: "The lineage in a standard format (the model's latest current document)",
    query: ExportQuery,
    response: { contentTypes: EXPORT_CONTENT_TYPES },
    tag: "models",
  },
  {
    method: "get",
    path: "/api/v1/datasets/{id}/models",
    summary: "Every model whose lineage used the dataset",
    query: TrainedOnQuery,
    response: TrainedOnSchema,
    tag: "datasets",
  },
  {
    method: "get",
    path: "/api/v1/common",
    summary: "Nearest common ancestor of a and b, and the two paths",
    query: CommonQuery,
    response: CommonSchema,
    tag: "models",
  },
  {
    method: "get",
    path: "/api/v1/search",
    summary: "Model and dataset ids that start with q",
    query: SearchQuery,
    response: SearchSchema,
    tag: "search",
  },
  {
    method: "post",
    path: "/api/v1/documents",
    summary: "Add one document (application/json) or many (application/x-ndjson)",
    query: DocumentsPostQuery,
    response: AddSummarySchema,
    status: 201,
    write: true,
    tag: "documents",
  },
];

const REF_ROOT = "#/components/schemas/";

/** JSON Schemas of many zod schemas at once, shared parts (`.meta({id})`) under components. */
function jsonSchemas(named: Record<string, z.ZodType>, io: "input" | "output") {
  const whole = z.toJSONSchema(z.object(named), { target: "draft-2020-12", io, unrepresentable: "any" });
  const text = JSON.stringify(whole).replaceAll('"#/$defs/', `"${REF_ROOT}`);
  const parsed = JSON.parse(text) as { properties: Record<string, unknown>; $defs?: Record<string, unknown> };
  return { properties: parsed.properties, defs: parsed.$defs ?? {} };
}

function parameters(route: RouteDoc, querySchemas: Record<string, unknown>) {
  const path = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: "path",
    required: true,
    schema: { type: "string" },
    description:
      m[1] === "id" ? "Dataset id as it is (slashes included)" : `The ${m[1]} part of the model id`,
  }));
  const query = Object.entries(route.query?.shape ?? {}).map(([name, schema]) => ({
    name,
    in: "query",
    required: !(schema as z.ZodType).safeParse(undefined).success,
    schema: querySchemas[`${route.method} ${route.path} ${name}`],
  }));
  return [...path, ...query];
}

const POST_BODY = {
  required: true,
  content: {
    "application/json": { schema: { $ref: `${REF_ROOT}LineageDocument` } },
    "application/x-ndjson": {
      schema: { type: "string", description: "One document (or {source, document}) per line" },
    },
  },
};

/** Error statuses of a route: reads can meet a required read token and the timeout too. */
const errorStatuses = (route: RouteDoc): string[] =>
  route.write ? ["400", "401", "403", "413", "415", "422", "503"] : ["400", "401", "404", "503"];

/** One operation of the document: parameters, body, security and responses. */
function operation(
  route: RouteDoc,
  out: { properties: Record<string, unknown> },
  inputs: { properties: Record<string, unknown> },
): Record<string, unknown> {
  const ok =
    route.response instanceof z.ZodType
      ? { "application/json": { schema: out.properties[`${route.method} ${route.path}`] } }
      : Object.fromEntries(
          Object.values(route.response.contentTypes).map((t) => [t, { schema: { type: "string" } }]),
        );
  const error = { description: "Error", content: { "application/json": { schema: out.properties.Error } } };
  return {
    summary: route.summary,
    tags: [route.tag],
    parameters: parameters(route, inputs.properties),
    ...(route.method === "post" ? { requestBody: POST_BODY } : {}),
    ...(route.write ? { security: [{ bearer: [] }] } : {}),
    responses: {
      [String(route.status ?? 200)]: { description: "OK", content: ok },
      ...Object.fromEntries(errorStatuses(route).map((status) => [status, error])),
    },
  };
}

/**
 * The OpenAPI 3.1 document of the API.
 *
 * @example
 * const doc = openApiDocument("0.1.0");
 */
export function openApiDocument(version: string): Record<string, unknown> {
  const responses: Record<string, z.ZodType> = {
    Error: ErrorBodySchema,
    LineageDocument: LineageDocumentSchema,
  };
  const queryParams: Record<string, z.ZodType> = {};
  for (const route of API_ROUTES) {
    if (route.response instanceof z.ZodType) responses[`${route.method} ${route.path}`] = route.response;
    for (const [name, schema] of Object.entries(route.query?.shape ?? {}))
      queryParams[`${route.method} ${route.path} ${name}`] = schema as z.ZodType;
  }
  const out = jsonSchemas(responses, "output");
  const inputs = jsonSchemas(queryParams, "input");
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of API_ROUTES)
    paths[route.path] = { ...paths[route.path], [route.method]: operation(route, out, inputs) };
  return {
    openapi: "3.1.0",
    info: {
      title: "ftl registry API",
      version,
      description: "Model fine-tune lineage: the registry over HTTP (ftl serve)",
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    paths,
    components: {
      // Both have an id, so the generator put them under $defs already (a property would only refer to it).
      schemas: { LineageDocument: out.properties.LineageDocument, Error: out.properties.Error, ...out.defs },
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "A token from ftl token create" },
      },
    },
  };
}
