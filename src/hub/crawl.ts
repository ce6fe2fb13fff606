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
const FATAL = new Set(["unreachable", "rate-limited", "bad-token", "truncated", "server-error"]);

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
 * Lists models on the Hub and yields one lineage document per model.
 *
 * @example
 * for await (const item of crawlHub({ base: "mistralai/Mistral-7B-v0.1", limit: 100 }))
 *   if (item.status === "read") await store.addDocuments([{ document: item.document, source: "hub" }]);
 */
export async function* crawlHub(options: CrawlOptions = {}): AsyncGenerator<CrawlItem> {
  const client = hubClient(options);
  const bases: (string | undefined)[] = [options.base];
  const seenBases = new Set(bases);
  const seenModels = new Set<string>();
  let remaining = options.limit ?? Number.POSITIVE_INFINITY;
  const cursor = options.cursor;
  for (let b = 0; b < bases.length && remaining > 0; b++) {
    const base = bases[b];
    // The listing's page requests go through here: resume at the cursor, report finished pages.
    let pages = 0;
    const start = cursor;
    const listingFetch: typeof fetch = async (input, init) => {
      let url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
      if (pages === 0 && start && !options.recursive) url = start;
      else if (pages > 0 && !options.recursive) await options.onCursor?.(url);
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
    while (remaining > 0) {
      let next: IteratorResult<Parameters<typeof toHubModelInfo>[0]>;
      try {
        client.polite.reset();
        next = await listing.next();
      } catch (error) {
        const failure = client.polite.lastFailure();
        throw toHubError(error, {
          model: base
            ? `derivatives of ${base}`
            : options.author
              ? `models of ${options.author}`
              : "the model list",
          what: "model listing",
          endpoint: client.endpoint,
          ...(failure ? { response: failure } : {}),
        });
      }
      if (next.done) break;
      const info: HubModelInfo = toHubModelInfo(next.value);
      if (seenModels.has(info.id)) continue;
      seenModels.add(info.id);
      remaining--;
      if (options.recursive && options.base && !seenBases.has(info.id)) {
        seenBases.add(info.id);
        bases.push(info.id);
      }
      if (await options.skip?.(info.id, info.sha)) {
        yield { status: "skipped", id: info.id, sha: info.sha };
        continue;
      }
      try {
        const model = options.metadataOnly
          ? metadataModel(client.endpoint, info)
          : await fetchHubModelFiles(client, info);
        const node = hubNode(model);
        const { document, warnings } = modelDocument(
          client.endpoint,
          node,
          options.metadataOnly ? CRAWL_METADATA_BY : CRAWL_BY,
        );
        yield {
          status: "read",
          id: info.id,
          sha: info.sha,
          document,
          warnings,
          complete: model.complete && node.extract.complete,
        };
      } catch (error) {
        const hubError =
          error instanceof HubError
            ? error
            : toHubError(error, { model: info.id, what: "files", endpoint: client.endpoint });
        if (FATAL.has(hubError.code)) throw hubError;
        yield { status: "failed", id: info.id, error: hubError };
      }
    }
  }
}
