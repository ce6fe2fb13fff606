/**
 * Crawling the Hub: list models with `@huggingface/hub`'s `listModels` (by author, by base model through the
 * Hub's `base_model:ID` filter, or by name), read each one's card and config files, and yield one lineage
 * document per model. Resumable twice over: a `skip` check lets the caller pass over models already stored at
 * the same commit without downloading them, and the listing cursor (the next page's URL) is reported after
 * every finished page and can be given back to start there.
 */
import { listModels } from "@huggingface/hub";
import { stringify as stringifyYaml } from "yaml";
import type { ExtractWarning } from "../extract/types.js";
import type { LineageDocument } from "../schema/lineage.js";
import {
  fetchHubModelFiles,
  HUB_INFO_FIELDS,
  type HubClient,
  type HubModel,
  type HubModelInfo,
  hubFileUrl,
  toHubModelInfo,
} from "./fetch-model.js";
import { HubError, toHubError } from "./hub-error.js";
import { type HubAccessOptions, hubClient, hubNode, nodeWarnings } from "./import-from-hub.js";
import { type ChainNode, joinChain } from "./join-chain.js";

export interface CrawlOptions extends HubAccessOptions {
  /** Only models of this user or organisation. */
  author?: string;
  /** Only models that declare this base model (the Hub's `base_model:ID` filter). */
  base?: string;
  /** With `base`: also crawl the derivatives of every derivative found, breadth first. */
  recursive?: boolean;
  /** Only models whose id contains this text. */
  search?: string;
  /** At most this many listed models (skipped ones included). */
  limit?: number;
  /** A listing cursor from an earlier run's `onCursor`, to start from (same query only; not with `recursive`). */
  cursor?: string;
  /** Called with the URL of the next listing page once every model of the current page was handled. */
  onCursor?: (cursor: string) => void | Promise<void>;
  /**
   * Read only the card metadata the listing carries (base_model, relation, datasets, licence): no request per
   * model, so the whole Hub's model tree costs one request per listing page. Hyperparameters and prose are not read.
   */
  metadataOnly?: boolean;
  /** Models read at the same time (default 4, at most 16); results still come in listing order. */
  concurrency?: number;
  /** Return true to pass over a model without downloading its files (e.g. already stored at this commit). */
  skip?: (id: string, sha: string) => boolean | Promise<boolean>;
}

/** One crawled model: its document, or why it was passed over or could not be read. */
export type CrawlItem =
  | {
      status: "read";
      id: string;
      sha: string;
      document: LineageDocument;
      warnings: ExtractWarning[];
      complete: boolean;
    }
  | { status: "skipped"; id: string; sha: string }
  | { status: "failed"; id: string; error: HubError };

/** The tool named in crawled documents' provenance (`provenance.by`), per mode. */
export const CRAWL_BY = "ftl crawl hf";
export const CRAWL_METADATA_BY = "ftl crawl hf --metadata-only";

/** A model as the listing describes it, with its card metadata as the only file (a README of front matter). */
export function metadataModel(endpoint: string, info: HubModelInfo): HubModel {
  const files = info.cardData
    ? [
        {
          path: hubFileUrl(endpoint, info.id, info.sha, "README.md"),
          text: `---\n${stringifyYaml(info.cardData)}---\n`,
        },
      ]
    : [];
  return { ...info, files, warnings: [], complete: true };
}

/** Errors after which every further request would fail too: the crawl stops. */
const FATAL = new Set([
  "unreachable",
  "rate-limited",
  "bad-token",
  "truncated",
  "server-error",
  "timeout",
  "request-budget",
]);

/** The document of one model on its own: its steps, its parents as bases (the registry links documents). */
export function modelDocument(
  endpoint: string,
  node: ChainNode,
  by = CRAWL_BY,
): { document: LineageDocument; warnings: ExtractWarning[] } {
  const nodes = new Map([[node.model.id, node]]);
  const joined = joinChain(endpoint, node.model.id, nodes, by);
  return {
    document: joined.document,
    warnings: [...nodeWarnings(node), ...joined.warnings],
  };
}

/**
 * The request budget of a crawl when none is given: about 12 requests per model of `--limit` (a listing
 * share, model info, files, retries), else 100,000.
 */
export function crawlRequestBudget(limit: number | undefined): number {
  return limit !== undefined && Number.isFinite(limit) ? 1000 + 12 * limit : 100_000;
}

/** Listing pages in a row that may bring no model not seen before; then the listing is taken to loop. */
export const MAX_PAGES_WITHOUT_NEW_MODELS = 20;

/**
 * Stops a listing that loops: a `next` link back to a page already read, or page after page with no model
 * not seen before (an endless `next` chain). Call it before each page request with the models seen so far.
 */
export function listingGuard(label: string): (url: string, modelsSeen: number) => void {
  const urls = new Set<string>();
  let lastSeen = -1;
  let stale = 0;
  return (url, modelsSeen) => {
    if (urls.has(url))
      throw new HubError(
        "bad-response",
        `the Hub's listing of ${label} links back to a page it already sent (${url}); stopped`,
      );
    urls.add(url);
    stale = modelsSeen === lastSeen ? stale + 1 : 0;
    lastSeen = modelsSeen;
    if (stale >= MAX_PAGES_WITHOUT_NEW_MODELS)
      throw new HubError(
        "bad-response",
        `the Hub's listing of ${label} sent ${MAX_PAGES_WITHOUT_NEW_MODELS} pages in a row without a new model; stopped`,
      );
  };
}

/** Models read at the same time by default (their files are fetched alongside; results keep listing order). */
export const DEFAULT_CRAWL_CONCURRENCY = 4;

function listingLabel(options: CrawlOptions, base: string | undefined): string {
  if (base) return `derivatives of ${base}`;
  return options.author ? `models of ${options.author}` : "the model list";
}

/** Reads one listed model into a crawl item; throws only errors after which the crawl cannot go on. */
async function readListed(client: HubClient, options: CrawlOptions, info: HubModelInfo): Promise<CrawlItem> {
  if (await options.skip?.(info.id, info.sha)) return { status: "skipped", id: info.id, sha: info.sha };
  const own = client.fork?.() ?? client;
  try {
    const model = options.metadataOnly
      ? metadataModel(own.endpoint, info)
      : await fetchHubModelFiles(own, info);
    const node = hubNode(model);
    const by = options.metadataOnly ? CRAWL_METADATA_BY : CRAWL_BY;
    const { document, warnings } = modelDocument(own.endpoint, node, by);
    const complete = model.complete && node.extract.complete;
    return { status: "read", id: info.id, sha: info.sha, document, warnings, complete };
  } catch (error) {
    const hubError =
      error instanceof HubError
        ? error
        : toHubError(error, { model: info.id, what: "files", endpoint: own.endpoint });
    if (FATAL.has(hubError.code)) throw hubError;
    return { status: "failed", id: info.id, error: hubError };
  }
}

/**
 * Lists models on the Hub and yields one lineage document per model, in listing order, reading up to
 * `concurrency` models at a time. A listing cursor is reported once every model listed before it was yielded
 * (and so handled by the caller).
 *
 * @example
 * for await (const item of crawlHub({ base: "mistralai/Mistral-7B-v0.1", limit: 100 }))
 *   if (item.status === "read") await store.addDocuments([{ document: item.document, source: "hub" }]);
 */
export async function* crawlHub(options: CrawlOptions = {}): AsyncGenerator<CrawlItem> {
  const client = hubClient({
    ...options,
    maxRequests: options.maxRequests ?? crawlRequestBudget(options.limit),
  });
  const concurrency = Math.min(16, Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CRAWL_CONCURRENCY)));
  const bases: (string | undefined)[] = [options.base];
  const seenBases = new Set(bases);
  const seenModels = new Set<string>();
  const useCursor = !options.recursive;
  let remaining = options.limit ?? Number.POSITIVE_INFINITY;
  for (let b = 0; b < bases.length && remaining > 0; b++) {
    const base = bases[b];
    let listed = 0; // listing entries taken
    let handled = 0; // listing entries whose item was yielded (or that were duplicates)
    const cursors: { after: number; url: string }[] = [];
    let pages = 0;
    const pageGuard = listingGuard(listingLabel(options, base));
    // The listing's page requests go through here: start at the cursor, note where each later page begins.
    const listingFetch: typeof fetch = async (input, init) => {
      let url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
      if (pages === 0 && b === 0 && options.cursor && useCursor) url = options.cursor;
      else if (pages > 0 && useCursor) cursors.push({ after: listed, url });
      pageGuard(url, seenModels.size);
      pages++;
      return client.polite.fetch(url, init);
    };
    const listing = listModels({
      search: {
        ...(options.author ? { owner: options.author } : {}),
        ...(options.search ? { query: options.search } : {}),
        ...(base ? { tags: [`base_model:${base}`] } : {}),
      },
      hubUrl: client.endpoint,
      fetch: listingFetch,
      additionalFields: [...HUB_INFO_FIELDS],
      ...(Number.isFinite(remaining) ? { limit: remaining } : {}),
      ...(client.accessToken ? { accessToken: client.accessToken } : {}),
    });
    const inFlight: Promise<CrawlItem | null>[] = [];
    let listingDone = false;
    let listingError: HubError | undefined;
    while (true) {
      while (!listingDone && remaining > 0 && inFlight.length < concurrency) {
        let next: IteratorResult<Parameters<typeof toHubModelInfo>[0]>;
        try {
          client.polite.reset();
          next = await listing.next();
        } catch (error) {
          // Models already being read are finished and handed out first; then the crawl stops.
          const failure = client.polite.lastFailure();
          listingError = toHubError(error, {
            model: listingLabel(options, base),
            what: "model listing",
            endpoint: client.endpoint,
            ...(failure ? { response: failure } : {}),
          });
          listingDone = true;
          break;
        }
        if (next.done) {
          listingDone = true;
          break;
        }
        listed++;
        const info: HubModelInfo = toHubModelInfo(next.value);
        if (seenModels.has(info.id)) {
          inFlight.push(Promise.resolve(null));
          continue;
        }
        seenModels.add(info.id);
        remaining--;
        if (options.recursive && options.base && !seenBases.has(info.id)) {
          seenBases.add(info.id);
          bases.push(info.id);
        }
        const work = readListed(client, options, info);
        work.catch(() => {}); // surfaced in order below; this only keeps early failures from going unhandled
        inFlight.push(work);
      }
      const head = inFlight.shift();
      if (!head) {
        if (listingError) throw listingError;
        break;
      }
      const item = await head;
      handled++;
      if (item) yield item;
      while (cursors[0] && cursors[0].after <= handled) {
        // (shift before the optional call: `f?.(x)` does not evaluate x when f is absent)
        const done = cursors.shift() as { url: string };
        await options.onCursor?.(done.url);
      }
    }
  }
}
