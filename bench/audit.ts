/**
 * Audit benchmark: `npx tsx bench/audit.ts --size small|full` (or `npm run bench -- --only audit`).
 *
 * Times, as medians over rounds: the audit of a long fine-tuning chain (every step with three datasets under
 * rotating licences), of a wide merge, licence-string resolution, and an audit over a SQLite registry holding
 * a chain of one document per link. The floor for the document audits is `validateLineage` on the same
 * document (the audit runs it too); the ratio says what the licence walk adds.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { auditLineage } from "../src/audit/audit-lineage.js";
import { auditFromStore } from "../src/audit/from-store.js";
import { resolveLicense } from "../src/audit/resolve-license.js";
import type { LineageDocument, Step } from "../src/schema/lineage.js";
import { openStore } from "../src/store/index.js";
import { validateLineage } from "../src/validate/validate.js";
import { peakRssMb } from "./lib/memory.js";
import { median } from "./lib/stats.js";
import { formatNumber, textTable } from "./lib/table.js";

const SIZES = {
  small: { chain: 200, merge: 200, strings: 20_000, registry: 50, rounds: 5 },
  full: { chain: 2_000, merge: 2_000, strings: 500_000, registry: 500, rounds: 5 },
} as const;

const { values } = parseArgs({ options: { size: { type: "string", default: "small" } }, strict: true });
const size = values.size === "full" ? "full" : "small";
const n = SIZES[size];
const LICENCES = [
  "apache-2.0",
  "mit",
  "cc-by-4.0",
  "cc-by-nc-4.0",
  "odc-by",
  "unknown-thing",
  "Apache 2.0 OR MIT",
];

function chainDocument(length: number): LineageDocument {
  const steps: Step[] = [];
  for (let i = 0; i < length; i++)
    steps.push({
      id: `s${i}`,
      kind: "fine-tune",
      objective: "sft",
      inputs: {
        models: [i === 0 ? { id: "meta-llama/Llama-3.1-8B" } : { step: `s${i - 1}` }],
        datasets: [0, 1, 2].map((k) => ({
          id: `org/data-${i}-${k}`,
          license: LICENCES[(i + k) % LICENCES.length],
        })),
      },
      output: { id: `org/m${i}`, license: "llama3.1" },
    });
  return {
    format: "ftl/v1",
    subject: { id: `org/m${length - 1}`, license: "llama3.1" },
    bases: [{ id: "meta-llama/Llama-3.1-8B" }],
    steps,
  };
}

function mergeDocument(width: number): LineageDocument {
  const bases = Array.from({ length: width }, (_, i) => ({
    id: `org/parent-${i}`,
    license: LICENCES[i % LICENCES.length],
  }));
  return {
    format: "ftl/v1",
    subject: { id: "org/merged", license: "apache-2.0" },
    bases,
    steps: [
      {
        id: "merge",
        kind: "merge",
        method: "ties",
        inputs: { models: bases.map((b) => ({ id: b.id })) },
        output: { id: "org/merged" },
      },
    ],
  };
}

async function time(rounds: number, fn: () => unknown): Promise<number> {
  const timings: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    await fn();
    timings.push(performance.now() - start);
  }
  return median(timings);
}

const rows: (string | number)[][] = [];
for (const [name, doc] of [
  [`chain of ${n.chain} steps × 3 datasets`, chainDocument(n.chain)],
  [`merge of ${n.merge} parents`, mergeDocument(n.merge)],
] as const) {
  const floor = await time(n.rounds, () => validateLineage(doc));
  const audit = await time(n.rounds, () => auditLineage(doc));
  const report = await auditLineage(doc);
  rows.push([
    name,
    formatNumber(audit),
    formatNumber(floor),
    formatNumber(audit / floor),
    report.findings.length,
  ]);
}
const strings = Array.from(
  { length: n.strings },
  (_, i) => `${LICENCES[i % LICENCES.length]}${i % 3 === 0 ? "" : ` OR mit`}`,
);
const resolve = await time(n.rounds, () => {
  for (const s of strings) resolveLicense(s);
});
rows.push([
  `resolveLicense × ${n.strings}`,
  formatNumber(resolve),
  "-",
  "-",
  `${formatNumber((resolve * 1000) / n.strings)} µs each`,
]);

const dir = mkdtempSync(join(tmpdir(), "ftl-bench-audit-"));
try {
  const store = await openStore(join(dir, "registry.db"));
  const docs = Array.from({ length: n.registry }, (_, i) => {
    const parent = i === 0 ? "meta-llama/Llama-3.1-8B" : `org/r${i - 1}`;
    const document: LineageDocument = {
      format: "ftl/v1",
      subject: { id: `org/r${i}`, license: i % 7 === 3 ? "apache-2.0" : "llama3.1" },
      bases: [{ id: parent, ...(i === 0 ? { license: "llama3.1" } : {}) }],
      steps: [
        {
          id: "ft",
          kind: "fine-tune",
          inputs: {
            models: [{ id: parent }],
            datasets: [{ id: `org/d${i}`, license: LICENCES[i % LICENCES.length] }],
          },
          output: { id: `org/r${i}` },
        },
      ],
    };
    return { document, source: "bench" };
  });
  await store.addDocuments(docs);
  const leaf = `org/r${n.registry - 1}`;
  const registry = await time(n.rounds, () => auditFromStore(store, leaf));
  const floor = await time(n.rounds, () => store.ancestors(leaf));
  rows.push([
    `registry chain of ${n.registry} documents`,
    formatNumber(registry),
    formatNumber(floor),
    formatNumber(registry / floor),
    "(floor: store.ancestors)",
  ]);
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log(textTable(["case", "audit ms (median)", "floor ms", "ratio", "findings / note"], rows));
console.log(`peak RSS ${formatNumber(peakRssMb())} MB · ${n.rounds} rounds · size ${size}`);
