/**
 * Two writers on one PostgreSQL registry: `npx tsx bench/two-writers.ts [--models 200000] [--seed 3]`.
 * Splits the generated registry file in two halves, ingests each half from its own process at the same time
 * into one schema, ingests the whole file from one process into another schema, and compares the two
 * registries by names: documents (hash, source, current), edges, the closure and the descendant counts.
 * Prints the wall times and the differences (none expected).
 */
import { spawn } from "node:child_process";
import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { loadavg } from "node:os";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { defaultRegistryPath } from "./lib/write-registry.js";

const { values } = parseArgs({
  options: {
    models: { type: "string", default: "200000" },
    seed: { type: "string", default: "3" },
    pg: { type: "string", default: process.env.FTL_BENCH_PG ?? "postgres://postgres@127.0.0.1:5432/test" },
  },
});
const root = fileURLToPath(new URL("..", import.meta.url)).replace(/\/$/, "");
const file = defaultRegistryPath(root, Number(values.models), Number(values.seed));
if (!existsSync(file))
  throw new Error(
    `${file}: generate it first (npm run gen -- --models ${values.models} --seed ${values.seed})`,
  );
const base = values.pg ?? "";
const at = (schema: string): string => {
  const url = new URL(base);
  url.searchParams.set("schema", schema);
  return url.href;
};

async function split(): Promise<[string, string]> {
  const halves: [string, string] = [`${root}/bench/out/half-a.jsonl`, `${root}/bench/out/half-b.jsonl`];
  const lines: string[] = [];
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity }))
    lines.push(line);
  const middle = Math.floor(lines.length / 2);
  for (const [i, path] of halves.entries()) {
    const out = createWriteStream(path);
    for (const line of i === 0 ? lines.slice(0, middle) : lines.slice(middle)) out.write(`${line}\n`);
    await new Promise((resolve) => out.end(resolve));
  }
  return halves;
}

function ingestChild(location: string, path: string): Promise<number> {
  const script = fileURLToPath(new URL("./lib/ingest-child.ts", import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, location, path], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += String(chunk);
    });
    child.on("exit", (code) =>
      code === 0
        ? resolve((JSON.parse(out.trim()) as { seconds: number }).seconds)
        : reject(new Error(`exit ${code}`)),
    );
  });
}

const BY_NAME: Record<string, string> = {
  documents:
    "SELECT d.hash, d.source, d.current, m.name FROM {s}.document d JOIN {s}.model m ON m.id = d.subject",
  edges: `SELECT p.name, c.name, e.relation, e.bits FROM {s}.edge e JOIN {s}.model p ON p.id = e.parent
    JOIN {s}.model c ON c.id = e.child`,
  closure: `SELECT a.name, d.name, k.depth, k.relation, k.mask FROM {s}.closure k JOIN {s}.model a ON a.id = k.ancestor
    JOIN {s}.model d ON d.id = k.descendant`,
  counts:
    "SELECT m.name, t.relation, t.n FROM {s}.tree_count t JOIN {s}.model m ON m.id = t.model WHERE t.n <> 0",
};

const client = new pg.Client({ connectionString: base });
await client.connect();
for (const schema of ["ftl_two_writers", "ftl_one_writer"])
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
const [a, b] = await split();
console.log(`${file}: halves ${a}, ${b}; load average ${loadavg()[0]?.toFixed(1)}`);
let t = performance.now();
const [sa, sb] = await Promise.all([
  ingestChild(at("ftl_two_writers"), a),
  ingestChild(at("ftl_two_writers"), b),
]);
const two = (performance.now() - t) / 1000;
console.log(`two writers: ${two.toFixed(1)} s wall (half A ${sa.toFixed(1)} s, half B ${sb.toFixed(1)} s)`);
t = performance.now();
await ingestChild(at("ftl_one_writer"), file);
const one = (performance.now() - t) / 1000;
console.log(`one writer: ${one.toFixed(1)} s wall; load average ${loadavg()[0]?.toFixed(1)}`);
let differences = 0;
for (const [name, sql] of Object.entries(BY_NAME)) {
  const q = (x: string, y: string) =>
    `SELECT COUNT(*)::int AS n FROM (${sql.replaceAll("{s}", x)} EXCEPT ALL ${sql.replaceAll("{s}", y)}) z`;
  const ab = await client.query<{ n: number }>(q("ftl_two_writers", "ftl_one_writer"));
  const ba = await client.query<{ n: number }>(q("ftl_one_writer", "ftl_two_writers"));
  const rows = await client.query<{ n: number }>(
    `SELECT COUNT(*)::int AS n FROM (${sql.replaceAll("{s}", "ftl_one_writer")}) z`,
  );
  const diff = (ab.rows[0]?.n ?? 0) + (ba.rows[0]?.n ?? 0);
  differences += diff;
  console.log(`${name}: ${rows.rows[0]?.n} rows, ${diff} differ`);
}
await client.end();
console.log(differences === 0 ? "same registry" : `${differences} rows differ`);
process.exitCode = differences === 0 ? 0 : 1;
