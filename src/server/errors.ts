/**
 * One error shape for the whole API: `{"error": {"code", "message", "issues"?}}` with the matching HTTP status.
 * Handlers throw {@link ApiError}; the app's `onError` turns it (and anything unexpected) into a response.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";

/** One problem with a request, e.g. a field of a posted document (`path`) and what was expected. */
export const ApiIssueSchema = z
  .object({
    code: z
      .string()
      .meta({ description: "Machine-readable kind (`schema.type`, `graph.dangling`, `query.unknown` …)" }),
    path: z.string().optional().meta({ description: "Where: a field path, a query parameter" }),
    message: z.string(),
    index: z.int().min(0).optional().meta({ description: "Position of the document in a JSONL body" }),
    line: z.int().min(1).optional().meta({ description: "Line of a JSONL body" }),
  })
  .meta({ id: "ApiIssue" });
export type ApiIssue = z.infer<typeof ApiIssueSchema>;

export const ERROR_CODES = [
  "bad-request",
  "invalid-document",
  "unauthorized",
  "forbidden",
  "not-found",
  "method-not-allowed",
  "payload-too-large",
  "unsupported-media-type",
  "timeout",
  "unavailable",
  "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      issues: z.array(ApiIssueSchema).optional(),
    }),
  })
  .meta({ id: "Error", description: "Every error answer of the API" });
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** An error with its HTTP status, thrown by handlers and turned into the one error shape. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ApiIssue[],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** The response for an error. */
export function errorResponse(c: Context, error: ApiError): Response {
  const body: ErrorBody = {
    error: {
      code: error.code,
      message: error.message,
      ...(error.issues && error.issues.length > 0 ? { issues: error.issues } : {}),
    },
  };
  if (error.status === 401) c.header("WWW-Authenticate", 'Bearer realm="ftl"');
  return c.json(body, error.status);
}

/** A zod failure as API issues (`path` as people write it: `limit`, `steps[0].kind`). */
export function zodIssues(error: z.ZodError, prefix = "query"): ApiIssue[] {
  return error.issues.map((issue) => ({
    code: `${prefix}.${issue.code}`,
    ...(issue.path.length > 0 ? { path: issue.path.map(String).join(".") } : {}),
    message: issue.message,
  }));
}
