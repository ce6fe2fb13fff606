/** Reading lineage from the Hugging Face Hub (`ftl import hf:…`, `ftl crawl hf`) and a local replay server. */

export { type CrawlItem, type CrawlOptions, crawlHub, modelDocument } from "./crawl.js";
export {
  fetchHubModel,
  HUB_LINEAGE_FILES,
  type HubClient,
  type HubModel,
  hubFileUrl,
} from "./fetch-model.js";
export { HUB_ERROR_CODES, HubError, type HubErrorCode } from "./hub-error.js";
export { HUB_RELATIONS, type HubParents, type HubRelation, hubParents } from "./hub-parents.js";
export { type HubRef, isHubModelId, normalizeParentId, parseHubRef } from "./hub-ref.js";
export {
  DEFAULT_HUB_DEPTH,
  DEFAULT_HUB_ENDPOINT,
  type HubAccessOptions,
  type HubImportOptions,
  hubClient,
  importFromHub,
} from "./import-from-hub.js";
export { type ChainNode, joinChain } from "./join-chain.js";
export { parseRetryAfter, politeFetch } from "./polite-fetch.js";
export { type ReplayServer, startReplayServer } from "./replay-server.js";
