/**
 * Test support: a child process that ingests a JSONL file and prints `committed N` after every batch, so
 * that a test can kill it (SIGKILL) in the middle of an import. Usage: node --import tsx _ingest-child.ts DB FILE BATCH
 */
import { openStore } from "./index.js";
import { ingest } from "./ingest.js";

const [location, file, batch] = process.argv.slice(2);
if (location === undefined || file === undefined) throw new Error("usage: _ingest-child.ts DB FILE [BATCH]");
const store = await openStore(location);
await ingest(store, [file], {
  batchSize: Number(batch ?? 100),
  onProgress: (p) => process.stdout.write(`committed ${p.added + p.duplicates}\n`),
});
await store.close();
process.stdout.write("done\n");
