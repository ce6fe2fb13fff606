/**
 * Two `ftl serve` processes over one PostgreSQL registry, as a platform team would scale past one machine:
 * each writes through its own API and reads what the other wrote, also when both write at once.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresProblem, postgresRegistry, type TestRegistry } from "../store/_test-stores.js";
import { openStore } from "../store/index.js";
import { newToken } from "./tokens/token.js";

const pgProblem = await postgresProblem();
const ROOT = new URL("../../", import.meta.url).pathname;
const ENTRY = `import { runMain } from "./src/cli/main.ts"; await runMain(process.argv.slice(1));`;

interface Server {
  child: ChildProcess;
  url: string;
}

function startServe(db: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", ENTRY, "serve", "--db", db, "--port", "0"],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stderr?.on("data", (c) => {
      err += String(c);
    });
    child.stdout?.on("data", (c) => {
      out += String(c);
      const url = /http:\/\/\S+\//.exec(out)?.[0];
      if (url) resolve({ child, url });
    });
    child.on("exit", (code) => reject(new Error(`ftl serve exited (${code}): ${err}`)));
  });
}

const doc = (id: string) => ({
  format: "ftl/v1",
  subject: { id },
  bases: [{ id: "shared/base" }],
  steps: [
    {
      id: "s1",
      kind: "fine-tune",
      objective: "sft",
      parameterization: "lora",
      adapter: { rank: 8 },
      inputs: { models: [{ id: "shared/base" }] },
      output: { id },
    },
  ],
});

describe.skipIf(pgProblem !== undefined && process.env.CI !== "true")(
  "two ftl serve over one PostgreSQL",
  () => {
    let registry: TestRegistry;
    let token: string;
    const servers: Server[] = [];

    beforeAll(async () => {
      registry = postgresRegistry();
      const db = registry.fresh();
      const store = await openStore(db);
      const created = newToken();
      await store.tokens.create({ name: "writer", scope: "write", hash: created.hash, hint: created.hint });
      token = created.token;
      await store.close();
      servers.push(...(await Promise.all([startServe(db), startServe(db)])));
    });

    afterAll(async () => {
      for (const s of servers) s.child.kill("SIGTERM");
      await Promise.all(
        servers.map((s) => new Promise((r) => (s.child.exitCode !== null ? r(0) : s.child.once("exit", r)))),
      );
      await registry?.cleanup();
    });

    const post = (server: Server, id: string) =>
      fetch(new URL("/api/v1/documents", server.url), {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify(doc(id)),
      });

    it("each reads what the other wrote, also under concurrent writes", async () => {
      const [a, b] = servers as [Server, Server];
      expect((await post(a, "team/from-a")).status).toBe(201);
      const seen = await fetch(new URL("/api/v1/models/team/from-a/ancestors", b.url));
      expect(seen.status).toBe(200);
      expect(((await seen.json()) as { roots: string[] }).roots).toEqual(["shared/base"]);
      const writes = Array.from({ length: 20 }, (_, i) => post(i % 2 === 0 ? a : b, `team/m${i}`));
      expect((await Promise.all(writes)).map((r) => r.status)).toEqual(Array(20).fill(201));
      for (const server of [a, b]) {
        const res = await fetch(
          new URL("/api/v1/models/shared/base/descendants?relation=adapter&limit=100", server.url),
        );
        const body = (await res.json()) as { total: number; counts: { adapter: number } };
        expect(body.total).toBe(21);
        expect(body.counts.adapter).toBe(21);
      }
      const health = await fetch(new URL("/healthz", a.url));
      expect(await health.json()).toEqual({ ok: true, registry: "postgres" });
    });
  },
);
