/**
 * `node --import tsx bench/lib/ingest-child.ts LOCATION FILE`: `ftl ingest --trusted` of one file into one
 * registry, printing its wall seconds; a child process of bench/two-writers.ts.
 */
import { openStore } from "../../src/store/index.js";
import { ingest } from "../../src/store/ingest.js";

const [location, file] = process.argv.slice(2);
if (location === undefined || file === undefined) throw new Error("usage: ingest-child.ts LOCATION FILE");
const started = performance.now();
const store = await openStore(location);
const summary = await ingest(store, [file], { batchSize: 2000, validation: "trusted" });
await store.close();
process.stdout.write(
  `${JSON.stringify({ seconds: (performance.now() - started) / 1000, added: summary.added })}\n`,
);
