/**
 * The web page in real headless Chromium (Debian's `chromium`, driven by playwright-core): each page's content,
 * search and paging driven as a person would, ids with markup shown as text under the CSP, axe-core with no
 * serious or critical violation, and a screenshot per page in test-output/browser/.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOSTILE_DATASET, HOSTILE_ID, testRegistry } from "../../src/server/_test-registry.js";
import { type RunningServer, startServer } from "../../src/server/serve.js";
import { WEB_DIST } from "../../src/server/static.js";
import { newToken } from "../../src/server/tokens/token.js";
import type { Store } from "../../src/store/store.js";

const CHROMIUM = process.env.FTL_CHROMIUM ?? "/usr/bin/chromium";
const OUT = new URL("../../test-output/browser/", import.meta.url).pathname;
const AXE = readFileSync(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url), "utf8");
const ZEPHYR = "HuggingFaceH4/zephyr-7b-beta";

let dir: string;
let store: Store;
let server: RunningServer;
let context: BrowserContext;
let page: Page;

async function open(path: string): Promise<void> {
  const response = await page.goto(new URL(path, server.url).href);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
  await page.waitForSelector("main h1");
}

/** axe-core in the page: no serious or critical violation. */
async function accessible(): Promise<void> {
  await page.evaluate(AXE);
  const violations = (await page.evaluate(`axe.run({ resultTypes: ["violations"] }).then((r) =>
    r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) })))`)) as {
    id: string;
    impact: string;
    nodes: string[];
  }[];
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
}

const shot = (name: string) => page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
const texts = (selector: string) => page.locator(selector).allTextContents();

beforeAll(async () => {
  if (missing) return;
  if (!existsSync(join(WEB_DIST, "index.html"))) {
    const { build } = await import("vite");
    await build({
      configFile: new URL("../../src/web/vite.config.ts", import.meta.url).pathname,
      logLevel: "error",
    });
  }
  mkdirSync(OUT, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), "ftl-browser-"));
  store = await testRegistry(join(dir, "r.db"));
  server = await startServer(store, { port: 0, log: () => undefined });
  context = await chromium.launchPersistentContext(join(dir, "profile"), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 1200, height: 900 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (error) => {
    throw error;
  });
});

afterAll(async () => {
  await context?.close();
  await server?.close();
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Without Chromium the tests are skipped with a warning, except under CI=true, where they must run. */
const missing = !existsSync(CHROMIUM) && process.env.CI !== "true";
if (missing)
  console.warn(
    `\n⚠ browser tests SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium, or set FTL_CHROMIUM)\n`,
  );

describe.skipIf(missing)("the web page in Chromium", () => {
  it("search suggests as you type; a suggestion opens the model; Enter lists every match", async () => {
    await open("/");
    await page.locator("#q").pressSequentially("huggingfaceh4/z", { delay: 20 });
    await page.waitForSelector("#suggestions li");
    expect(await texts("#suggestions li")).toContain("model HuggingFaceH4/zephyr-7b-beta");
    expect(await page.locator("#q").getAttribute("aria-expanded")).toBe("true");
    await accessible();
    await shot("search");
    await page.locator("#q").press("ArrowDown");
    await page.locator("#q").press("Enter");
    await page.waitForURL(/\/models\/HuggingFaceH4\//);
    await page.waitForSelector("main h1.id");
    await open("/");
    await page.locator("#q").fill("HuggingFaceH4/");
    await page.locator("#q").press("Enter");
    await page.waitForSelector("#results li");
    const models = await texts("#results section:first-child li");
    expect(models).toEqual(expect.arrayContaining(["HuggingFaceH4/mistral-7b-sft-beta", ZEPHYR]));
    expect(await texts("#results section:nth-child(2) li")).toContain("HuggingFaceH4/ultrachat_200k");
  });

  it("the model page draws the ancestor graph, steps with sources, licence, disagreement and exports", async () => {
    await open(`/models/${ZEPHYR}`);
    expect(await page.locator("h1").textContent()).toBe(ZEPHYR);
    const nodes = await texts("svg.graph .node text");
    expect(nodes.sort()).toEqual(
      ["HuggingFaceH4/mistral-7b-sft-beta", ZEPHYR, "mistralai/Mistral-7B-v0.1"].sort(),
    );
    const labels = (await texts("svg.graph .edge text")).join(" | ");
    expect(labels).toContain("SFT · full");
    expect(labels).toContain("ultrachat_200k");
    expect(labels).toContain("DPO · full");
    const facts = await page.locator("table.facts").first().textContent();
    expect(facts).toContain("learningRate");
    expect(await texts(".badge.extracted")).not.toEqual([]);
    expect(await page.locator("#licence .verdict").textContent()).toMatch(/allowed|unclear|not-allowed/);
    expect(await texts(".disagree .claim h3")).toEqual(
      expect.arrayContaining(["curated", "examples/zephyr-7b-beta.lineage.json"]),
    );
    const accounts = await texts(".disagree .claim");
    const curated = accounts.find((a) => a.startsWith("curated"));
    for (const fact of ["learningRate 5e-7", "epochs 3", "beta 0.1"]) expect(curated).toContain(fact);
    expect(accounts.find((a) => a.startsWith("examples/"))).toContain("globalBatchSize 32");
    const exports = await page
      .locator(".exports a")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(exports).toContain(
      "/api/v1/models/HuggingFaceH4/zephyr-7b-beta/export?format=cyclonedx&download=1",
    );
    await accessible();
    await shot("model");
  });

  it("a merge is drawn with an edge from each parent", async () => {
    await open("/models/Weyaxi/OpenHermes-2.5-neural-chat-v3-3-Slerp");
    expect(await page.locator("svg.graph .edge.merge").count()).toBeGreaterThanOrEqual(2);
    await shot("merge");
  });

  it("descendants: counts per relation, a page of 25, next page, a filter", async () => {
    await open("/models/fixture/base/descendants");
    expect((await texts(".counts li")).join(" ")).toContain("15 Merges");
    expect(await page.locator("table.descendants tbody tr").count()).toBe(25);
    expect(await page.locator("#range").textContent()).toBe("Models 1–25 of 60 matching");
    await accessible();
    await shot("descendants");
    await page.getByRole("link", { name: "Next page" }).click();
    await page.locator("#range", { hasText: "Models 26–50 of 60 matching" }).waitFor();
    await page.getByRole("link", { name: "Next page" }).click();
    await page.locator("#range", { hasText: "Models 51–60 of 60 matching" }).waitFor();
    expect(await page.getByRole("link", { name: "Next page" }).count()).toBe(0);
    await page.locator("select[name=relation]").selectOption("quantized");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.locator("#range", { hasText: "Models 1–15 of 15 matching" }).waitFor();
    const relations = await texts("table.descendants tbody td:nth-child(2)");
    expect(new Set(relations)).toEqual(new Set(["quantized"]));
  });

  it("the dataset page lists models trained on it, directly or through an ancestor", async () => {
    await open("/datasets/HuggingFaceH4/ultrachat_200k");
    const rows = await texts("table.trained tbody tr");
    expect(rows.some((r) => r.includes("HuggingFaceH4/mistral-7b-sft-beta") && r.includes("directly"))).toBe(
      true,
    );
    expect(rows.some((r) => r.includes(ZEPHYR) && r.includes("through an ancestor"))).toBe(true);
    await accessible();
    await shot("dataset");
  });

  it("compare: the nearest common ancestor and the two paths", async () => {
    await open("/compare");
    await page.getByLabel("First model").fill(ZEPHYR);
    await page.getByLabel("Second model").fill("Weyaxi/OpenHermes-2.5-neural-chat-v3-3-Slerp");
    await page.getByRole("button", { name: "Compare" }).click();
    await page.waitForSelector("#common h2");
    expect(await page.locator("#common .lede a").first().textContent()).toBe("mistralai/Mistral-7B-v0.1");
    expect(await page.locator("#common .claim").count()).toBe(2);
    await accessible();
    await shot("compare");
  });

  it("--read-token-required: the page asks for a token once, then shows the model", async () => {
    const created = newToken();
    await store.tokens.create({ name: "browser", scope: "read", hash: created.hash, hint: created.hint });
    const closed = await startServer(store, { port: 0, readTokenRequired: true, log: () => undefined });
    try {
      await page.goto(new URL("/models/HuggingFaceH4/zephyr-7b-beta", closed.url).href);
      await page.locator("h1", { hasText: "needs a token" }).waitFor();
      await accessible();
      await shot("token");
      await page.getByLabel("Token", { exact: true }).fill(created.token);
      await page.getByRole("button", { name: "Use token" }).click();
      await page.locator("h1", { hasText: ZEPHYR }).waitFor();
      expect(await page.locator("svg.graph .node").count()).toBe(3);
    } finally {
      await closed.close();
    }
  });

  it("ids with <script>, quotes and --> are shown as text and never run", async () => {
    await open(`/models/${encodeURIComponent(HOSTILE_ID)}`);
    expect(await page.locator("h1").textContent()).toBe(HOSTILE_ID);
    expect(await page.locator("svg.graph .node.self text").textContent()).toContain("<script>");
    expect(await page.locator("main script, main b, main img, main svg svg").count()).toBe(0);
    expect(await page.locator(".datasets a").first().textContent()).toBe(HOSTILE_DATASET);
    await shot("hostile-model");
    await page.locator(".datasets a").first().click();
    await page.waitForURL(/\/datasets\//);
    await page.locator("h1", { hasText: "evil/" }).waitFor();
    expect(await page.locator("h1").textContent()).toBe(HOSTILE_DATASET);
    expect(await page.evaluate("window.__pwned")).toBeUndefined();
    await shot("hostile-dataset");
  });
});
