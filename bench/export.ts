/**
 * Export benchmark: `npx tsx bench/export.ts --size small|full` (or `npm run bench -- --only export`).
 *
 * Builds a synthetic chain (small: 25 steps, full: 400 steps; each with two datasets and ten hyperparameters,
 * merges every fifth step), then times every format's exporter and the four readers over `--rounds` rounds.
 * Prints medians in milliseconds and the ratio to `JSON.stringify` of the same document (the floor: writing
 * the ftl/v1 document itself).
 */
import { parseArgs } from "node:util";
import { EXPORT_FORMATS, exportLineage } from "../src/export/index.js";
import { REIMPORTABLE_FORMATS } from "../src/export/losses.js";
import { readStandardExport } from "../src/export/reimport.js";
import type { LineageDocument, Step } from "../src/schema/lineage.js";
import { validateLineage } from "../src/validate/validate.js";

const SIZES = { small: 25, full: 400 } as const;
const { values } = parseArgs({
  options: { size: { type: "string", default: "small" }, rounds: { type: "string" } },
  allowPositionals: false,
  strict: false,
});
const size = values.size === "full" ? "full" : "small";
const rounds = Number(values.rounds ?? (size === "full" ? 5 : 15));

function chain(steps: number): LineageDocument {
  const list: Step[] = [];
  for (let i = 0; i < steps; i++) {
    const previous = i === 0 ? { id: "org/base-0" } : { id: `org/model-${i - 1}` };
    const common = {
      id: `step-${i}`,
      output: { id: i === steps - 1 ? "org/subject" : `org/model-${i}`, license: "apache-2.0" },
      framework: { name: "trl", version: "0.9.0" },
      provenance: { source: "extracted" as const, file: `runs/${i}/trainer_state.json` },
    };
    list.push(
      i % 5 === 4
        ? { kind: "merge", method: "slerp", inputs: { models: [previous, { id: "org/base-1" }] }, ...common }
        : {
            kind: "fine-tune",
            objective: i % 2 === 0 ? "sft" : "dpo",
            parameterization: "lora",
            adapter: { rank: 16, alpha: 32 },
            inputs: {
              models: [previous],
              datasets: [
                { id: `data/set-${i}-a`, split: "train", size: { count: 1000 * (i + 1), unit: "examples" } },
                { id: `data/set-${i}-b`, size: { count: 500, unit: "pairs" }, weight: 0.3 },
              ],
            },
            hyperparameters: {
              learningRate: 2e-5,
              epochs: 3,
              globalBatchSize: 128,
              perDeviceBatchSize: 8,
              warmupRatio: 0.03,
              scheduler: "cosine",
              optimizer: "adamw_torch",
              maxSequenceLength: 4096,
              seed: 42,
              other: { lora_dropout: 0.05 },
            },
            ...common,
          },
    );
  }
  const doc: LineageDocument = {
    format: "ftl/v1",
    subject: { id: "org/subject", license: "apache-2.0" },
    bases: [{ id: "org/base-0" }, { id: "org/base-1" }],
    steps: list,
  };
  const report = validateLineage(doc);
  if (!report.valid) throw new Error(`synthetic chain is invalid: ${report.issues[0]?.message}`);
  return report.document as LineageDocument;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

const doc = chain(SIZES[size]);
const floorTimes: number[] = [];
const exportTimes = new Map<string, number[]>(EXPORT_FORMATS.map((f) => [f, []]));
const readTimes = new Map<string, number[]>(REIMPORTABLE_FORMATS.map((f) => [f, []]));
const texts = new Map(REIMPORTABLE_FORMATS.map((f) => [f, exportLineage(doc, f)]));
const bytes = new Map(EXPORT_FORMATS.map((f) => [f, Buffer.byteLength(exportLineage(doc, f))]));
for (let r = 0; r < rounds + 1; r++) {
  const warm = r === 0; // the first round warms up and is not counted
  const floor = time(() => JSON.stringify(doc, null, 2));
  if (!warm) floorTimes.push(floor);
  for (const f of EXPORT_FORMATS) {
    const t = time(() => exportLineage(doc, f));
    if (!warm) exportTimes.get(f)?.push(t);
  }
  for (const f of REIMPORTABLE_FORMATS) {
    const t = time(() => readStandardExport(texts.get(f) as string, `bench.${f}`));
    if (!warm) readTimes.get(f)?.push(t);
  }
}
const floor = median(floorTimes);
console.log(
  `document: ${doc.steps.length} steps, ${doc.steps.reduce((n, s) => n + (s.inputs?.datasets?.length ?? 0), 0)} dataset uses; ${rounds} rounds; floor JSON.stringify ${floor.toFixed(3)} ms`,
);
console.log(
  `${"format".padEnd(12)} ${"export ms".padStart(10)} ${"× floor".padStart(8)} ${"bytes".padStart(9)} ${"import ms".padStart(10)}`,
);
for (const f of EXPORT_FORMATS) {
  const e = median(exportTimes.get(f) ?? []);
  const read = readTimes.get(f);
  console.log(
    `${f.padEnd(12)} ${e.toFixed(2).padStart(10)} ${(e / floor).toFixed(1).padStart(8)} ${String(bytes.get(f)).padStart(9)} ${read ? median(read).toFixed(2).padStart(10) : "—".padStart(10)}`,
  );
}
