/**
 * The registry's integrity tables on both stores: digests that current documents record are found by value
 * (whole artefacts, single files, datasets), a replacement drops the old document's digests, signatures are kept
 * beside their documents, and the version 5 backfill from stored bodies gives the same rows as adding.
 */
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import type { LineageDocument } from "../schema/lineage.js";
import { runOn, UNDO_V7 } from "./_test-downgrade.js";
import {
  PG_URL,
  postgresProblem,
  postgresRegistry,
  sqliteRegistry,
  type TestRegistry,
} from "./_test-stores.js";
import { openStore } from "./index.js";
import { POSTGRES_V5, SQLITE_V5 } from "./migration-5.js";
import { POSTGRES_V7, SQLITE_V7 } from "./migration-7.js";

const hex = (c: string) => c.repeat(64);
const sha = (c: string) => ({ algorithm: "sha256" as const, value: hex(c) });

function captured(root: string, file: string): LineageDocument {
  return {
    format: "ftl/v1",
    subject: { id: "me/tuned", digest: sha(root) },
    bases: [{ id: "org/base", digest: sha("b") }],
    steps: [
      {
        id: "sft",
        kind: "fine-tune",
        objective: "sft",
        inputs: { models: [{ id: "org/base" }], datasets: [{ id: "org/data", digest: sha("d") }] },
        output: {
          id: "me/tuned",
          digest: sha(root),
          files: [{ path: "model.safetensors", size: 10, digest: sha(file) }],
        },
      },
    ],
  };
}

/** Every digest row, comparable across stores and ways of writing. */
async function rows(kind: "sqlite" | "postgres", location: string): Promise<string[]> {
  const sql = `SELECT value, algorithm, kind, entity, document, step_id, path FROM artefact_digest
    ORDER BY value, kind, entity, document, path`;
  if (kind === "sqlite") {
    const db = new Database(location, { readonly: true });
    const out = db
      .prepare(sql)
      .all()
      .map((r) => JSON.stringify(r));
    db.close();
    return out;
  }
  const client = await connect(location);
  const out = (await client.query(sql)).rows.map((r) => JSON.stringify(r));
  await client.end();
  return out;
}

async function connect(location: string): Promise<pg.Client> {
  const schema = new URL(location).searchParams.get("schema") ?? "public";
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(`SET search_path TO "${schema}"`);
  return client;
}

/**
 * Empties the digest table, then runs the version 5 backfill over the stored bodies (in the layout it was
 * written for: the body back in `document`, moved out again after, as version 7 does).
 */
async function backfillAgain(kind: "sqlite" | "postgres", location: string): Promise<void> {
  const backfill = (kind === "sqlite" ? SQLITE_V5 : POSTGRES_V5).statements.filter((s) =>
    s.startsWith("INSERT"),
  );
  const v7 = (kind === "sqlite" ? SQLITE_V7 : POSTGRES_V7).statements;
  await runOn(kind, location, [...UNDO_V7, "DELETE FROM artefact_digest", ...backfill, ...v7]);
}

const problem = await postgresProblem();
const registries: TestRegistry[] = [sqliteRegistry(), ...(problem ? [] : [postgresRegistry()])];
afterAll(async () => {
  for (const r of registries) await r.cleanup();
});

for (const registry of registries)
  describe(`integrity tables (${registry.kind})`, () => {
    it("finds artefacts by digest, keeps signatures, drops a replaced document's digests", async () => {
      const location = registry.fresh();
      const store = await openStore(location);
      try {
        const envelope = JSON.stringify({
          payload: "e30=",
          payloadType: "application/vnd.in-toto+json",
          signatures: [],
        });
        await store.addDocuments([
          {
            document: captured("a", "c"),
            source: "run",
            signature: { keyId: "k1", envelope, verified: true },
          },
        ]);
        const whole = await store.integrity.byDigest(`SHA256:${hex("A")}`);
        expect(whole.map((h) => [h.kind, h.id, h.step, h.path])).toEqual([
          ["model", "me/tuned", "sft", undefined],
        ]);
        expect(whole[0]?.document.source).toBe("run");
        const file = await store.integrity.byDigest(hex("c"));
        expect(file.map((h) => [h.id, h.path])).toEqual([["me/tuned", "model.safetensors"]]);
        expect((await store.integrity.byDigest(hex("d"))).map((h) => [h.kind, h.id])).toEqual([
          ["dataset", "org/data"],
        ]);
        expect((await store.integrity.byDigest(hex("b"))).map((h) => h.id)).toEqual(["org/base"]);
        expect(await store.integrity.byDigest(`sha512:${hex("a")}`)).toEqual([]);

        const hash = (await store.documentsFor("me/tuned")).documents[0]?.hash as string;
        expect(await store.integrity.signatures([hash])).toEqual(
          new Map([[hash, { keyId: "k1", envelope, verified: true }]]),
        );

        // The fill of a version 4 registry's digests from its stored bodies gives the same rows.
        const written = await rows(registry.kind, location);
        await backfillAgain(registry.kind, location);
        expect(await rows(registry.kind, location)).toEqual(written);

        // A new run of the same model from the same source replaces it: the old digests go.
        await store.addDocuments([{ document: captured("e", "f"), source: "run" }]);
        expect(await store.integrity.byDigest(hex("a"))).toEqual([]);
        expect((await store.integrity.byDigest(hex("f"))).map((h) => h.path)).toEqual(["model.safetensors"]);
        const hashes = (await store.documentsFor("me/tuned")).documents.map((d) => d.hash);
        expect([...(await store.integrity.signatures(hashes)).keys()]).toEqual([hash]);
      } finally {
        await store.close();
      }
    });
  });
