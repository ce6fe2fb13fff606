/**
 * A `fetch` for the Hub client that honours rate limits: on 429 (and 502/503/504) it waits for `Retry-After` (seconds
 * or an HTTP date, or an exponential back-off when absent) and retries, a bounded number of times and never
 * longer than `maxWaitSeconds` in one go. It also remembers the last failed response's Hub error headers,
 * which the client's own errors drop. Every request runs under {@link guardedFetch}'s timeouts, size caps
 * and request budget.
 */
import {
  DEFAULT_HUB_LIMITS,
  guardedFetch,
  type HubLimits,
  hubResponseCap,
  type RequestBudget,
} from "./guarded-fetch.js";
import type { FailedResponse } from "./hub-error.js";

export interface PoliteFetchOptions {
  /** The underlying fetch (default: the global one). */
  fetch?: typeof fetch;
  /** Retries after a 429/502/503/504 before giving up (default 4). */
  maxRetries?: number;
  /** Longest single wait; a longer `Retry-After` is not waited for (default 60 s). */
  maxWaitSeconds?: number;
  /** Injectable sleep, so tests do not wait. */
  sleep?: (ms: number) => Promise<void>;
  /** Timeouts and size caps of every request (defaults {@link DEFAULT_HUB_LIMITS}, {@link hubResponseCap}). */
  limits?: Partial<HubLimits>;
  /** A request budget, shared with other clients of the same run. */
  budget?: RequestBudget;
  /** Called before each wait, e.g. to tell the user. */
  onWait?: (info: { url: string; status: number; seconds: number; attempt: number }) => void;
}

export interface PoliteFetch {
  fetch: typeof fetch;
  /** The last non-OK response seen (cleared by `reset`). */
  lastFailure(): FailedResponse | undefined;
  reset(): void;
  /** Requests sent, retries included. */
  requestCount(): number;
}

/** Rate limits, and gateway hiccups that usually pass. */
const RETRYABLE = new Set([429, 502, 503, 504]);

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Parses `Retry-After` (delta-seconds or HTTP-date) into seconds, or undefined. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** Wraps a fetch with bounded, polite retries on 429 and 502/503/504. */
export function politeFetch(options: PoliteFetchOptions = {}): PoliteFetch {
  const base = options.fetch ?? globalThis.fetch;
  const maxRetries = options.maxRetries ?? 4;
  const maxWait = options.maxWaitSeconds ?? 60;
  const sleep = options.sleep ?? defaultSleep;
  const limits: HubLimits = { ...DEFAULT_HUB_LIMITS, maxBytes: hubResponseCap, ...options.limits };
  let failure: FailedResponse | undefined;
  let count = 0;
  const wrapped = async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    for (let attempt = 0; ; attempt++) {
      count++;
      const response = await guardedFetch(base, url, input, init, limits, options.budget);
      if (response.ok) return response;
      const retryAfter = parseRetryAfter(response.headers.get("Retry-After"));
      failure = {
        url,
        status: response.status,
        ...(response.headers.get("X-Error-Code")
          ? { errorCode: response.headers.get("X-Error-Code") as string }
          : {}),
        ...(response.headers.get("X-Error-Message")
          ? { errorMessage: response.headers.get("X-Error-Message") as string }
          : {}),
        ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
        retries: attempt,
      };
      const retryable = RETRYABLE.has(response.status);
      const wait = retryAfter ?? 2 ** attempt;
      if (!retryable || attempt >= maxRetries || wait > maxWait) return response;
      await response.body?.cancel();
      options.onWait?.({ url, status: response.status, seconds: wait, attempt: attempt + 1 });
      await sleep(wait * 1000);
    }
  };
  return {
    fetch: wrapped as typeof fetch,
    lastFailure: () => failure,
    reset: () => {
      failure = undefined;
    },
    requestCount: () => count,
  };
}
