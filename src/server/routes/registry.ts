/**
 * Questions across the registry: `GET /api/v1/datasets/{id}/models` (trained-on), `GET /api/v1/common?a=&b=`
 * and `GET /api/v1/search?q=`, each answered as the matching `ftl query … --json`.
 */
import type { Context } from "hono";
import type { Store } from "../../store/store.js";
import { ApiError } from "../errors.js";
import { idAndSub, parseQuery, pathAfter } from "../request.js";
import { CommonQuery, SearchQuery, TrainedOnQuery } from "../schemas.js";

/** `GET /api/v1/datasets/{id}/models`: every model whose lineage used the dataset. */
export function datasetsHandler(store: Store) {
  return async (c: Context) => {
    const { id, sub } = idAndSub(pathAfter(c, "/api/v1/datasets/"), ["models"] as const);
    if (sub !== "models")
      throw new ApiError(404, "not-found", "datasets have one resource: /api/v1/datasets/{id}/models");
    const q = parseQuery(c, TrainedOnQuery);
    const result = await store.trainedOn(id, {
      limit: q.limit,
      ...(q["max-depth"] === undefined ? {} : { maxDepth: q["max-depth"] }),
    });
    if (!result.known)
      throw new ApiError(404, "not-found", `no step in the registry used the dataset '${id}'`);
    return c.json(result);
  };
}

/** `GET /api/v1/common?a=&b=`: nearest common ancestor and the two paths down from it. */
export function commonHandler(store: Store) {
  return async (c: Context) => {
    const q = parseQuery(c, CommonQuery);
    for (const id of [q.a, q.b])
      if ((await store.model(id)) === undefined)
        throw new ApiError(404, "not-found", `no model '${id}' in the registry`);
    return c.json(
      await store.common(q.a, q.b, q["max-depth"] === undefined ? {} : { maxDepth: q["max-depth"] }),
    );
  };
}

/** `GET /api/v1/search?q=`: model and dataset ids that start with `q`. */
export function searchHandler(store: Store) {
  return async (c: Context) => {
    const q = parseQuery(c, SearchQuery);
    const ignoreCase = q["exact-case"] !== "1" && !/[A-Z]/.test(q.q);
    return c.json(await store.search(q.q, { limit: q.limit, kind: q.kind, ignoreCase }));
  };
}
