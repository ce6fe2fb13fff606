/** The one error type of Hub access: a `code` for programs, a message naming the model and what to do. */

export const HUB_ERROR_CODES = [
  "bad-reference",
  "bad-token",
  "unreachable",
  "gated",
  "unauthorized",
  "not-found",
  "revision-not-found",
  "rate-limited",
  "truncated",
  "server-error",
  "bad-response",
  "timeout",
  "too-large",
  "request-budget",
] as const;
export type HubErrorCode = (typeof HUB_ERROR_CODES)[number];

export class HubError extends Error {
  constructor(
    readonly code: HubErrorCode,
    message: string,
    readonly model?: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "HubError";
  }
}

/** What the polite fetch saw of the last failed response, which `@huggingface/hub` errors do not carry. */
export interface FailedResponse {
  url: string;
  status: number;
  errorCode?: string;
  errorMessage?: string;
  retryAfterSeconds?: number;
  retries?: number;
}

/** Where in the work a failure happened, for the message. */
export interface FailureContext {
  model: string;
  /** e.g. `model info`, `README.md`. */
  what: string;
  endpoint: string;
  revision?: string;
  /** The last failed response of the request, as seen by the polite fetch. */
  response?: FailedResponse;
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "ECONNRESET",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_SOCKET",
]);

function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let i = 0; i < 4 && current && typeof current === "object"; i++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === "number" ? status : undefined;
}

/** Is this a body cut short (connection closed early, JSON ending mid-way)? */
export function isTruncation(error: unknown): boolean {
  if (error instanceof HubError) return error.code === "truncated";
  const message = error instanceof Error ? error.message : "";
  const code = causeCode(error);
  return (
    message === "terminated" ||
    code === "UND_ERR_SOCKET" ||
    code === "ECONNRESET" ||
    (error instanceof SyntaxError && /end of JSON|Unterminated|Unexpected end/i.test(message))
  );
}

/** Turns what the Hub client threw into a HubError that says what happened and what to do. */
export function toHubError(error: unknown, ctx: FailureContext): HubError {
  if (error instanceof HubError) return error;
  const { model, what, endpoint } = ctx;
  const status = statusOf(error) ?? ctx.response?.status;
  const hubCode = ctx.response?.errorCode;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof TypeError && /access token must start with/.test(message))
    return new HubError(
      "bad-token",
      "HF_TOKEN must be a Hugging Face access token starting with 'hf_'",
      model,
    );
  if (isTruncation(error) && status === undefined)
    return new HubError(
      "truncated",
      `the Hub's response for ${what} of ${model} was cut off before the end; nothing was written. Try again; if it persists, check any proxy between you and ${endpoint}`,
      model,
    );
  if (status === undefined) {
    const code = causeCode(error);
    if (code && NETWORK_CODES.has(code))
      return new HubError(
        "unreachable",
        `cannot reach the Hub at ${endpoint} (${code}) while fetching ${what} of ${model}: check the network, or set HF_ENDPOINT to a reachable mirror`,
        model,
      );
    return new HubError("bad-response", `unexpected failure fetching ${what} of ${model}: ${message}`, model);
  }
  if (hubCode === "RevisionNotFound")
    return new HubError(
      "revision-not-found",
      `revision '${ctx.revision ?? "?"}' of ${model} does not exist on ${endpoint}: check the branch, tag or commit after '@'`,
      model,
      status,
    );
  if (hubCode === "GatedRepo" || ((status === 401 || status === 403) && /restricted|gated/i.test(message)))
    return new HubError(
      "gated",
      `${model} is gated (${status}): accept its conditions at ${endpoint}/${model} and set HF_TOKEN to a token of that account`,
      model,
      status,
    );
  if (status === 404 || hubCode === "RepoNotFound")
    return new HubError(
      "not-found",
      `${model} was not found on ${endpoint} (${status}): check the id; a private model needs HF_TOKEN`,
      model,
      status,
    );
  if (status === 401 || status === 403)
    return new HubError(
      "unauthorized",
      `the Hub refused ${what} of ${model} (${status}): set HF_TOKEN to a token that can read it`,
      model,
      status,
    );
  if (status === 429) {
    const after = ctx.response?.retryAfterSeconds;
    return new HubError(
      "rate-limited",
      `the Hub rate-limited requests for ${model} (429)${ctx.response?.retries ? ` after ${ctx.response.retries} polite retries` : ""}; try again${after !== undefined ? ` in ${after} s` : " later"}, or set HF_TOKEN (signed-in requests get higher limits)`,
      model,
      status,
    );
  }
  if (status >= 500)
    return new HubError(
      "server-error",
      `the Hub answered ${status} for ${what} of ${model}; try again later`,
      model,
      status,
    );
  return new HubError(
    "bad-response",
    `the Hub answered ${status} for ${what} of ${model}: ${message}`,
    model,
    status,
  );
}
