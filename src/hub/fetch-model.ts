/**
 * Fetching one model from the Hub with `@huggingface/hub`: its info (commit sha, card metadata, tags, file
 * list) and the small files lineage is read from, pinned to that commit.
 */
import { downloadFile, listFiles, modelInfo } from "@huggingface/hub";
import { isTrainingArgsBin, trainingArgsJson } from "../extract/training-args-bin.js";
import type { ExtractWarning, SourceFile } from "../extract/types.js";
import { HubError, isTruncation, toHubError } from "./hub-error.js";
import type { PoliteFetch } from "./polite-fetch.js";

/** Files read from every model repository, when present (root level only). */
export const HUB_LINEAGE_FILES = [
  "README.md",
  "config.json",
  "adapter_config.json",
  "training_args.json",
  // A Trainer's pickled settings, read as data (extract/training-args-bin.ts) when no training_args.json is listed.
  "training_args.bin",
  "trainer_state.json",
  "all_results.json",
] as const;

/** Files larger than this are not downloaded (a warning says so). */
export const MAX_HUB_FILE_BYTES = 16 * 1024 * 1024;

/** How to talk to the Hub: endpoint, token, the polite fetch, and where progress goes. */
export interface HubClient {
  /** Hub base URL without trailing slash, e.g. `https://huggingface.co`. */
  endpoint: string;
  accessToken?: string;
  polite: PoliteFetch;
  onProgress?: (message: string) => void;
  /** The same client with its own polite fetch, for work that runs alongside (failures stay apart). */
  fork?: () => HubClient;
}

/** What the Hub's model info (or a listing entry with the same fields) says about a model. */
export interface HubModelInfo {
  id: string;
  sha: string;
  gated: false | "auto" | "manual";
  cardData?: Record<string, unknown>;
  tags: string[];
  libraryName?: string;
  config?: Record<string, unknown>;
  filePaths: string[];
}

/** What was fetched of one model. `files[].path` is the file's Hub URL at the pinned commit. */
export interface HubModel extends HubModelInfo {
  files: SourceFile[];
  warnings: ExtractWarning[];
  complete: boolean;
}

/** The fields `modelInfo` and `listModels` are asked for. */
export const HUB_INFO_FIELDS = ["sha", "cardData", "tags", "config", "library_name", "filePaths"] as const;

/** Reads a model-info or listing entry of `@huggingface/hub` (fields {@link HUB_INFO_FIELDS}). */
export function toHubModelInfo(
  entry: {
    name: string;
    gated: false | "auto" | "manual";
    sha?: unknown;
    cardData?: unknown;
    tags?: unknown;
    config?: unknown;
    library_name?: unknown;
    filePaths?: unknown;
  },
  fallbackRevision = "main",
): HubModelInfo {
  const cardData = asRecord(entry.cardData);
  const config = asRecord(entry.config);
  return {
    id: entry.name,
    sha: typeof entry.sha === "string" && entry.sha !== "" ? entry.sha : fallbackRevision,
    gated: entry.gated ?? false,
    ...(cardData ? { cardData } : {}),
    tags: Array.isArray(entry.tags) ? entry.tags.filter((t): t is string => typeof t === "string") : [],
    ...(typeof entry.library_name === "string" ? { libraryName: entry.library_name } : {}),
    ...(config ? { config } : {}),
    filePaths: Array.isArray(entry.filePaths)
      ? entry.filePaths.filter((p): p is string => typeof p === "string")
      : [],
  };
}

/** The URL of a file of a model at a revision, as the Hub serves it. */
export function hubFileUrl(endpoint: string, id: string, revision: string, path: string): string {
  return `${endpoint}/${id}/resolve/${encodeURIComponent(revision)}/${path}`;
}

async function withRetryOnTruncation<T>(client: HubClient, work: () => Promise<T>): Promise<T> {
  try {
    client.polite.reset();
    return await work();
  } catch (error) {
    if (!isTruncation(error)) throw error;
    client.polite.reset();
    return await work();
  }
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

async function readFile(
  client: HubClient,
  id: string,
  sha: string,
  path: string,
): Promise<Uint8Array | null> {
  const blob = await downloadFile({
    repo: id,
    path,
    revision: sha,
    hubUrl: client.endpoint,
    fetch: client.polite.fetch,
    xet: false,
    ...(client.accessToken ? { accessToken: client.accessToken } : {}),
  });
  if (blob === null) return null;
  if (blob.size > MAX_HUB_FILE_BYTES)
    throw new HubError(
      "bad-response",
      `${path} of ${id} is ${blob.size} bytes, over the ${MAX_HUB_FILE_BYTES}-byte limit`,
      id,
    );
  const bytes = new Uint8Array(await blob.arrayBuffer());
  if (bytes.length !== blob.size)
    throw new HubError(
      "truncated",
      `the Hub's response for ${path} of ${id} was cut off (${bytes.length} of ${blob.size} bytes); nothing was written. Try again`,
      id,
    );
  return bytes;
}

/** Fetches a model's info (commit sha, card metadata, tags, file list). Throws a HubError. */
export async function fetchHubModelInfo(
  client: HubClient,
  id: string,
  revision?: string,
): Promise<HubModelInfo> {
  const context = { model: id, endpoint: client.endpoint, ...(revision ? { revision } : {}) };
  client.onProgress?.(`model info ${id}${revision ? `@${revision}` : ""}`);
  try {
    const info = await withRetryOnTruncation(client, () =>
      modelInfo({
        name: id,
        ...(revision ? { revision } : {}),
        hubUrl: client.endpoint,
        fetch: client.polite.fetch,
        additionalFields: [...HUB_INFO_FIELDS],
        ...(client.accessToken ? { accessToken: client.accessToken } : {}),
      }),
    );
    return toHubModelInfo(info, revision);
  } catch (error) {
    const failure = client.polite.lastFailure();
    throw toHubError(error, { ...context, what: "model info", ...(failure ? { response: failure } : {}) });
  }
}

/**
 * Downloads a model's lineage files at its commit. Throws a HubError when the transfer fails; a gated or
 * oversized file becomes a warning and marks the result incomplete.
 */
export async function fetchHubModelFiles(client: HubClient, info: HubModelInfo): Promise<HubModel> {
  const { id, sha } = info;
  const context = { model: id, endpoint: client.endpoint };
  let filePaths = info.filePaths;
  if (filePaths.length === 0) {
    try {
      filePaths = [];
      for await (const entry of listFiles({
        repo: id,
        revision: sha,
        hubUrl: client.endpoint,
        fetch: client.polite.fetch,
        ...(client.accessToken ? { accessToken: client.accessToken } : {}),
      }))
        if (entry.type === "file") filePaths.push(entry.path);
    } catch (error) {
      const failure = client.polite.lastFailure();
      throw toHubError(error, { ...context, what: "file list", ...(failure ? { response: failure } : {}) });
    }
  }
  const warnings: ExtractWarning[] = [];
  const files: SourceFile[] = [];
  let complete = true;
  for (const path of HUB_LINEAGE_FILES) {
    if (!filePaths.includes(path)) continue;
    if (isTrainingArgsBin(path) && filePaths.includes("training_args.json")) continue;
    const url = hubFileUrl(client.endpoint, id, sha, path);
    client.onProgress?.(`${id}/${path}`);
    try {
      const bytes = await withRetryOnTruncation(client, () => readFile(client, id, sha, path));
      if (bytes === null) {
        warnings.push({
          code: "hub.file-missing",
          message: `${path} of ${id} is listed but not served`,
          file: url,
        });
        complete = false;
        continue;
      }
      const text = isTrainingArgsBin(path) ? pickledArgs(bytes, id, url, warnings) : decodeText(bytes);
      if (text === undefined) complete = false;
      else files.push({ path: url, text });
    } catch (error) {
      const failure = client.polite.lastFailure();
      const hubError = toHubError(error, {
        ...context,
        what: path,
        ...(failure ? { response: failure } : {}),
      });
      const tooLarge = hubError.message.includes("-byte limit");
      if (hubError.code === "gated" || hubError.code === "unauthorized" || tooLarge) {
        warnings.push({
          code: tooLarge ? "hub.file-too-large" : `hub.${hubError.code}`,
          message: `${path} not read: ${hubError.message}`,
          file: url,
        });
        complete = false;
        continue;
      }
      throw hubError;
    }
  }
  return { ...info, filePaths, files, warnings, complete };
}

const decodeText = (bytes: Uint8Array): string => new TextDecoder("utf-8").decode(bytes);

/** A downloaded training_args.bin as the JSON of its settings, or a warning and undefined. */
function pickledArgs(
  bytes: Uint8Array,
  id: string,
  url: string,
  warnings: ExtractWarning[],
): string | undefined {
  const rendered = trainingArgsJson(bytes);
  if (rendered.ok) return rendered.text;
  warnings.push({
    code: "hub.file-unreadable",
    message: `training_args.bin of ${id} is not a readable training_args.bin (${rendered.error}); not read`,
    file: url,
  });
  return undefined;
}

/** Fetches a model's info and lineage files (see {@link fetchHubModelInfo}, {@link fetchHubModelFiles}). */
export async function fetchHubModel(client: HubClient, id: string, revision?: string): Promise<HubModel> {
  return fetchHubModelFiles(client, await fetchHubModelInfo(client, id, revision));
}
