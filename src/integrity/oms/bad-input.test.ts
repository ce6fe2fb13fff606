/** Bad input: wrong key types, truncated or garbled bundles, unknown predicate and payload types. */
import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  generateKeyPair,
  KeyError,
  loadPrivateKey,
  loadPublicKey,
  type PublicKeyInfo,
  type SigningKey,
} from "./keys.js";
import { type SignedBundle, signModel, signStatement } from "./sign.js";
import { verifyBundleText } from "./verify.js";

const root = mkdtempSync(join(tmpdir(), "ftl-oms-bad-"));
let priv: SigningKey;
let pub: PublicKeyInfo;
let bundle: SignedBundle;
const file = (name: string, text: string) => {
  writeFileSync(join(root, name), text);
  return join(root, name);
};

beforeAll(async () => {
  const { privatePem, publicPem } = generateKeyPair("P-256");
  priv = loadPrivateKey(file("k.pem", privatePem));
  pub = loadPublicKey(file("k.pub.pem", publicPem));
  file("model.bin", "weights");
  ({ bundle } = await signModel(join(root, "model.bin"), priv));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const keyError = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(KeyError);
    return (error as Error).message;
  }
  throw new Error("no KeyError");
};

describe("keys", () => {
  it("refuses RSA and Ed25519 keys, a public key to sign with, a certificate, garbage and a missing file", () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 });
    const ed = generateKeyPairSync("ed25519");
    const pem = (k: KeyObject, type: "pkcs8" | "spki") =>
      k.export(type === "pkcs8" ? { type, format: "pem" } : { type, format: "pem" }).toString();
    expect(keyError(() => loadPrivateKey(file("rsa.pem", pem(rsa.privateKey, "pkcs8"))))).toMatch(
      /an RSA key; OMS signatures need an ECDSA key/,
    );
    expect(keyError(() => loadPublicKey(file("ed.pub.pem", pem(ed.publicKey, "spki"))))).toMatch(
      /ED25519 key/,
    );
    expect(keyError(() => loadPrivateKey(join(root, "k.pub.pem")))).toMatch(
      /a public key; signing needs the private key/,
    );
    expect(keyError(() => loadPrivateKey(file("junk.pem", "hello")))).toMatch(/not a PEM key/);
    expect(keyError(() => loadPrivateKey(join(root, "nope.pem")))).toMatch(/no such key file/);
    const secp256k1 = generateKeyPairSync("ec", { namedCurve: "secp256k1" });
    expect(keyError(() => loadPrivateKey(file("k1.pem", pem(secp256k1.privateKey, "pkcs8"))))).toMatch(
      /curve secp256k1/,
    );
  });

  it.each(["P-384", "P-521"] as const)("reads %s keys and signs with the curve's hash", async (curve) => {
    const { privatePem, publicPem } = generateKeyPair(curve);
    const key = loadPrivateKey(file(`${curve}.pem`, privatePem));
    expect(key.hash).toBe(curve === "P-384" ? "sha384" : "sha512");
    const signed = await signModel(join(root, "model.bin"), key);
    const report = await verifyBundleText(JSON.stringify(signed.bundle), {
      trust: { publicKey: loadPublicKey(file(`${curve}.pub.pem`, publicPem)) },
      modelPath: join(root, "model.bin"),
    });
    expect(report.verified).toBe(true);
  });

  it("a signature checked with another key names the key mismatch", async () => {
    const other = loadPublicKey(file("o.pub.pem", generateKeyPair().publicPem));
    const report = await verifyBundleText(JSON.stringify(bundle), { trust: { publicKey: other } });
    expect(report.checks[0]?.problems[0]?.code).toBe("key-mismatch");
  });
});

describe("bundles", () => {
  const verifyText = (text: string) => verifyBundleText(text, { trust: { publicKey: pub } });

  it("every truncation of a bundle fails with a clear message, never a throw", async () => {
    const text = JSON.stringify(bundle);
    for (let n = 0; n < text.length; n += 7) {
      const report = await verifyText(text.slice(0, n));
      expect(report.verified).toBe(false);
      expect(report.checks[0]?.summary).toMatch(/not JSON|not a Sigstore bundle|base64|signature/);
    }
  });

  it("garbled bundles: not an object, missing envelope, no signatures, bad media type", async () => {
    const cases: [unknown, RegExp][] = [
      [[1, 2], /not a Sigstore bundle/],
      [{ ...bundle, dsseEnvelope: undefined }, /dsseEnvelope/],
      [{ ...bundle, dsseEnvelope: { ...bundle.dsseEnvelope, signatures: [] } }, /has no signature/],
      [{ ...bundle, mediaType: "application/json" }, /mediaType/],
      [{ ...bundle, verificationMaterial: {} }, /no publicKey/],
    ];
    for (const [value, message] of cases) {
      const report = await verifyText(JSON.stringify(value));
      expect(report.verified).toBe(false);
      expect(report.checks[0]?.summary).toMatch(message);
    }
    expect((await verifyText("\u0000\u00ff garbage")).checks[0]?.summary).toMatch(/not JSON/);
  });

  it("an unknown predicate type, a non-in-toto payload and a statement off the schema are named", async () => {
    const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, "base64").toString("utf8"));
    const unknown = signStatement({ ...statement, predicateType: "https://example.com/other/v9" }, priv);
    let report = await verifyText(JSON.stringify(unknown));
    expect(report.checks[1]).toMatchObject({ name: "statement", status: "failed" });
    expect(report.checks[1]?.summary).toMatch(/unknown predicate type 'https:\/\/example.com\/other\/v9'/);

    report = await verifyText(JSON.stringify(signStatement({ hello: "world" }, priv)));
    expect(report.checks[1]?.summary).toMatch(/not an in-toto Statement v1/);

    const offSchema = signStatement(
      { ...statement, predicate: { ...statement.predicate, resources: "none" } },
      priv,
    );
    report = await verifyText(JSON.stringify(offSchema));
    expect(report.checks[1]?.summary).toMatch(/does not match the schemas: predicate.resources/);

    const wrongRoot = { ...statement, subject: [{ name: "m", digest: { sha256: "ab".repeat(32) } }] };
    report = await verifyText(JSON.stringify(signStatement(wrongRoot, priv)));
    expect(report.checks[1]?.summary).toMatch(/manifest is inconsistent/);
  });
});
