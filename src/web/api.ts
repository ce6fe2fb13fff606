/** Talking to the API of the same server, and the page's own paths. */

/** Words that end a model path as a sub-page or sub-resource (an id ending in one is sent as one segment). */
const SUBS = ["ancestors", "descendants", "datasets", "audit", "export", "models"];

/** A model or dataset id as path segments: `org/name` stays readable, everything else is percent-encoded. */
export function idPath(id: string): string {
  const segments = id.split("/");
  if (segments.some((p) => p === "") || SUBS.includes(segments[segments.length - 1] ?? ""))
    return encodeURIComponent(id);
  return segments.map(encodeURIComponent).join("/");
}

export const modelHref = (id: string): string => `/models/${idPath(id)}`;
export const datasetHref = (id: string): string => `/datasets/${idPath(id)}`;

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** GET a JSON answer; an error answer becomes an {@link ApiFailure} with the API's message. */
export async function api<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, { headers: { accept: "application/json" }, ...(signal ? { signal } : {}) });
  const body = (await res.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
  if (!res.ok) throw new ApiFailure(res.status, body?.error?.message ?? `HTTP ${res.status}`);
  return body as T;
}

/** Query string from the defined values. */
export function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") q.set(k, String(v));
  const text = q.toString();
  return text === "" ? "" : `?${text}`;
}
