/**
 * Signed lineage in the registry (issue 11): capture → sign → `ftl add` keeps the envelope and key id,
 * `--key` verifies before adding (exit 7 when it does not), `query documents` shows the signer, and
 * `query by-digest` finds the model and step of a folder's root digest and of one of its files.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ftl } from "../test-io.js";

const MODEL = new URL("../../../examples/tiny-model", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "ftl-integrity-registry-"));
const at = (name: string) => join(dir, name);
let root = "";
let file = { path: "", digest: "" };

beforeAll(async () => {
  expect((await ftl(["capture", MODEL, "--file", at("lineage.json"), "--output", "me/tiny-sft"])).code).toBe(
    0,
  );
  expect((await ftl(["keygen", "--out", at("k")])).code).toBe(0);
  expect((await ftl(["keygen", "--out", at("other")])).code).toBe(0);
  const signed = await ftl([
    "sign",
    at("lineage.json"),
    "--key",
    at("k.pem"),
    "--model",
    MODEL,
    "--out",
    at("l.sig.json"),
  ]);
  expect(signed.code).toBe(0);
  const manifest = JSON.parse((await ftl(["hash", MODEL, "--json"])).stdout) as {
    rootDigest: string;
    resources: { name: string; digest: string }[];
  };
  root = manifest.rootDigest;
  const weights = manifest.resources.find((r) => r.name.endsWith(".safetensors"));
  file = { path: weights?.name ?? "", digest: weights?.digest ?? "" };
});

describe("signed lineage in the registry", () => {
  it("ftl add --key verifies, stores the document and its signature; query documents names the signer", async () => {
    const db = at("r.db");
    const added = await ftl(["add", at("l.sig.json"), "--key", at("k.pub.pem"), "--db", db]);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain("added      ");
    const docs = await ftl(["query", "documents", "me/tiny-sft", "--db", db, "--json"]);
    const listed = JSON.parse(docs.stdout) as {
      documents: { signed?: { keyId: string; verifiedAtAdd: boolean } }[];
    };
    expect(listed.documents[0]?.signed?.verifiedAtAdd).toBe(true);
    expect(listed.documents[0]?.signed?.keyId).toMatch(/^[0-9a-f]{64}$/);
    const human = await ftl(["query", "documents", "me/tiny-sft", "--db", db]);
    expect(human.stdout).toMatch(/signed by key [0-9a-f]{16} \(verified when added\)/);
  });

  it("a signature that does not verify with --key is left out, exit 7; without --key it is kept unverified", async () => {
    const db = at("r2.db");
    const wrong = await ftl(["add", at("l.sig.json"), "--key", at("other.pub.pem"), "--db", db]);
    expect(wrong.code).toBe(7);
    expect(wrong.stderr).toContain("does not verify with the given key");
    const plain = await ftl(["add", at("l.sig.json"), "--db", db]);
    expect(plain.code).toBe(0);
    const human = await ftl(["query", "documents", "me/tiny-sft", "--db", db]);
    expect(human.stdout).toContain("(not verified by the registry)");
    const badKey = await ftl(["add", at("l.sig.json"), "--key", at("lineage.json"), "--db", db]);
    expect(badKey.code).toBe(2);
  });

  it("query by-digest finds the model and step of a root digest and of one file", async () => {
    const db = at("r.db");
    const whole = await ftl(["query", "by-digest", `sha256:${root}`, "--db", db, "--json"]);
    expect(whole.code).toBe(0);
    const hits = JSON.parse(whole.stdout).matches as { id: string; step?: string; path?: string }[];
    expect(hits).toEqual([expect.objectContaining({ id: "me/tiny-sft", step: "sft" })]);
    expect(hits[0]?.path).toBeUndefined();
    const one = await ftl(["query", "by-digest", file.digest.toUpperCase(), "--db", db]);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain(`file ${file.path}`);
    const none = await ftl(["query", "by-digest", "0".repeat(64), "--db", db]);
    expect(none.code).toBe(2);
    expect(none.stdout).toContain("no stored document records this digest");
    expect((await ftl(["query", "by-digest", "not-hex", "--db", db])).code).toBe(2);
    expect(JSON.parse(readFileSync(at("lineage.json"), "utf8")).steps[0].output.digest.value).toBe(root);
  });
});
