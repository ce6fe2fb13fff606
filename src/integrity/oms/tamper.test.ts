/**
 * Tampering: every single byte of a small signed folder, of the DSSE payload and of the signature is flipped,
 * one at a time, and each change is caught; appended, removed and renamed files, a symlink swapped in and a
 * signature for another folder are each caught with their own message.
 */
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateKeyPair, loadPrivateKey, loadPublicKey, type PublicKeyInfo } from "./keys.js";
import type { VerifyReport } from "./report.js";
import { type SignedBundle, signModel } from "./sign.js";
import { verifyBundleText } from "./verify.js";

const root = mkdtempSync(join(tmpdir(), "ftl-oms-tamper-"));
const model = join(root, "tiny-model");
const FILES: Record<string, string> = {
  "config.json": '{"architectures":["LlamaForCausalLM"],"hidden_size":64}',
  "adapter/adapter_config.json": '{"r":8,"lora_alpha":16}',
  "weights.bin": "\u0000\u0001\u0002binary-ish weights\u00ff".repeat(6),
};
let bundle: SignedBundle;
let key: PublicKeyInfo;

beforeAll(async () => {
  for (const [name, content] of Object.entries(FILES)) {
    mkdirSync(join(model, name, ".."), { recursive: true });
    writeFileSync(join(model, name), content, "latin1");
  }
  const { privatePem, publicPem } = generateKeyPair();
  writeFileSync(join(root, "k.pem"), privatePem);
  writeFileSync(join(root, "k.pub.pem"), publicPem);
  key = loadPublicKey(join(root, "k.pub.pem"));
  ({ bundle } = await signModel(model, loadPrivateKey(join(root, "k.pem"))));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const verifyText = (text: string, modelPath = model): Promise<VerifyReport> =>
  verifyBundleText(text, { trust: { publicKey: key }, modelPath });
const failure = (report: VerifyReport) => report.checks.find((c) => c.status === "failed");

describe("tampering", () => {
  it("the untouched folder verifies", async () => {
    expect((await verifyText(JSON.stringify(bundle))).verified).toBe(true);
  });

  it("every byte of every file, flipped one at a time, is caught and the file named", async () => {
    const text = JSON.stringify(bundle);
    let cases = 0;
    for (const name of Object.keys(FILES)) {
      const path = join(model, name);
      const original = readFileSync(path);
      for (let i = 0; i < original.length; i++) {
        const changed = Buffer.from(original);
        changed[i] = (changed[i] as number) ^ 0x01;
        writeFileSync(path, changed);
        const report = await verifyText(text);
        expect(report.verified, `${name} byte ${i}`).toBe(false);
        expect(failure(report)?.problems).toEqual([expect.objectContaining({ code: "changed", path: name })]);
        cases++;
      }
      writeFileSync(path, original);
    }
    expect(cases).toBeGreaterThan(200);
    expect((await verifyText(text)).verified).toBe(true);
  });

  it("every byte of the DSSE payload and of the signature, flipped, is caught by the signature check", async () => {
    const payload = Buffer.from(bundle.dsseEnvelope.payload, "base64");
    const sig = Buffer.from(bundle.dsseEnvelope.signatures[0]!.sig, "base64");
    const flip = (bytes: Buffer, i: number) => {
      const out = Buffer.from(bytes);
      out[i] = (out[i] as number) ^ 0x01;
      return out.toString("base64");
    };
    const withPayload = (p: string) => ({ ...bundle, dsseEnvelope: { ...bundle.dsseEnvelope, payload: p } });
    const withSig = (s: string) => ({
      ...bundle,
      dsseEnvelope: { ...bundle.dsseEnvelope, signatures: [{ sig: s, keyid: "" }] },
    });
    for (let i = 0; i < payload.length; i++) {
      const report = await verifyText(JSON.stringify(withPayload(flip(payload, i))));
      expect(report.verified).toBe(false);
      expect(failure(report)?.problems[0]?.code, `payload byte ${i}`).toBe("bad-signature");
    }
    for (let i = 0; i < sig.length; i++) {
      const report = await verifyText(JSON.stringify(withSig(flip(sig, i))));
      expect(report.verified, `signature byte ${i}`).toBe(false);
      expect(failure(report)?.name).toBe("signature");
    }
    // The base64 text itself: any changed character, even one that decodes to the same bytes, is caught.
    const text = bundle.dsseEnvelope.payload;
    const last = text.replace(/=*$/, "").length - 1;
    const sameBytes =
      text.slice(0, last) + String.fromCharCode(text.charCodeAt(last) ^ 0x01) + text.slice(last + 1);
    expect((await verifyText(JSON.stringify(withPayload(sameBytes)))).verified).toBe(false);
  });

  it("appended, removed and renamed files are each named", async () => {
    const text = JSON.stringify(bundle);
    writeFileSync(join(model, "extra.txt"), "not signed");
    let report = await verifyText(text);
    expect(failure(report)?.problems).toEqual([
      expect.objectContaining({ code: "extra", path: "extra.txt" }),
    ]);
    unlinkSync(join(model, "extra.txt"));

    const config = readFileSync(join(model, "config.json"));
    unlinkSync(join(model, "config.json"));
    report = await verifyText(text);
    expect(failure(report)?.problems).toEqual([
      expect.objectContaining({ code: "missing", path: "config.json" }),
    ]);

    writeFileSync(join(model, "config2.json"), config);
    report = await verifyText(text);
    expect(failure(report)?.problems).toEqual([
      expect.objectContaining({ code: "renamed", message: "renamed: config.json → config2.json" }),
    ]);
    renameSync(join(model, "config2.json"), join(model, "config.json"));
    expect((await verifyText(text)).verified).toBe(true);
  });

  it("a symlink swapped in for a file is refused", async () => {
    const text = JSON.stringify(bundle);
    const path = join(model, "weights.bin");
    const original = readFileSync(path);
    writeFileSync(join(root, "elsewhere.bin"), original);
    unlinkSync(path);
    symlinkSync(join(root, "elsewhere.bin"), path);
    const report = await verifyText(text);
    expect(failure(report)?.problems[0]?.code).toBe("symlink");
    expect(failure(report)?.summary).toMatch(/weights\.bin/);
    unlinkSync(path);
    writeFileSync(path, original);
  });

  it("a signature for another folder says so", async () => {
    const other = join(root, "other-model");
    mkdirSync(other);
    writeFileSync(join(other, "config.json"), '{"hidden_size":128}');
    writeFileSync(join(other, "weights.bin"), "other weights");
    const report = await verifyText(JSON.stringify(bundle), other);
    expect(report.verified).toBe(false);
    expect(failure(report)?.problems[0]).toMatchObject({ code: "other-model" });
    expect(failure(report)?.problems[0]?.message).toMatch(/another model.*tiny-model.*other-model/);
  });

  it("any byte of the bundle file, changed (seeded, 600 cases), never throws and never verifies unless only unsigned fields changed", async () => {
    const text = JSON.stringify(bundle);
    let seed = 20261130;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    const signedParts = (t: string) => {
      try {
        const b = JSON.parse(t);
        const e = b.dsseEnvelope;
        return JSON.stringify([
          b.mediaType,
          e.payload,
          e.payloadType,
          e.signatures.map((s: { sig: string }) => s.sig),
        ]);
      } catch {
        return undefined;
      }
    };
    const original = signedParts(text);
    for (let n = 0; n < 600; n++) {
      const i = next() % text.length;
      const mutated = text.slice(0, i) + String.fromCharCode(32 + (next() % 95)) + text.slice(i + 1);
      if (mutated === text) continue;
      const report = await verifyText(mutated);
      if (report.verified) expect(signedParts(mutated), `byte ${i}`).toBe(original);
    }
  });
});
