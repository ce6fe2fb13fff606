/** `importFromHub`: one lineage document for a Hub model and its ancestors, read with `@huggingface/hub`. */

import { extractFromFiles } from "../extract/index.js";
import type { ExtractResult, ExtractWarning } from "../extract/types.js";
import { trimEnd } from "../model/trim.js";
import { FORMAT_V1 } from "../model/vocabulary.js";
import { LineageDocumentSchema } from "../schema/lineage.js";
import { fillDatasetLicenses } from "./dataset-licenses.js";
import { fetchHubModel, type HubClient, type HubModel } from "./fetch-model.js";
import { type HubLimits, hubLimitsFromEnv } from "./guarded-fetch.js";
import { HubError } from "./hub-error.js";
import { hubParents } from "./hub-parents.js";
import { parseHubRef } from "./hub-ref.js";
import { type ChainNode, joinChain } from "./join-chain.js";
import { politeFetch } from "./polite-fetch.js";

/** The public Hub. */
export const DEFAULT_HUB_ENDPOINT = "https://huggingface.co";
/** How many parent links are followed when no depth is given. */
export const DEFAULT_HUB_DEPTH = 16;

export interface HubAccessOptions {
  /** Environment to read `HF_ENDPOINT` and `HF_TOKEN` from (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** Hub base URL; default `HF_ENDPOINT`, else https://huggingface.co. */
  endpoint?: string;
  /** Access token (`hf_…`); default `HF_TOKEN`. */
  token?: string;
  /** Progress lines for people (model info, files, waits). */
  onProgress?: (message: string) => void;
  /** Injectable fetch (tests, proxies). */
  fetch?: typeof fetch;
  /** Injectable sleep for rate-limit waits (tests). */
  sleep?: (ms: number) => Promise<void>;
  /** Retries after 429/503 (default 4). */
  maxRetries?: number;
  /** Longest single `Retry-After` honoured, in seconds (default 60). */
  maxWaitSeconds?: number;
  /** Timeouts and size caps (default {@link DEFAULT_HUB_LIMITS}; `FTL_HUB_*_TIMEOUT` in the environment). */
  limits?: Partial<HubLimits>;
  /** Most requests one import or crawl may send, forks included (default {@link DEFAULT_MAX_REQUESTS}). */
  maxRequests?: number;
}

/** The request budget of one import or crawl when none is given. */
export const DEFAULT_MAX_REQUESTS = 20_000;

export interface HubImportOptions extends HubAccessOptions {
  /** Parent links to follow upward (default 16; 0 reads only the model itself). */
  depth?: number;
  /** Read the licence of every Hub dataset the chain names from its dataset card (default true). */
  datasetLicenses?: boolean;
}

/** Builds the client settings from options and the environment (`HF_ENDPOINT`, `HF_TOKEN`). */
export function hubClient(options: HubAccessOptions = {}): HubClient {
  const env = options.env ?? process.env;
  const endpoint = trimEnd(options.endpoint ?? (env.HF_ENDPOINT || undefined) ?? DEFAULT_HUB_ENDPOINT, "/");
  try {
    const url = new URL(endpoint);
    if (!url.protocol.startsWith("http")) throw new Error("not http");
  } catch {
    throw new HubError("bad-reference", `HF_ENDPOINT / --endpoint '${endpoint}' is not an http(s) URL`);
  }
  const token = options.token ?? (env.HF_TOKEN || undefined);
  if (token !== undefined && !token.startsWith("hf_"))
    throw new HubError("bad-token", "HF_TOKEN must be a Hugging Face access token starting with 'hf_'");
  const budget = { limit: options.maxRequests ?? DEFAULT_MAX_REQUESTS, used: 0 };
  const politeOptions = {
    limits: { ...hubLimitsFromEnv(env), ...options.limits },
    budget,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
    ...(options.maxWaitSeconds !== undefined ? { maxWaitSeconds: options.maxWaitSeconds } : {}),
    onWait: ({ status, seconds, attempt }: { status: number; seconds: number; attempt: number }) =>
      options.onProgress?.(
        `${status === 429 ? "rate-limited by the Hub" : "the Hub is busy"} (${status}): waiting ${seconds} s before retry ${attempt}`,
      ),
  };
  const make = (): HubClient => ({
    endpoint,
    polite: politeFetch(politeOptions),
    ...(token ? { accessToken: token } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    fork: make,
  });
  return make();
}

/** Extraction that never takes the import down: a failure of the extractor becomes a warning. */
export function extractHubModel(model: HubModel): ExtractResult {
  try {
    // The Hub import follows parents from data, so ftl's table of well-known intermediates is not used here.
    return extractFromFiles(model.files, { subject: model.id, intermediates: false });
  } catch (error) {
    return {
      document: { format: FORMAT_V1, subject: { id: model.id }, bases: [], steps: [] },
      warnings: [
        {
          code: "hub.extract-failed",
          message: `could not extract lineage from the files of ${model.id}: ${error instanceof Error ? error.message : String(error)}`,
        },
      ],
      complete: false,
    };
  }
}

/** Reads the lineage of a fetched model, as a chain node (parents not yet followed). */
export function hubNode(fetched: HubModel, id = fetched.id): ChainNode {
  const model = fetched.id === id ? fetched : { ...fetched, id, warnings: [...fetched.warnings] };
  if (fetched.id !== id)
    model.warnings.push({
      code: "hub.renamed",
      message: `${id} is now ${fetched.id} on the Hub; kept the id as written`,
    });
  return { model, extract: extractHubModel(model), hub: hubParents(model), followed: [] };
}

/** The warnings of fetching and extracting one model; that a base's card describes no step is expected. */
export function nodeWarnings(node: ChainNode): ExtractWarning[] {
  const isRoot = node.hub.parents.length + node.hub.unresolved.length === 0;
  return [
    ...node.model.warnings,
    ...node.extract.warnings.filter((w) => !(isRoot && w.code === "extract.no-steps")),
  ];
}

/** Fetches one model and reads its lineage, as a chain node (parents not yet followed). */
export async function readHubNode(client: HubClient, id: string, revision?: string): Promise<ChainNode> {
  return hubNode(await fetchHubModel(client, id, revision), id);
}

/**
 * Imports a model and its ancestors from the Hub as one ftl/v1 document. Parents are read from each card's
 * `base_model` (every parent of a merge is followed) until a model has none or `depth` links were followed.
 * Throws a HubError when the requested model cannot be read; an ancestor that cannot be read (missing,
 * gated) stays a base, with a warning, and the result is marked incomplete.
 *
 * @example
 * const { document, warnings, complete } = await importFromHub("hf:HuggingFaceH4/zephyr-7b-beta", { depth: 3 });
 */
export async function importFromHub(
  ref: string,
  options: HubImportOptions = {},
): Promise<ExtractResult & { cardText?: string }> {
  const { id, revision } = parseHubRef(ref);
  const depth = options.depth ?? DEFAULT_HUB_DEPTH;
  if (!Number.isInteger(depth) || depth < 0)
    throw new HubError("bad-reference", `depth must be a whole number ≥ 0, got ${depth}`);
  const client = hubClient(options);
  const nodes = new Map<string, ChainNode>();
  const warnings: ExtractWarning[] = [];
  let complete = true;
  const queue: { id: string; revision?: string; depth: number; child?: string }[] = [
    { id, ...(revision ? { revision } : {}), depth: 0 },
  ];
  const queued = new Set([id]);
  while (queue.length > 0) {
    const item = queue.shift() as (typeof queue)[number];
    let node: ChainNode;
    try {
      node = await readHubNode(client, item.id, item.revision);
    } catch (error) {
      if (item.depth === 0 || !(error instanceof HubError)) throw error;
      if (!["not-found", "gated", "unauthorized", "revision-not-found"].includes(error.code)) throw error;
      warnings.push({
        code: `hub.parent-${error.code}`,
        message: `${item.child ?? "a model"} names ${item.id} as base model, which could not be read: ${error.message}; it stays a base`,
      });
      complete = false;
      continue;
    }
    nodes.set(item.id, node);
    warnings.push(...nodeWarnings(node));
    if (!node.model.complete || !node.extract.complete) complete = false;
    for (const value of node.hub.unresolved)
      warnings.push({
        code: "hub.parent-not-hub-id",
        message: `${item.id} names '${value}' as base model, which is not a Hub model id; it is kept as a base and not followed`,
        field: node.hub.parentSource === "adapter_config" ? "base_model_name_or_path" : "base_model",
      });
    if (item.depth >= depth) {
      if (node.hub.parents.length > 0)
        warnings.push({
          code: "hub.depth-limit",
          message: `stopped at ${item.id} (depth ${depth}); its base model${node.hub.parents.length > 1 ? "s" : ""} ${node.hub.parents.join(", ")} ${node.hub.parents.length > 1 ? "are" : "is"} kept as base${node.hub.parents.length > 1 ? "s" : ""} without ancestry`,
        });
      continue;
    }
    node.followed = node.hub.parents;
    for (const parent of node.hub.parents) {
      if (queued.has(parent)) continue;
      queued.add(parent);
      queue.push({ id: parent, depth: item.depth + 1, child: item.id });
    }
  }
  const joined = joinChain(client.endpoint, id, nodes);
  warnings.push(...joined.warnings);
  if (options.datasetLicenses !== false) {
    const filled = await fillDatasetLicenses(client, joined.document);
    joined.document = filled.document;
    warnings.push(...filled.warnings);
  }
  const check = LineageDocumentSchema.safeParse(joined.document);
  if (!check.success) {
    complete = false;
    warnings.push({
      code: "hub.invalid-document",
      message: `the joined document does not match ftl/v1: ${check.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join(".")}: ${i.message}`)
        .join("; ")}`,
    });
  }
  // The model's own card, for readers of its prose (the audit reads bases, licence lines and generated data in it).
  const cardText = nodes.get(id)?.model.files.find((f) => /\/README\.md$/i.test(f.path))?.text;
  return { document: joined.document, warnings, complete, ...(cardText !== undefined ? { cardText } : {}) };
}
