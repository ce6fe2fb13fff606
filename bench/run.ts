/**
 * `npm run bench [-- --size small|full] [--only extract,registry,...]`: runs every area's benchmark in turn,
 * each in its own process so that one area's memory does not colour another's figures.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const AREAS = ["validate", "extract", "registry", "export", "audit", "hash", "serve"] as const;

const { values } = parseArgs({
  options: { size: { type: "string", default: "small" }, only: { type: "string" } },
  allowPositionals: false,
  strict: false,
});
const size = typeof values.size === "string" ? values.size : "small";
const only = typeof values.only === "string" ? values.only.split(",") : [...AREAS];
const here = fileURLToPath(new URL(".", import.meta.url));
let failed = 0;
for (const area of AREAS) {
  if (!only.includes(area)) continue;
  const file = `${here}${area}.ts`;
  if (!existsSync(file)) continue;
  console.log(`\n=== bench ${area} (size ${size}) ===`);
  const result = spawnSync(process.execPath, ["--import", "tsx", file, "--size", size], { stdio: "inherit" });
  if (result.status !== 0) {
    failed++;
    console.error(`bench ${area} failed with exit code ${result.status ?? result.signal}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
