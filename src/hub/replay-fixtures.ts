/**
 * The replay server's fixtures, read once at start: each model's recorded info, replay knobs and files, with
 * `cardData` parsed from the README front matter and the `base_model:*` tags derived from it as the Hub does;
 * and each dataset's recorded info. Layout: see `replay-server.ts`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { parse as parseYaml } from "yaml";

export interface ReplayKnobs {
  extraFiles?: { path: string; size: number }[];
  /** Tokens that may read the gated files; every other caller gets 401 (anonymous) or 403. */
  grantedTokens?: string[];
}

export interface FixtureModel {
  info: Record<string, unknown>;
  knobs: ReplayKnobs;
  files: Map<string, Buffer>;
}

const RELATIONS = ["adapter", "merge", "quantized", "finetune"] as const;

function listFilesRecursive(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFilesRecursive(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

function frontMatter(text: string): Record<string, unknown> | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!match?.[1]) return undefined;
  try {
    const data = parseYaml(match[1]) as unknown;
    return data && typeof data === "object" && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The Hub's derived `base_model:ID` and `base_model:RELATION:ID` tags. */
function baseModelTags(card: Record<string, unknown> | undefined, files: string[]): string[] {
  const raw = card?.base_model;
  const parents = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === "string");
  if (parents.length === 0) return [];
  const declared = card?.base_model_relation;
  const relation =
    typeof declared === "string" && (RELATIONS as readonly string[]).includes(declared)
      ? declared
      : parents.length > 1
        ? "merge"
        : files.includes("adapter_config.json")
          ? "adapter"
          : files.some((f) => /\.gguf$|gptq|awq/i.test(f))
            ? "quantized"
            : "finetune";
  return parents.flatMap((p) => [`base_model:${p}`, `base_model:${relation}:${p}`]);
}

/** Loads every model under `root/models`. */
export function loadFixtures(root: string): Map<string, FixtureModel> {
  const models = new Map<string, FixtureModel>();
  const base = join(root, "models");
  for (const org of readdirSync(base)) {
    for (const name of readdirSync(join(base, org))) {
      const dir = join(base, org, name);
      if (!existsSync(join(dir, "model-info.json"))) continue;
      const { _replay, ...info } = JSON.parse(readFileSync(join(dir, "model-info.json"), "utf8")) as Record<
        string,
        unknown
      >;
      const files = new Map<string, Buffer>();
      const filesDir = join(dir, "files");
      if (existsSync(filesDir) && statSync(filesDir).isDirectory()) {
        for (const file of listFilesRecursive(filesDir))
          files.set(relative(filesDir, file).split(sep).join("/"), readFileSync(file));
      }
      const knobs = (_replay ?? {}) as ReplayKnobs;
      const readme = files.get("README.md");
      const card = readme ? frontMatter(readme.toString("utf8")) : undefined;
      if (card && info.cardData === undefined) info.cardData = card;
      const tags = Array.isArray(info.tags) ? (info.tags as string[]) : [];
      const allPaths = [...files.keys(), ...(knobs.extraFiles ?? []).map((f) => f.path)];
      info.tags = [...new Set([...tags, ...baseModelTags(card, allPaths)])];
      info.siblings ??= allPaths.sort().map((rfilename) => ({ rfilename }));
      models.set(`${org}/${name}`, { info, knobs, files });
    }
  }
  return models;
}

/** Loads every dataset under `root/datasets` (absent folder: none). */
export function loadDatasetFixtures(root: string): Map<string, Record<string, unknown>> {
  const datasets = new Map<string, Record<string, unknown>>();
  const base = join(root, "datasets");
  if (!existsSync(base)) return datasets;
  for (const org of readdirSync(base))
    for (const name of readdirSync(join(base, org))) {
      const file = join(base, org, name, "dataset-info.json");
      if (existsSync(file))
        datasets.set(`${org}/${name}`, JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>);
    }
  return datasets;
}
