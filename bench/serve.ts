/**
 * `npm run bench -- --only serve`: load test of `ftl serve` on localhost with autocannon
 * (`npx tsx bench/serve.ts [--store sqlite|postgres] [--seconds N] [--connections 1,16,64]`).
 *
 * 1. The synthetic registry from `npm run gen` (200,000 models, seed 1; generated if missing), loaded once into
 *    an SQLite file under bench/out/ (kept for later runs).
 * 2. `ftl serve` in its own process; autocannon in this one, for a bounded time per run (`--seconds`, default 5)
 *    with 1, 16 and 64 connections against: the model, ancestors, the first page of descendants (of the widest
 *    bases, the hardest page there is, and of random models) and search (prefixes of sampled ids). Each request
 *    takes the next id of a rotating sample, so no answer is the same twice in a row.
 * 3. Prints requests/s, p50 and p99 latency and errors per endpoint and connection count, with the load average,
 *    and writes bench/out/serve-<models>-results.json. Targets: ancestors and descendants-page p99 < 50 ms at
 *    16 connections, no errors.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { openStore } from "../src/store/index.js";
import { loadFile } from "./lib/load.js";
import { type Cell, textTable } from "./lib/table.js";
import {
  defaultRegistryPath,
  generateRegistryFile,
  type Manifest,
  manifestPath,
} from "./lib/write-registry.js";

const { values } = parseArgs({
  options: {
    size: { type: "string", default: "small" },
    seconds: { type: "string", default: "5" },
    connections: { type: "string", default: "1,16,64" },
    store: { type: "string", default: "sqlite" },
    pg: { type: "string", default: process.env.FTL_BENCH_PG ?? "postgres://postgres@127.0.0.1:5432/test" },
  },
  allowPositionals: false,
});
const MODELS = 200_000;
const SEED = 1;
const seconds = Number(values.seconds);
const connections = (values.connections ?? "1,16,64").split(",").map(Number);
const root = fileURLToPath(new URL("..", import.meta.url)).replace(/\/$/, "");
const started = performance.now();
const stamp = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const log = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

async function load(location: string, file: string, manifest: Manifest): Promise<void> {
  const store = await openStore(location);
  const t = performance.now();
  await loadFile(store, file, { batchSize: 2000, expected: manifest.summary.documents });
  await store.optimize();
  await store.close();
  log(`  loaded in ${((performance.now() - t) / 1000).toFixed(0)} s`);
}

/** The registry to serve: an SQLite file, or a PostgreSQL schema, loaded once and kept for later runs. */
async function registry(): Promise<{ db: string; manifest: Manifest }> {
  const file = defaultRegistryPath(root, MODELS, SEED);
  const manifest =
    existsSync(file) && existsSync(manifestPath(file))
      ? (JSON.parse(readFileSync(manifestPath(file), "utf8")) as Manifest)
      : await generateRegistryFile({ models: MODELS, seed: SEED, file });
  if (values.store === "postgres") {
    const url = new URL(values.pg ?? "");
    url.searchParams.set("schema", `ftl_bench_serve_${MODELS}`);
    const probe = await openStore(url.href);
    const documents = (await probe.stats()).documents;
    await probe.close();
    if (documents < manifest.summary.documents) {
      const client = new pg.Client({ connectionString: values.pg });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ftl_bench_serve_${MODELS} CASCADE`);
      await client.end();
      log(`loading ${file} into PostgreSQL schema ftl_bench_serve_${MODELS} (once; kept for later runs) …`);
      await load(url.href, file, manifest);
    }
    return { db: url.href, manifest };
  }
  const db = `${root}/bench/out/serve-${MODELS}-seed${SEED}.db`;
  if (!existsSync(db)) {
    log(`loading ${file} into ${db} (once; kept for later runs) …`);
    const partial = `${db}.partial`;
    rmSync(partial, { force: true });
    await load(partial, file, manifest);
    renameSync(partial, db);
  }
  return { db, manifest };
}

function startServer(db: string): Promise<{ child: ChildProcess; url: string }> {
  const entry = `import { runMain } from "./src/cli/main.ts"; await runMain(process.argv.slice(1));`;
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", entry, "serve", "--db", db, "--port", "0"],
      { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    // The server's own messages, stamped with the bench's clock so that they can be matched with a run.
    child.stderr?.on("data", (c) => {
      for (const line of String(c).split("\n").filter(Boolean)) log(`  [server ${stamp()}] ${line}`);
    });
    child.stdout?.on("data", (c) => {
      out += String(c);
      const url = /http:\/\/\S+\//.exec(out)?.[0];
      if (url) resolve({ child, url });
    });
    child.on("exit", (code) => reject(new Error(`ftl serve exited with ${code}`)));
  });
}

const path = (id: string): string => id.split("/").map(encodeURIComponent).join("/");

function endpoints(manifest: Manifest): Record<string, string[]> {
  const models = manifest.samples.models.slice(0, 1000);
  const widest = manifest.summary.widest.slice(0, 20).map((w) => w.id);
  const prefixes = [...new Set(models.map((m) => m.slice(0, 3 + (m.length % 6))))].slice(0, 500);
  return {
    model: models.map((m) => `/api/v1/models/${path(m)}`),
    ancestors: models.map((m) => `/api/v1/models/${path(m)}/ancestors`),
    "descendants-page (widest bases)": widest.map((m) => `/api/v1/models/${path(m)}/descendants?limit=50`),
    "descendants-page (random models)": models.map((m) => `/api/v1/models/${path(m)}/descendants?limit=50`),
    search: prefixes.map((p) => `/api/v1/search?${new URLSearchParams({ q: p, limit: "10" })}`),
  };
}

async function run(url: string, paths: string[], n: number): Promise<autocannon.Result> {
  let i = 0;
  return autocannon({
    url,
    connections: n,
    duration: seconds,
    timeout: 10,
    requests: [
      { method: "GET", setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] as string }) },
    ],
  });
}

const { db, manifest } = await registry();
const server = await startServer(db);
log(
  `ftl serve ${server.url} over ${db} (${manifest.models.toLocaleString("en-US")} models); ${seconds} s per run`,
);
const rows: Cell[][] = [];
const results: Record<string, unknown>[] = [];
try {
  for (const [name, paths] of Object.entries(endpoints(manifest))) {
    await run(server.url, paths, 4); // warm-up: caches and prepared statements
    for (const n of connections) {
      const r = await run(server.url, paths, n);
      const errors = r.errors + r.non2xx;
      const load = loadavg()[0] ?? 0;
      rows.push([
        name,
        n,
        Math.round(r.requests.average),
        r.latency.p50,
        r.latency.p99,
        errors,
        load.toFixed(2),
      ]);
      results.push({
        endpoint: name,
        connections: n,
        rps: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        errors,
        non2xx: r.non2xx,
        load,
      });
      log(
        `  [${stamp()}] ${name} × ${n}: ${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${r.errors} errors (${r.timeouts} timeouts), ${r.non2xx} non-2xx`,
      );
    }
  }
} finally {
  server.child.kill("SIGTERM");
}
log(`\n${textTable(["endpoint", "connections", "req/s", "p50 ms", "p99 ms", "errors", "load 1m"], rows)}`);
const at16 = results.filter(
  (r) => r.connections === 16 && /^(ancestors|descendants)/.test(String(r.endpoint)),
);
const met = at16.every((r) => Number(r.p99) < 50) && results.every((r) => r.errors === 0);
log(
  `targets (ancestors and descendants-page p99 < 50 ms at 16 connections, no errors): ${met ? "met" : "NOT met"}`,
);
writeFileSync(
  `${root}/bench/out/serve-${MODELS}-${values.store}-results.json`,
  `${JSON.stringify({ seconds, results }, null, 1)}\n`,
);
