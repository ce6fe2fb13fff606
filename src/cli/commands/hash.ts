/**
 * `ftl hash PATH`: the OMS v1.0 manifest (files or shards, each with size and SHA-256) and root digest of a
 * model folder or file. Also home of the helpers `ftl capture` shares: option parsing, the progress bar and
 * turning a `HashError` into a CLI error.
 */

import path from "node:path";
import { HashError, type HashOptions, hashPath, type Manifest } from "../../integrity/hash/index.js";
import {
  CliError,
  type Command,
  type CommandContext,
  EXIT,
  flag,
  type Io,
  list,
  printJson,
  str,
} from "../command.js";
import { terminalBar } from "../progress-bar.js";

const UNITS: Record<string, number> = {
  "": 1,
  k: 1e3,
  m: 1e6,
  g: 1e9,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
};

/** `--shard-size`: bytes, optionally with a unit (`1G` = 10^9 as the reference's default, `64MiB` = 2^26). */
export function parseShardSize(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d+) ?([kmg](?:i?b)?|b)?$/i.exec(text.trim());
  const unit = (m?.[2] ?? "")
    .toLowerCase()
    .replace(/^([kmg])b$/, "$1")
    .replace(/^b$/, "");
  const value = m ? Number(m[1]) * (UNITS[unit] ?? Number.NaN) : Number.NaN;
  if (!(Number.isSafeInteger(value) && value > 0))
    throw new CliError(
      `--shard-size ${JSON.stringify(text)}: expected a positive number of bytes (e.g. 1000000000, 1G, 64MiB)`,
    );
  return value;
}

/**
 * `--ignore-paths` (comma-separated, repeatable). A path that, taken from the current directory, lies inside
 * the model folder is used as it is (as the reference CLI reads `--ignore-paths model/file`); any other is
 * taken relative to the model folder (`--ignore-paths file`).
 */
export function resolveIgnorePaths(cwd: string, root: string, given: string[]): string[] {
  const absoluteRoot = path.resolve(cwd, root);
  return given
    .flatMap((g) => g.split(","))
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => {
      const fromCwd = path.resolve(cwd, p);
      const rel = path.relative(absoluteRoot, fromCwd);
      const inside = rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
      return inside ? fromCwd : path.resolve(absoluteRoot, p);
    });
}

/** A progress bar for hashing on a terminal (none when `quiet` or not a terminal). */
export function hashProgress(
  io: Io,
  quiet: boolean,
): { onProgress: (done: number, total: number) => void; stop: () => void } {
  const bar = terminalBar(
    io.isTTY && !quiet,
    "hash [{bar}] {percentage}% | {value}/{total} MiB | {speed} MB/s",
  );
  const started = Date.now();
  let barStarted = false;
  const onProgress = (done: number, total: number) => {
    if (bar === undefined) return;
    const speed = ((done / Math.max(1, Date.now() - started)) * 1e3) / 1e6;
    if (!barStarted) {
      bar.start(Math.ceil(total / 2 ** 20), 0, { speed: "0" });
      barStarted = true;
    }
    bar.update(Math.floor(done / 2 ** 20), { speed: speed.toFixed(0) });
  };
  return { onProgress, stop: () => bar?.stop() };
}

/** A `HashError` as a CLI error: a file that could not be read is 1, everything else a usage error. */
export function hashFailure(error: HashError): CliError {
  return new CliError(error.message, error.code === "io" ? EXIT.invalid : EXIT.usage);
}

/** Hashes with a progress bar on a terminal (not with --json); `HashError`s become `CliError`s. */
async function hashWithProgress(
  target: string,
  options: HashOptions,
  io: Io,
  quiet: boolean,
): Promise<Manifest> {
  const progress = hashProgress(io, quiet);
  try {
    return await hashPath(target, { ...options, onProgress: progress.onProgress });
  } catch (error) {
    if (error instanceof HashError) throw hashFailure(error);
    throw error;
  } finally {
    progress.stop();
  }
}

/** The hashing options common to `ftl hash` and `ftl capture`. */
export function hashOptionsFrom(values: CommandContext["values"], io: Io, target: string): HashOptions {
  const shardSize = parseShardSize(str(values, "shard-size"));
  return {
    ...(shardSize !== undefined ? { shardSize } : {}),
    allowSymlinks: flag(values, "allow-symlinks"),
    ignorePaths: resolveIgnorePaths(io.cwd, target, list(values, "ignore-paths")),
  };
}

const integer = new Intl.NumberFormat("en-US");

/** The manifest as people read it: one line per resource (digest, size, name), then the root digest. */
export function formatManifest(target: string, m: Manifest): string {
  const bytes = m.resources.reduce((sum, r) => sum + r.size, 0);
  const one = m.resources.length === 1;
  const what =
    m.serialization.method === "shards"
      ? `shard${one ? "" : "s"} of ${integer.format(m.serialization.shardSize ?? 0)} bytes`
      : `file${one ? "" : "s"}`;
  const width = Math.max(...m.resources.map((r) => integer.format(r.size).length), 1);
  const lines = [
    `${target}: ${m.kind}, ${m.resources.length} ${what}, ${integer.format(bytes)} bytes (OMS v1.0, sha256)`,
    ...m.resources.map((r) => `${r.digest}  ${integer.format(r.size).padStart(width)}  ${r.name}`),
    `root digest: sha256:${m.rootDigest}`,
  ];
  return `${lines.join("\n")}\n`;
}

export const HASH_OPTIONS = {
  "shard-size": {
    type: "string",
    value: "BYTES",
    description: "Hash shards of BYTES (OMS 'shards' serialization, names path:start:end); 1G = 10^9",
  },
  "allow-symlinks": {
    type: "boolean",
    description: "Follow symbolic links to files instead of refusing them",
  },
  "ignore-paths": {
    type: "string",
    multiple: true,
    value: "P,...",
    description: "Also leave out these files or folders (relative to the model folder, or paths inside it)",
  },
} satisfies Command["options"];

export const hashCommand: Command = {
  path: ["hash"],
  summary: "print the OMS v1.0 manifest and root digest of a model folder or file",
  usage: "ftl hash DIR|FILE [--json] [--shard-size BYTES] [--allow-symlinks] [--ignore-paths P,...]",
  positionals: { min: 1, max: 1, names: "DIR|FILE" },
  options: {
    ...HASH_OPTIONS,
    json: {
      type: "boolean",
      description: "Print the manifest as JSON ({kind, name, serialization, resources, rootDigest})",
    },
  },
  details: `Hashes the way OpenSSF Model Signing (OMS v1.0, sigstore/model-transparency) does, so the root digest is
the one an OMS signature of the same folder carries: regular files only, named by relative POSIX path and
sorted by path component and code point; model.sig, .git, .gitattributes, .github and .gitignore (at the top of
the folder) left out; symbolic links refused unless --allow-symlinks; SHA-256 per file (or per shard with
--shard-size); the root digest is the SHA-256 of the concatenated raw digests. A single file is one resource
named ".". Large jobs are hashed on worker threads, one per core, with a progress bar on a terminal.
Exit codes: 0 hashed, 1 a file could not be read, 2 usage error (no such path, nothing to hash, a refused
symbolic link or special file, a bad option).`,
  examples: [
    "ftl hash ./outputs/my-run",
    "ftl hash model.gguf --json",
    "ftl hash ./big-model --shard-size 1G",
    "ftl hash ./model --ignore-paths logs,README.md",
  ],
  async run({ positionals, values, io }) {
    const target = positionals[0] as string;
    const json = flag(values, "json");
    const manifest = await hashWithProgress(
      path.resolve(io.cwd, target),
      hashOptionsFrom(values, io, target),
      io,
      json,
    );
    if (json) printJson(io, manifest);
    else io.stdout(formatManifest(target, manifest));
    return EXIT.ok;
  },
};
