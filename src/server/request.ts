/** Reading requests: query parameters through their zod schema, ids out of paths. */
import type { Context } from "hono";
import type { z } from "zod";
import { closest } from "../validate/suggest.js";
import { ApiError, zodIssues } from "./errors.js";

/**
 * The query parameters of a request, checked against a strict zod object: unknown names (with a suggestion),
 * repeated names and bad values are a 400 listing every problem.
 */
export function parseQuery<T extends z.ZodObject>(c: Context, schema: T): z.infer<T> {
  const url = new URL(c.req.url);
  const raw: Record<string, string> = {};
  const known = Object.keys(schema.shape);
  for (const [name, value] of url.searchParams) {
    if (name in raw)
      throw new ApiError(400, "bad-request", `query parameter '${name}' is given twice`, [
        { code: "query.repeated", path: name, message: `'${name}' is given more than once` },
      ]);
    if (!known.includes(name)) {
      const hit = closest(name, known);
      throw new ApiError(400, "bad-request", `unknown query parameter '${name}'`, [
        {
          code: "query.unknown",
          path: name,
          message: `unknown parameter '${name}'${hit === undefined ? "" : ` (did you mean '${hit}'?)`}; known: ${known.join(", ")}`,
        },
      ]);
    }
    raw[name] = value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error);
    throw new ApiError(
      400,
      "bad-request",
      `bad query parameters: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
      issues,
    );
  }
  return parsed.data;
}

/**
 * Splits the part of a path after a prefix into an id and a sub-resource. Each segment is percent-decoded on
 * its own, so `org/name` and `org%2Fname` are the same id; a sub-resource is the last segment when it is one
 * of `subs` and something comes before it (`org%2Fancestors` reaches a model literally named so).
 */
export function idAndSub<S extends string>(
  rest: string,
  subs: readonly S[],
): { id: string; sub: S | undefined } {
  let segments: string[];
  try {
    segments = rest.split("/").map((s) => decodeURIComponent(s));
  } catch {
    throw new ApiError(400, "bad-request", "the path is not valid percent-encoded UTF-8");
  }
  if (segments.some((s) => s === ""))
    throw new ApiError(404, "not-found", "no such resource (empty path segment)");
  const last = segments[segments.length - 1] as string;
  const rawLast = rest.split("/").pop() as string;
  if (segments.length > 1 && rawLast === last && (subs as readonly string[]).includes(last))
    return { id: segments.slice(0, -1).join("/"), sub: last as S };
  return { id: segments.join("/"), sub: undefined };
}

/** The path after `prefix` (raw, not decoded). */
export function pathAfter(c: Context, prefix: string): string {
  const path = new URL(c.req.url).pathname;
  return path.startsWith(prefix) ? path.slice(prefix.length) : "";
}
