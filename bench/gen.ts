/**
 * `npm run gen -- --models 2000000 [--seed N] [--out FILE|-]`: writes a synthetic Hub-like registry as JSONL,
 * one `{"source": "gen:seed=N", "document": <ftl/v1>}` per line, deterministic for a seed, streamed with
 * backpressure. Beside a file it writes `<name>.manifest.json` (counts, widest bases, query samples).
 * See bench/lib/registry-generator.ts for the shape of the data.
 */
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import {
  defaultRegistryPath,
  generateRegistryFile,
  manifestPath,
  writeRegistry,
} from "./lib/write-registry.js";

const USAGE = `usage: npm run gen -- [--models N] [--seed N] [--out FILE|-]

  --models N   models to generate (default 2000000), documented and undocumented roots included
  --seed N     seed (default 1); the same seed and size give the same bytes
  --out FILE   JSONL output (default bench/out/registry-<models>-seed<seed>.jsonl); - for standard output

example: npm run gen -- --models 50000 --seed 7 --out /tmp/registry.jsonl`;

function wholeNumber(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw.replaceAll("_", ""));
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name}: expected a whole number, got ${JSON.stringify(raw)}\n\n${USAGE}`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        models: { type: "string" },
        seed: { type: "string" },
        out: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: false,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const models = wholeNumber("models", values.models as string | undefined, 2_000_000);
  const seed = wholeNumber("seed", values.seed as string | undefined, 1);
  if (models < 1) {
    console.error(`--models: expected at least 1\n\n${USAGE}`);
    process.exit(2);
  }
  const out = values.out as string | undefined;
  if (out === "-") {
    const result = await writeRegistry({ models, seed, output: process.stdout });
    console.error(
      `${result.summary.documents} documents for ${models} models in ${result.seconds.toFixed(1)} s`,
    );
    return;
  }
  const root = fileURLToPath(new URL("..", import.meta.url)).replace(/\/$/, "");
  const file = out ?? defaultRegistryPath(root, models, seed);
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar(
        { format: "gen [{bar}] {percentage}% {value}/{total} documents", stream: process.stderr },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  // About 90% of models have a document; the bar is an estimate until the end.
  bar?.start(Math.round(models * 0.905), 0);
  const manifest = await generateRegistryFile({
    models,
    seed,
    file,
    onProgress: (documents) => bar?.update(Math.min(documents, bar.getTotal())),
  });
  bar?.update(bar.getTotal());
  bar?.stop();
  const { summary } = manifest;
  console.log(
    [
      `wrote ${file} (${(manifest.bytes / 1e6).toFixed(0)} MB) in ${manifest.seconds.toFixed(1)} s`,
      `models ${summary.models}: ${summary.documents} documents, roots ${summary.roots.documented} documented + ${summary.roots.undocumented} undocumented`,
      `derived: fine-tune ${summary.derived.fineTune}, merge ${summary.derived.merge}, quantization ${summary.derived.quantization}, adapter-merge ${summary.derived.adapterMerge}`,
      `depth max ${summary.depth.max}; datasets ${summary.datasets.used} used of ${summary.datasets.declared}`,
      `widest bases: ${summary.widest
        .slice(0, 4)
        .map((w) => `${w.id} (${w.descendants})`)
        .join(", ")}`,
      `manifest ${manifestPath(file)}`,
    ].join("\n"),
  );
}

await main();
