/**
 * Limits on every Hub request, so that no server can stall or flood ftl: a connect timeout (until the
 * response headers), an idle timeout (silence while the body streams), a whole-response time limit (a
 * one-byte drip), a size cap per kind of response (enforced from `Content-Length` and while streaming),
 * and a request budget shared by everything one import or crawl sends.
 */
import { HubError } from "./hub-error.js";

/** Defaults, overridable per client (and by `FTL_HUB_*` environment variables, see `hubLimitsFromEnv`). */
export const DEFAULT_HUB_LIMITS = {
  /** Until the response headers arrive. */
  connectTimeoutMs: 30_000,
  /** Longest silence while a body streams. */
  idleTimeoutMs: 30_000,
  /** Longest time for one whole response (headers and body). */
  responseTimeoutMs: 300_000,
} as const;

export interface HubLimits {
  connectTimeoutMs: number;
  idleTimeoutMs: number;
  responseTimeoutMs: number;
  /** Byte cap of a response, by URL (default {@link hubResponseCap}). */
  maxBytes: (url: string) => number;
}

/** A request budget shared by a client and its forks. */
export interface RequestBudget {
  limit: number;
  used: number;
}

const MIB = 1024 * 1024;

/** The byte cap per kind of Hub response: listing pages 64 MiB, files and model/dataset info 16 MiB. */
export function hubResponseCap(url: string): number {
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // a relative or odd URL: the default cap
  }
  if (/^\/api\/(models|datasets)\/?$/.test(path)) return 64 * MIB;
  return 16 * MIB;
}

/** Limits from `FTL_HUB_CONNECT_TIMEOUT`, `FTL_HUB_IDLE_TIMEOUT`, `FTL_HUB_RESPONSE_TIMEOUT` (seconds). */
export function hubLimitsFromEnv(env: NodeJS.ProcessEnv): Partial<HubLimits> {
  const seconds = (name: string): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === "") return undefined;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0)
      throw new HubError("bad-reference", `${name}=${JSON.stringify(raw)}: expected a number of seconds > 0`);
    return Math.round(value * 1000);
  };
  const connect = seconds("FTL_HUB_CONNECT_TIMEOUT");
  const idle = seconds("FTL_HUB_IDLE_TIMEOUT");
  const response = seconds("FTL_HUB_RESPONSE_TIMEOUT");
  return {
    ...(connect !== undefined ? { connectTimeoutMs: connect } : {}),
    ...(idle !== undefined ? { idleTimeoutMs: idle } : {}),
    ...(response !== undefined ? { responseTimeoutMs: response } : {}),
  };
}

const hostOf = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

const pathOf = (url: string): string => {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
};

const secondsText = (ms: number): string => `${Math.round(ms / 100) / 10} s`;

interface BodyGuard {
  url: string;
  cap: number;
  idleMs: number;
  responseMs: number;
  deadline: number;
  abort: () => void;
}

function timedOut(url: string, what: string, ms: number, setting: string): HubError {
  return new HubError(
    "timeout",
    `${hostOf(url)} ${what} within ${secondsText(ms)} (${pathOf(url)}); try again later, or raise ${setting}`,
  );
}

function tooLarge(url: string, cap: number, size?: number): HubError {
  const got = size === undefined ? "more than" : `${size} bytes, over`;
  return new HubError(
    "too-large",
    `${hostOf(url)} sent ${got} the ${cap / MIB} MiB limit for ${pathOf(url)}; not read`,
  );
}

/** Wraps a body so that silence, a drip past the deadline, or bytes past the cap error the stream. */
function guardBody(source: ReadableStream<Uint8Array>, guard: BodyGuard): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let total = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const left = guard.deadline - Date.now();
      const byDeadline = left <= guard.idleMs;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              byDeadline
                ? timedOut(
                    guard.url,
                    "did not finish its response",
                    guard.responseMs,
                    "FTL_HUB_RESPONSE_TIMEOUT",
                  )
                : timedOut(guard.url, "sent nothing more", guard.idleMs, "FTL_HUB_IDLE_TIMEOUT"),
            ),
          Math.max(0, Math.min(left, guard.idleMs)),
        );
      });
      try {
        const { done, value } = await Promise.race([reader.read(), timeout]);
        if (done) return controller.close();
        total += value.byteLength;
        if (total > guard.cap) throw tooLarge(guard.url, guard.cap);
        controller.enqueue(value);
      } catch (error) {
        reader.cancel().catch(() => undefined);
        guard.abort();
        controller.error(error);
      } finally {
        clearTimeout(timer);
      }
    },
    async cancel(reason) {
      await reader.cancel(reason).catch(() => undefined);
      guard.abort();
    },
  });
}

/** Statuses whose responses carry no body (a Response cannot be built with one). */
const NO_BODY = new Set([101, 204, 205, 304]);

/**
 * Sends one request under the limits: throws a HubError `timeout` or `too-large`, or `request-budget`
 * when the shared budget is spent. The response's body is guarded while it streams.
 */
export async function guardedFetch(
  base: typeof fetch,
  url: string,
  input: Parameters<typeof fetch>[0],
  init: Parameters<typeof fetch>[1],
  limits: HubLimits,
  budget?: RequestBudget,
): Promise<Response> {
  if (budget !== undefined) {
    if (budget.used >= budget.limit)
      throw new HubError(
        "request-budget",
        `stopped after ${budget.limit} requests to ${hostOf(url)} (the request budget of this run); raise it with --max-requests`,
      );
    budget.used++;
  }
  const started = Date.now();
  const controller = new AbortController();
  const outer = init?.signal;
  outer?.addEventListener("abort", () => controller.abort(outer.reason), { once: true });
  const connectError = timedOut(url, "did not answer", limits.connectTimeoutMs, "FTL_HUB_CONNECT_TIMEOUT");
  const timer = setTimeout(() => controller.abort(connectError), limits.connectTimeoutMs);
  let response: Response;
  try {
    response = await base(input, { ...init, signal: controller.signal });
  } catch (error) {
    if (controller.signal.reason === connectError) throw connectError;
    throw error;
  } finally {
    clearTimeout(timer);
  }
  const cap = limits.maxBytes(url);
  const length = Number(response.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(length) && length > cap) {
    controller.abort();
    throw tooLarge(url, cap, length);
  }
  if (response.body === null || NO_BODY.has(response.status)) return response;
  const body = guardBody(response.body, {
    url,
    cap,
    idleMs: limits.idleTimeoutMs,
    responseMs: limits.responseTimeoutMs,
    deadline: started + limits.responseTimeoutMs,
    abort: () => controller.abort(),
  });
  const guarded = new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  Object.defineProperty(guarded, "url", { value: response.url });
  Object.defineProperty(guarded, "redirected", { value: response.redirected });
  return guarded;
}
