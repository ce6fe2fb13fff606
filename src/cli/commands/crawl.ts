/**
 * `ftl crawl hf`: fills the registry from the Hugging Face Hub, one lineage document per listed model.
 * Resumable: models already stored at the same commit are skipped without downloading, and with `--state` the
 * listing cursor is saved after every page so that an interrupted crawl starts where it stopped.
 */

import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { clearProgress, hubCliError, progressLine, wholeNumber } from "../../hub/cli-support.js";
import { CRAWL_BY, CRAWL_METADATA_BY, crawlHub } from "../../hub/crawl.js";
import { hubClient } from "../../hub/import-from-hub.js";
import { readBoundedText } from "../../io/bounded-read.js";
import { writeFailure, writeFileAtomic } from "../../io/write-document.js";
import { visible } from "../../render/visible.js";
import { openStore } from "../../store/index.js";
import { type Store, StoreError } from "../../store/store.js";
import { CliError, type Command, EXIT, flag, printJson, str } from "../command.js";
import { terminalBar } from "../progress-bar.js";

/** Per-model entries of `--json` beyond which only failed or incomplete models are listed. */
const MAX_REPORTED = 10_000;

interface Summary {
  listed: number;
  read: number;
  added: number;
  unchanged: number;
  skipped: number;
  failed: number;
  incomplete: number;
}

interface CrawlState {
  query: string;
  cursor?: string;
}

function readState(path: string, query: string): string | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const state = JSON.parse(
      readBoundedText(path, { maxBytes: 1024 * 1024, what: "crawl state" }),
    ) as Partial<CrawlState>;
    return state.query === query && typeof state.cursor === "string" ? state.cursor : undefined;
  } catch {
    throw new CliError(
      `${path}: not a crawl state file (JSON with "query" and "cursor"); remove it or pick another --state`,
    );
  }
}

/**
 * Is this model already stored from this source at this commit, read at least as fully as this crawl reads?
 * (A metadata-only document does not stop a full crawl from reading the files.)
 */
async function storedAt(
  store: Store,
  source: string,
  id: string,
  sha: string,
  metadataOnly: boolean,
): Promise<boolean> {
  const enough = metadataOnly ? [CRAWL_BY, CRAWL_METADATA_BY] : [CRAWL_BY];
  const { documents } = await store.documentsFor(id);
  return documents.some(
    (d) =>
      d.current &&
      d.source === source &&
      d.document.subject.revision === sha &&
      enough.includes(d.document.provenance?.by ?? ""),
  );
}

export const crawlCommand: Command = {
  path: ["crawl", "hf"],
  summary: "fill the registry from the Hugging Face Hub (one lineage document per model)",
  usage:
    "ftl crawl hf [--author ORG] [--base ID [--recursive]] [--search TEXT] [--limit N] [--max-requests N] [--concurrency N] [--metadata-only] [--db PATH|postgres://...] [--state FILE] [--json]",
  positionals: { min: 0, max: 0, names: "" },
  options: {
    author: { type: "string", value: "ORG", description: "Only models of this user or organisation" },
    base: { type: "string", value: "ID", description: "Only models that declare this base model" },
    recursive: {
      type: "boolean",
      description: "With --base: also the derivatives of every derivative found",
    },
    search: { type: "string", value: "TEXT", description: "Only models whose id contains TEXT" },
    concurrency: {
      type: "string",
      value: "N",
      description: "Models read at the same time, 1–16 (default 4)",
    },
    "metadata-only": {
      type: "boolean",
      description: "Read only the card metadata of the listing (no request per model; no hyperparameters)",
    },
    limit: { type: "string", value: "N", description: "At most N listed models (skipped ones included)" },
    "max-requests": {
      type: "string",
      value: "N",
      description:
        "Stop after N requests to the Hub, retries included (default 1000 + 12 per --limit model, else 100000)",
    },
    db: {
      type: "string",
      value: "PATH|URL",
      description: "Registry: SQLite file or postgres:// URL (default FTL_DB, else ./.ftl/registry.db)",
    },
    state: {
      type: "string",
      value: "FILE",
      description: "Save the listing cursor here after every page; resume from it",
    },
    json: { type: "boolean", description: "Print {summary, models: [...]} instead of text" },
  },
  details: `Lists models with the Hub's API (HF_ENDPOINT, default https://huggingface.co; HF_TOKEN for gated or
private models and higher rate limits), reads each model's README.md and config files at its current commit,
extracts its lineage and adds the document to the registry with source "hub:<endpoint>". A model already
stored from that source at the same commit is skipped without downloading anything, so re-running a crawl
resumes it; with --state the listing itself also restarts at the page where it stopped.
On 429 the crawl waits for Retry-After (bounded) and goes on; if the Hub keeps refusing, or cannot be reached,
the crawl stops, keeping everything added so far. --metadata-only reads just the card metadata each listing page
carries (base_model, relation, datasets, licence): the Hub's whole model tree at one request per page.
Exit codes: 0 every model read in full, 5 some models could not be read or were read incompletely, or the crawl
stopped early (what was read is stored), 2 usage error (bad option, registry cannot be opened, bad HF_TOKEN).
Limits of every request: FTL_HUB_CONNECT_TIMEOUT (seconds until the response headers, default 30),
FTL_HUB_IDLE_TIMEOUT (longest silence in a body, default 30), FTL_HUB_RESPONSE_TIMEOUT (one whole response,
default 300); responses over 64 MiB (listing pages) or 16 MiB (anything else) are refused; a listing that
links back to a page or sends 20 pages without a new model is stopped. These apply to 'ftl import hf:' too.`,
  examples: [
    "ftl crawl hf --base mistralai/Mistral-7B-v0.1 --limit 500",
    "ftl crawl hf --author HuggingFaceH4 --db registry.db --state crawl-state.json",
    "ftl crawl hf --metadata-only --limit 100000 --state crawl-state.json",
    "HF_ENDPOINT=http://127.0.0.1:8080 ftl crawl hf --base meta-llama/Llama-2-7b-hf --recursive --json",
  ],
  async run({ values, io }) {
    const limit = wholeNumber(str(values, "limit"), "limit");
    const maxRequests = wholeNumber(str(values, "max-requests"), "max-requests");
    const concurrency = wholeNumber(str(values, "concurrency"), "concurrency");
    if (concurrency !== undefined && (concurrency < 1 || concurrency > 16))
      throw new CliError(`--concurrency must be between 1 and 16, got ${concurrency}`);
    const author = str(values, "author");
    const base = str(values, "base");
    const search = str(values, "search");
    const recursive = flag(values, "recursive");
    const metadataOnly = flag(values, "metadata-only");
    if (recursive && !base) throw new CliError("--recursive needs --base ID");
    const statePath = str(values, "state") ? resolve(io.cwd, str(values, "state") as string) : undefined;
    if (statePath && recursive)
      throw new CliError("--state cannot be used with --recursive (the cursor covers one listing)");
    let endpoint: string;
    try {
      endpoint = hubClient({ env: io.env }).endpoint;
    } catch (error) {
      throw hubCliError(error);
    }
    const source = `hub:${endpoint}`;
    const query = JSON.stringify({ endpoint, author, base, search });
    const cursor = statePath ? readState(statePath, query) : undefined;
    let store: Store;
    try {
      store = await openStore(str(values, "db"), { env: io.env, cwd: io.cwd });
    } catch (error) {
      if (error instanceof StoreError) throw new CliError(error.message, EXIT.usage);
      throw error;
    }
    const summary: Summary = {
      listed: 0,
      read: 0,
      added: 0,
      unchanged: 0,
      skipped: 0,
      failed: 0,
      incomplete: 0,
    };
    /** Per-model lines of the JSON report: at most MAX_REPORTED, problems first kept. */
    const models: Record<string, unknown>[] = [];
    const report = (entry: Record<string, unknown>, problem = false) => {
      if (models.length < MAX_REPORTED || problem) models.push(entry);
    };
    const incompleteIds: string[] = [];
    // A bar when the total is known (--limit) and a person watches; else one status line.
    const bar = terminalBar(
      io.isTTY && limit !== undefined,
      "crawl [{bar}] {value}/{total} | {added} added, {skipped} already stored, {failed} failed | {model}",
    );
    bar?.start(limit ?? 0, 0, { added: 0, skipped: 0, failed: 0, model: "" });
    const progress = bar ? undefined : progressLine(io);
    let stopped: string | undefined;
    try {
      const items = crawlHub({
        env: io.env,
        ...(author ? { author } : {}),
        ...(base ? { base, recursive } : {}),
        ...(search ? { search } : {}),
        ...(limit !== undefined ? { limit } : {}),
        ...(maxRequests !== undefined ? { maxRequests } : {}),
        ...(cursor ? { cursor } : {}),
        ...(statePath
          ? {
              onCursor: (next: string) => {
                try {
                  writeFileAtomic(statePath, `${JSON.stringify({ query, cursor: next })}\n`);
                } catch (error) {
                  throw new CliError(
                    `${str(values, "state")}: cannot write the crawl state (${writeFailure(error)})`,
                  );
                }
              },
            }
          : {}),
        skip: (id, sha) => storedAt(store, source, id, sha, metadataOnly),
        metadataOnly,
        ...(concurrency !== undefined ? { concurrency } : {}),
        ...(progress ? { onProgress: progress } : {}),
      });
      for await (const item of items) {
        summary.listed++;
        if (item.status === "skipped") {
          summary.skipped++;
          report({ id: item.id, sha: item.sha, status: "skipped" });
        } else if (item.status === "failed") {
          summary.failed++;
          report({ id: item.id, status: "failed", error: item.error.message }, true);
          if (!flag(values, "json"))
            io.stderr(`${progress || bar ? "\r\x1b[K" : ""}warning: ${item.error.message}\n`);
        } else {
          summary.read++;
          if (!item.complete) summary.incomplete++;
          const { results } = await store.addDocuments([{ document: item.document, source }]);
          const status = results[0]?.status === "duplicate" ? "unchanged" : "added";
          summary[status]++;
          report(
            {
              id: item.id,
              sha: item.sha,
              status,
              complete: item.complete,
              warnings: item.warnings.map(({ code, message }) => ({ code, message })),
            },
            !item.complete,
          );
          if (!item.complete) incompleteIds.push(item.id);
        }
        bar?.update(summary.listed, { ...summary, model: visible(item.id) });
        progress?.(`crawl: ${summary.listed} models, ${summary.added} added — ${item.id}`);
      }
      if (statePath) writeFileAtomic(statePath, `${JSON.stringify({ query })}\n`);
    } catch (error) {
      const converted = hubCliError(error);
      if (!(converted instanceof CliError)) throw error;
      stopped = converted.message;
    } finally {
      bar?.stop();
      clearProgress(io);
      await store.close();
    }
    const exit = stopped || summary.failed > 0 || summary.incomplete > 0 ? EXIT.incomplete : EXIT.ok;
    if (flag(values, "json")) {
      printJson(io, {
        summary,
        ...(stopped ? { stopped } : {}),
        registry: store.location,
        source,
        models,
        ...(models.length < summary.listed ? { modelsOmitted: summary.listed - models.length } : {}),
      });
      return exit;
    }
    io.stdout(
      `${[
        `listed ${summary.listed} model${summary.listed === 1 ? "" : "s"}: ${summary.added} added, ${summary.unchanged} unchanged, ${summary.skipped} already stored at the same commit, ${summary.failed} failed`,
        ...(summary.incomplete > 0
          ? [
              `${summary.incomplete} read incompletely (warnings with --json): ${incompleteIds.slice(0, 5).join(", ")}${incompleteIds.length > 5 ? ", …" : ""}`,
            ]
          : []),
        `registry: ${store.location} (source ${source})`,
      ].join("\n")}\n`,
    );
    if (stopped)
      io.stderr(
        `ftl: crawl stopped early: ${stopped}\n${statePath ? `re-run the same command to resume (state in ${statePath})\n` : "re-run the same command to resume\n"}`,
      );
    return exit;
  },
};
