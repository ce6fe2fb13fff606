/**
 * Test support (not exported): fresh registries of each kind, the PostgreSQL availability rule, and small
 * document builders. PostgreSQL tests use a schema of their own per run, dropped afterwards.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll } from "vitest";
import type { LineageDocument, Step } from "../schema/lineage.js";
import type { Executor } from "./sql.js";
import type { Store } from "./store.js";

export const PG_URL = process.env.FTL_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/test";

/** Why PostgreSQL cannot be used, or undefined when it answers. */
export async function postgresProblem(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    return undefined;
  } catch (error) {
    return `${PG_URL}: ${(error as { code?: string }).code ?? (error instanceof Error ? error.message : String(error))}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface TestRegistry {
  kind: "sqlite" | "postgres";
  /** A location for a new, empty registry. */
  fresh(): string;
  /** Sets the stored schema version (to test refusal of newer databases). */
  setSchemaVersion(location: string, version: number): Promise<void>;
  cleanup(): Promise<void>;
}

export function sqliteRegistry(): TestRegistry {
  const dir = mkdtempSync(join(tmpdir(), "ftl-store-"));
  let n = 0;
  return {
    kind: "sqlite",
    fresh: () => join(dir, `r${++n}.db`),
    async setSchemaVersion(location, version) {
      const db = new Database(location);
      db.prepare("UPDATE ftl_meta SET value = ? WHERE key = 'schema_version'").run(String(version));
      db.close();
    },
    async cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function postgresRegistry(): TestRegistry {
  const prefix = `ftl_test_${process.pid}_${Date.now().toString(36)}`;
  const schemas: string[] = [];
  const withClient = async (fn: (c: pg.Client) => Promise<void>): Promise<void> => {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    try {
      await fn(client);
    } finally {
      await client.end();
    }
  };
  return {
    kind: "postgres",
    fresh() {
      const schema = `${prefix}_${schemas.length + 1}`;
      schemas.push(schema);
      const url = new URL(PG_URL);
      url.searchParams.set("schema", schema);
      return url.href;
    },
    async setSchemaVersion(location, version) {
      const schema = new URL(location).searchParams.get("schema") ?? "public";
      await withClient(async (c) => {
        await c.query(`UPDATE "${schema}".ftl_meta SET value = $1 WHERE key = 'schema_version'`, [
          String(version),
        ]);
      });
    },
    async cleanup() {
      await withClient(async (c) => {
        for (const schema of schemas) await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      });
    },
  };
}

export interface DocOptions {
  kind?: Step["kind"];
  objective?: string;
  parameterization?: string;
  method?: string;
  datasets?: string[];
  license?: string;
}

/** A one-step document: `subject` made from `parents`. */
export function oneStep(
  subject: string,
  parents: readonly string[],
  options: DocOptions = {},
): LineageDocument {
  const step: Record<string, unknown> = {
    id: "s1",
    kind: options.kind ?? "fine-tune",
    inputs: {
      models: parents.map((id) => ({ id })),
      ...(options.datasets ? { datasets: options.datasets.map((id) => ({ id })) } : {}),
    },
    output: { id: subject },
  };
  if (options.objective) step.objective = options.objective;
  if (options.parameterization) step.parameterization = options.parameterization;
  if (options.method) step.method = options.method;
  return {
    format: "ftl/v1",
    subject: { id: subject, ...(options.license ? { license: options.license } : {}) },
    bases: parents.map((id) => ({ id })),
    steps: [step as Step],
  };
}

/** A chain `root → m1 → … → m<length>`, one document per link, all from one source. */
export function chain(
  prefix: string,
  length: number,
  source = "gen",
): { document: LineageDocument; source: string }[] {
  const out: { document: LineageDocument; source: string }[] = [];
  for (let i = 1; i <= length; i++)
    out.push({
      document: oneStep(`${prefix}/m${i}`, [i === 1 ? `${prefix}/root` : `${prefix}/m${i - 1}`]),
      source,
    });
  return out;
}

/**
 * The stores a test runs on: SQLite always, PostgreSQL when it answers. Without it the test fails when CI=true
 * and otherwise runs on SQLite alone, with a warning naming `what` was skipped.
 */
export async function storeKinds(what: string): Promise<[string, () => TestRegistry][]> {
  const problem = await postgresProblem();
  const kinds: [string, () => TestRegistry][] = [["SQLite", sqliteRegistry]];
  if (problem === undefined) kinds.push(["PostgreSQL", postgresRegistry]);
  else if (process.env.CI === "true") throw new Error(`PostgreSQL is required in CI: ${problem}`);
  else console.warn(`\n⚠ PostgreSQL ${what} SKIPPED: ${problem}\n`);
  return kinds;
}

/** The store's SQL executor, for tests that read its tables directly. */
export const executorOf = (store: Store): Executor => (store as unknown as { ex: Executor }).ex;

/**
 * Makes registries that are removed after the test file: call it once at the file's top level, then
 * `track(make)` in each test instead of keeping a list and an `afterAll` of one's own.
 */
export function trackedRegistries(): (make: () => TestRegistry) => TestRegistry {
  const registries: TestRegistry[] = [];
  afterAll(async () => {
    for (const r of registries) await r.cleanup();
  });
  return (make) => {
    const registry = make();
    registries.push(registry);
    return registry;
  };
}
