/**
 * ftl's own OMS signatures match the published OMS v1.0 JSON Schemas (read from the fixture files, not ftl's
 * copies) and verify with an independent verifier written here with node:crypto alone — it imports none of
 * ftl's verifying code. Also: the TypeScript copies of the schemas have not drifted from the published files.
 */
import { createHash, createPublicKey, verify } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative, sep } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, describe, expect, it } from "vitest";
import { generateKeyPair, loadPrivateKey } from "./keys.js";
import { BUNDLE_SCHEMA } from "./schemas/bundle.js";
import { ENVELOPE_SCHEMA } from "./schemas/envelope.js";
import { PREDICATE_SCHEMA } from "./schemas/predicate.js";
import { STATEMENT_SCHEMA } from "./schemas/statement.js";
import { signModel } from "./sign.js";

const SCHEMAS = join(import.meta.dirname, "../../../test/fixtures/integrity/oms-v1.0");
const published = (name: string): unknown =>
  JSON.parse(readFileSync(join(SCHEMAS, `${name}.schema.json`), "utf8"));
const root = mkdtempSync(join(tmpdir(), "ftl-oms-indep-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The independent verifier: PAE, ECDSA with the curve's hash, key hint, per-file SHA-256, root digest. */
function independentVerify(bundleText: string, publicPem: string, folder: string): string[] {
  const errors: string[] = [];
  const bundle = JSON.parse(bundleText);
  const key = createPublicKey(publicPem);
  const hash = { prime256v1: "sha256", secp384r1: "sha384", secp521r1: "sha512" }[
    key.asymmetricKeyDetails?.namedCurve as "prime256v1"
  ];
  const spki = key.export({ type: "spki", format: "pem" }).toString();
  if (bundle.verificationMaterial.publicKey.hint !== createHash("sha256").update(spki).digest("hex"))
    errors.push("hint");
  const env = bundle.dsseEnvelope;
  const payload = Buffer.from(env.payload, "base64");
  const type = env.payloadType as string;
  const paeBytes = Buffer.concat([Buffer.from(`DSSEv1 ${type.length} ${type} ${payload.length} `), payload]);
  if (!verify(hash, paeBytes, key, Buffer.from(env.signatures[0].sig, "base64"))) errors.push("signature");
  const statement = JSON.parse(payload.toString("utf8"));
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(relative(folder, path).split(sep).join("/"));
    }
  };
  walk(folder);
  const resources = statement.predicate.resources as { name: string; digest: string }[];
  const signed = new Map(resources.map((r) => [r.name, r.digest]));
  for (const f of files.filter((f) => f !== "model.sig")) {
    const digest = createHash("sha256")
      .update(readFileSync(join(folder, f)))
      .digest("hex");
    if (signed.get(f) !== digest) errors.push(`file ${f}`);
    signed.delete(f);
  }
  if (signed.size > 0) errors.push(`missing ${[...signed.keys()].join(",")}`);
  const rootHash = createHash("sha256");
  for (const r of resources) rootHash.update(Buffer.from(r.digest, "hex"));
  if (statement.subject[0].digest.sha256 !== rootHash.digest("hex")) errors.push("root digest");
  if (statement.subject[0].name !== basename(folder)) errors.push("subject name");
  return errors;
}

function modelFolder(name: string, files: Record<string, string>): string {
  const folder = join(root, name);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(join(folder, file, ".."), { recursive: true });
    writeFileSync(join(folder, file), content);
  }
  return folder;
}

describe("ftl's OMS signatures", () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  ajv.addSchema(published("predicate") as object).addSchema(published("envelope") as object);
  const bundleValid = ajv.compile(published("bundle") as object);
  const statementValid = ajv.compile(published("statement") as object);

  it.each(["P-256", "P-384", "P-521"] as const)(
    "%s: match the schemas and verify independently",
    async (curve) => {
      const folder = modelFolder(`model-${curve}`, {
        "config.json": '{"model_type":"llama"}',
        "adapter/adapter_model.safetensors": "weights".repeat(100),
        "README.md": "# tiny",
        "a-b": "dash",
        "a/b": "slash",
      });
      const { privatePem, publicPem } = generateKeyPair(curve);
      writeFileSync(join(root, `${curve}.pem`), privatePem);
      const { bundle } = await signModel(folder, loadPrivateKey(join(root, `${curve}.pem`)));
      const text = JSON.stringify(bundle);
      expect(bundleValid(bundle), JSON.stringify(bundleValid.errors)).toBe(true);
      const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, "base64").toString("utf8"));
      expect(statementValid(statement), JSON.stringify(statementValid.errors)).toBe(true);
      expect(statement.predicate.serialization).toMatchObject({
        method: "files",
        hash_type: "sha256",
        allow_symlinks: false,
      });
      expect(independentVerify(text, publicPem, folder)).toEqual([]);
      writeFileSync(join(folder, "README.md"), "# changed");
      expect(independentVerify(text, publicPem, folder)).toEqual(["file README.md"]);
    },
  );

  it("the TypeScript schema copies are the published schemas", () => {
    expect(BUNDLE_SCHEMA).toEqual(published("bundle"));
    expect(ENVELOPE_SCHEMA).toEqual(published("envelope"));
    expect(STATEMENT_SCHEMA).toEqual(published("statement"));
    expect(PREDICATE_SCHEMA).toEqual(published("predicate"));
  });
});
