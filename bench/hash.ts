/**
 * Hashing benchmark: `npx tsx bench/hash.ts --size small|full` (or `npm run bench -- --only hash`).
 *
 * Generates a model-like folder in a temporary directory (full: one 2 GiB file plus eight 256 MiB files,
 * 4 GiB; small: 128 MiB plus eight 16 MiB, 256 MiB), then times, interleaved round by round, medians:
 * ftl's `hashPath` (files serialization, and shards of 10^9 bytes, on a worker pool), the same on the calling
 * thread only, one single-stream SHA-256 of the same bytes (node crypto, 1 MiB reads) and `sha256sum` of the
 * files. Warm: the files are in the page cache. Cold: each file's pages are evicted before every run (after
 * `sync`, `dd iflag=nocache count=0` asks the kernel to drop them — posix_fadvise DONTNEED — and `fincore`
 * confirms none stay resident); this touches no other process's cache, unlike writing to drop_caches.
 * The folder is removed afterwards.
 */
import { spawnSync } from "node:child_process";
import { createHash, randomFillSync } from "node:crypto";
import { closeSync, mkdirSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { hashPath } from "../src/integrity/hash/index.js";
import { peakRssMb } from "./lib/memory.js";
import { median } from "./lib/stats.js";
import { formatNumber, textTable } from "./lib/table.js";

const MiB = 2 ** 20;
const SIZES = {
  small: { big: 128 * MiB, small: 16 * MiB, count: 8, warm: 5, cold: 3 },
  full: { big: 2048 * MiB, small: 256 * MiB, count: 8, warm: 5, cold: 3 },
} as const;

const { values } = parseArgs({ options: { size: { type: "string", default: "small" } }, strict: true });
const size = values.size === "full" ? "full" : "small";
const n = SIZES[size];

/** Writes the folder: `model-00001.safetensors` (big) and `shard-N.bin` files, from one random block. */
function generate(dir: string): string[] {
  const block = randomFillSync(Buffer.alloc(8 * MiB));
  const files: [string, number][] = [["model-00001.safetensors", n.big]];
  for (let i = 0; i < n.count; i++) files.push([`extra/shard-${i}.bin`, n.small]);
  mkdirSync(join(dir, "extra"));
  for (const [name, bytes] of files) {
    const fd = openSync(join(dir, name), "w");
    for (let done = 0; done < bytes; done += block.length) {
      block.writeUInt32LE(done / block.length, 0); // blocks differ
      writeSync(fd, block, 0, Math.min(block.length, bytes - done));
    }
    closeSync(fd);
  }
  spawnSync("sync");
  return files.map(([name]) => join(dir, name));
}

/** One SHA-256 stream over every file in turn, on this thread: the single-stream baseline. */
function oneStream(files: string[]): string {
  const hash = createHash("sha256");
  const buffer = Buffer.allocUnsafe(MiB);
  for (const file of files) {
    const fd = openSync(file, "r");
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer))
      hash.update(read === buffer.length ? buffer : buffer.subarray(0, read));
    closeSync(fd);
  }
  return hash.digest("hex");
}

function sha256sum(files: string[]): Map<string, string> {
  const result = spawnSync("sha256sum", files, { encoding: "utf8", maxBuffer: 16 * MiB });
  if (result.status !== 0) throw new Error(`sha256sum failed: ${result.stderr}`);
  return new Map(
    result.stdout
      .trim()
      .split("\n")
      .map((line) => [line.slice(66), line.slice(0, 64)] as const),
  );
}

/** Bytes of `files` resident in the page cache (fincore). */
function resident(files: string[]): number {
  const out = spawnSync("fincore", ["--bytes", "--noheadings", "--output", "RES", ...files], {
    encoding: "utf8",
  });
  if (out.status !== 0) return Number.NaN;
  return out.stdout
    .trim()
    .split("\n")
    .reduce((sum, line) => sum + Number(line.trim()), 0);
}

function evict(files: string[]): void {
  spawnSync("sync");
  for (const f of files) spawnSync("dd", [`if=${f}`, "iflag=nocache", "count=0", "status=none"]);
}

function warmUp(files: string[]): void {
  for (const f of files) spawnSync("cat", [f], { stdio: ["ignore", "ignore", "ignore"] });
}

type Method = { name: string; run: () => Promise<unknown> | unknown; external?: boolean };
type Timing = { wall: number; cpu: number };

/** Wall and CPU seconds (this process, all its threads; NaN for a child process, whose CPU is not ours). */
async function timed(m: Method): Promise<Timing> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await m.run();
  const used = process.cpuUsage(cpu);
  return {
    wall: (performance.now() - started) / 1000,
    cpu: m.external ? Number.NaN : (used.user + used.system) / 1e6,
  };
}

async function measure(
  methods: Method[],
  rounds: number,
  before: () => void,
): Promise<Map<string, Timing[]>> {
  const times = new Map<string, Timing[]>(methods.map((m) => [m.name, []]));
  for (let r = 0; r < rounds; r++)
    for (const m of methods) {
      before();
      times.get(m.name)?.push(await timed(m));
    }
  return times;
}

/** Medians (and, for a noisy shared machine, the fastest round) per method; ratios against one stream. */
function report(title: string, times: Map<string, Timing[]>, bytes: number): void {
  const walls = (name: string) => (times.get(name) ?? []).map((t) => t.wall);
  const base = walls("one stream (node crypto)");
  const rows = [...times].map(([name, t]) => {
    const w = walls(name);
    const s = median(w);
    return [
      name,
      formatNumber(s),
      formatNumber(Math.min(...w)),
      formatNumber(median(t.map((x) => x.cpu))),
      formatNumber(bytes / s / 1e6),
      `${formatNumber(median(base) / s)}×`,
      `${formatNumber(Math.min(...base) / Math.min(...w))}×`,
    ];
  });
  console.log(`\n${title}`);
  const headers = ["method", "median s", "min s", "cpu s", "MB/s", "vs one stream", "(min/min)"];
  console.log(textTable(headers, rows));
}

const dir = mkdtempSync(join(tmpdir(), "ftl-bench-hash-"));
try {
  const load = loadavg().map((x) => x.toFixed(2));
  console.log(
    `${new Date().toISOString()} · ${cpus()[0]?.model ?? "?"}, ${availableParallelism()} threads · load ${load.join(" ")}`,
  );
  const files = generate(dir);
  const bytes = n.big + n.count * n.small;
  console.log(`folder: ${files.length} files, ${formatNumber(bytes / MiB)} MiB (${size})`);
  // The digests agree before anything is timed.
  const manifest = await hashPath(dir);
  const sums = sha256sum(files);
  for (const r of manifest.resources)
    if (sums.get(join(dir, r.name)) !== r.digest) throw new Error(`${r.name}: ftl and sha256sum disagree`);
  const methods: Method[] = [
    { name: "ftl hashPath, files", run: () => hashPath(dir) },
    { name: "ftl hashPath, shards of 1e9", run: () => hashPath(dir, { shardSize: 1_000_000_000 }) },
    { name: "ftl hashPath, one thread", run: () => hashPath(dir, { workers: 0 }) },
    { name: "one stream (node crypto)", run: () => oneStream(files) },
    { name: "sha256sum", run: () => sha256sum(files), external: true },
  ];
  warmUp(files);
  report(`warm cache (${n.warm} rounds)`, await measure(methods, n.warm, () => {}), bytes);
  evict(files);
  const left = resident(files);
  if (left === 0) {
    report(
      `cold cache (${n.cold} rounds, pages evicted before each run)`,
      await measure(methods, n.cold, () => evict(files)),
      bytes,
    );
  } else console.log(`\ncold cache: not measured — ${left} bytes stayed resident after eviction`);
  console.log(
    `\npeak RSS ${formatNumber(peakRssMb())} MB; load after: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
