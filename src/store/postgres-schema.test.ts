/** `?schema=MixedCase`: created quoted and used quoted, never folded onto a lower-case twin (issue 15). */
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { chain, PG_URL, postgresProblem } from "./_test-stores.js";
import { openStore } from "./index.js";

const problem = await postgresProblem();
const mixed = `Ftl_Mixed_${process.pid}`;
const lower = mixed.toLowerCase();
const at = (schema: string): string => {
  const url = new URL(PG_URL);
  url.searchParams.set("schema", schema);
  return url.href;
};

describe.skipIf(problem !== undefined)("PostgreSQL ?schema= with capitals", () => {
  afterAll(async () => {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    for (const schema of [mixed, lower]) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  it("writes into the schema it created, even when its lower-case twin is a registry too", async () => {
    const twin = await openStore(at(lower));
    await twin.addDocuments(chain("twin", 2));
    await twin.close();
    const store = await openStore(at(mixed));
    await store.addDocuments(chain("mixed", 3));
    expect((await store.stats()).documents).toBe(3);
    await store.close();
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    const count = async (schema: string): Promise<number> =>
      Number((await client.query(`SELECT count(*) AS n FROM "${schema}".document`)).rows[0].n);
    expect(await count(mixed)).toBe(3);
    expect(await count(lower)).toBe(2);
    await client.end();
  });
});
