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

const TOKEN_KEY = "ftl-token";

/** The read token given on a server that requires one (kept for this browser tab only). */
export const savedToken = (): string | null => sessionStorage.getItem(TOKEN_KEY);
export const saveToken = (token: string): void => sessionStorage.setItem(TOKEN_KEY, token);

function headers(accept: string): Record<string, string> {
  const token = savedToken();
  return { accept, ...(token ? { authorization: `Bearer ${token}` } : {}) };
}

/** GET a JSON answer; an error answer becomes an {@link ApiFailure} with the API's message. */
export async function api<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, { headers: headers("application/json"), ...(signal ? { signal } : {}) });
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

/** Downloads an API answer as a file, sending the saved token (a plain link cannot). */
export async function download(path: string, file: string): Promise<void> {
  const res = await fetch(path, { headers: headers("*/*") });
  if (!res.ok) throw new ApiFailure(res.status, `HTTP ${res.status}`);
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? file;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
