/**
 * `npm start [-- --port N] [--host H]`: serves the bundled example registry with `ftl serve`. The registry
 * (`.ftl/examples.db`) is built from `examples/*.lineage.json` when missing, and the web page from `src/web`
 * when `web-dist/` is missing; then the URL is printed.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startServer } from "../src/server/serve.js";
import { WEB_DIST } from "../src/server/static.js";
import { openStore } from "../src/store/index.js";
import { validateLineage } from "../src/validate/validate.js";

const ROOT = new URL("../", import.meta.url).pathname;
const DB = join(ROOT, ".ftl/examples.db");

const { values } = parseArgs({
  options: { port: { type: "string", default: "8080" }, host: { type: "string", default: "127.0.0.1" } },
});

if (!existsSync(join(WEB_DIST, "index.html"))) {
  console.log("building the web page (web-dist/) …");
  const { build } = await import("vite");
  await build({ configFile: join(ROOT, "src/web/vite.config.ts"), logLevel: "warn" });
}
const fresh = !existsSync(DB);
const store = await openStore(DB);
if (fresh) {
  const batch = readdirSync(join(ROOT, "examples"))
    .filter((f) => f.endsWith(".lineage.json"))
    .sort()
    .flatMap((f) => {
      const report = validateLineage(JSON.parse(readFileSync(join(ROOT, "examples", f), "utf8")));
      return report.valid && report.document ? [{ document: report.document, source: `examples/${f}` }] : [];
    });
  const summary = await store.addDocuments(batch);
  console.log(`built the example registry ${DB}: ${summary.added} documents from examples/`);
}
const server = await startServer(store, { host: values.host, port: Number(values.port) });
console.log(
  `ftl serve: the example registry ${DB}\n${server.url}\n  try ${server.url}models/HuggingFaceH4/zephyr-7b-beta`,
);
const stop = async (): Promise<void> => {
  await server.close();
  await store.close();
  process.exit(0);
};
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());
