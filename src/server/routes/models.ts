/**
 * `GET /api/v1/models/{org}/{name}[/ancestors|/descendants|/datasets|/audit|/export]`: one model and the
 * questions about it, each answered as the matching `ftl query … --json` (or `ftl audit registry:ID --json`).
 */
import type { Context } from "hono";
import { auditLineage } from "../../audit/audit-lineage.js";
import { documentFromStore } from "../../audit/from-store.js";
import { evaluatePolicy } from "../../audit/policy.js";
import { EXPORTERS, type ExportFormat, exportLineage } from "../../export/index.js";
import type { LineageDocument } from "../../schema/lineage.js";
import type { Store } from "../../store/store.js";
import { ApiError } from "../errors.js";
import { idAndSub, parseQuery, pathAfter } from "../request.js";
import { DescendantsQuery, ExportQuery, WalkQuery } from "../schemas.js";

export const MODEL_SUBS = ["ancestors", "descendants", "datasets", "audit", "export"] as const;
type Sub = (typeof MODEL_SUBS)[number];

/** Content types of the exports. */
export const EXPORT_CONTENT_TYPES = {
  "hf-card": "text/markdown; charset=utf-8",
  "prov-jsonld": "application/ld+json",
  "prov-turtle": "text/turtle; charset=utf-8",
  spdx3: "application/spdx+json",
  cyclonedx: "application/vnd.cyclonedx+json",
  jsonld: "application/ld+json",
  mermaid: "text/vnd.mermaid; charset=utf-8",
  dot: "text/vnd.graphviz; charset=utf-8",
  openlineage: "application/x-ndjson",
} as const satisfies Record<ExportFormat, string>;

const depthOption = (q: { "max-depth"?: number | undefined }) =>
  q["max-depth"] === undefined ? {} : { maxDepth: q["max-depth"] };

async function requireModel(store: Store, id: string) {
  const model = await store.model(id);
  if (model === undefined) throw new ApiError(404, "not-found", `no model '${id}' in the registry`);
  return model;
}

async function modelAnswer(store: Store, id: string) {
  const model = await requireModel(store, id);
  const [documents, licenses] = await Promise.all([store.documentsFor(id), store.licenses({ models: [id] })]);
  return { ...documents, model, licenses: licenses.models[id] ?? [] };
}

async function descendantsPage(c: Context, store: Store, id: string) {
  const q = parseQuery(c, DescendantsQuery);
  await requireModel(store, id);
  try {
    return await store.descendantsPage(id, {
      ...(q.objective ? { objective: q.objective } : {}),
      ...(q.param ? { parameterization: q.param } : {}),
      ...(q.relation ? { relation: q.relation } : {}),
      ...(q.dataset !== undefined ? { dataset: q.dataset } : {}),
      ...depthOption(q),
      limit: q.limit,
      ...(q.cursor !== undefined ? { cursor: q.cursor } : {}),
    });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new ApiError(400, "bad-request", `cursor: ${error.message}`, [
      { code: "query.cursor", path: "cursor", message: error.message },
    ]);
  }
}

/** The document an export is written from: the model's latest current document, else its registry ancestry. */
async function exportSource(store: Store, id: string): Promise<LineageDocument> {
  const { documents } = await store.documentsFor(id);
  const current = documents.filter((d) => d.current);
  const latest = current[current.length - 1];
  if (latest !== undefined) return latest.document;
  const built = await documentFromStore(store, id);
  if (built === undefined) throw new ApiError(404, "not-found", `no model '${id}' in the registry`);
  return built.document;
}

async function exportAnswer(c: Context, store: Store, id: string): Promise<Response> {
  const q = parseQuery(c, ExportQuery);
  await requireModel(store, id);
  const text = exportLineage(await exportSource(store, id), q.format);
  c.header("Content-Type", EXPORT_CONTENT_TYPES[q.format]);
  if (q.download === "1") {
    const file = `${id.replace(/[^A-Za-z0-9._-]+/g, "_")}${EXPORTERS[q.format].extension}`;
    c.header("Content-Disposition", `attachment; filename="${file}"`);
  }
  return c.body(text);
}

async function answer(c: Context, store: Store, id: string, sub: Sub | undefined): Promise<Response> {
  switch (sub) {
    case undefined:
      parseQuery(c, WalkQuery.pick({}));
      return c.json(await modelAnswer(store, id));
    case "ancestors": {
      const q = parseQuery(c, WalkQuery);
      await requireModel(store, id);
      return c.json(await store.ancestors(id, depthOption(q)));
    }
    case "descendants":
      return c.json(await descendantsPage(c, store, id));
    case "datasets": {
      const q = parseQuery(c, WalkQuery);
      await requireModel(store, id);
      return c.json(await store.datasetsOf(id, depthOption(q)));
    }
    case "audit": {
      parseQuery(c, WalkQuery.pick({}));
      await requireModel(store, id);
      const built = await documentFromStore(store, id);
      if (!built) throw new ApiError(404, "not-found", `no model '${id}' in the registry`);
      const report = await auditLineage(built.document, built.complete ? {} : { complete: false });
      const policy = evaluatePolicy(report, {});
      return c.json({
        ...report,
        input: { target: `registry:${id}`, from: "registry", complete: built.complete, warnings: [] },
        policy,
        exitCode: policy.passed ? 0 : 6,
      });
    }
    case "export":
      return exportAnswer(c, store, id);
  }
}

/** The handler of `GET /api/v1/models/*`. */
export function modelsHandler(store: Store) {
  return (c: Context) => {
    const { id, sub } = idAndSub(pathAfter(c, "/api/v1/models/"), MODEL_SUBS);
    return answer(c, store, id, sub);
  };
}
