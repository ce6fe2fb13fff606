/**
 * The reference implementation's own signatures (sigstore/model-transparency, v0.2 to v1.1) verify as its
 * verifier's scripts verify them (scripts/tests/test-verify-*.sh); keyless ones are never called valid.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readPemCertificates } from "./cert-chain.js";
import { loadPublicKey } from "./keys.js";
import { verifyBundleText } from "./verify.js";

const R = join(import.meta.dirname, "../../../test/fixtures/integrity/reference-signed");
const KEY = loadPublicKey(join(R, "keys/certificate/signing-key-pub.pem"));
const CA = readPemCertificates(readFileSync(join(R, "keys/certificate/ca-cert.pem"), "utf8"));

async function verifyRef(version: string, options: { model?: string; ignore?: string[] } = {}) {
  const folder = join(R, version);
  return verifyBundleText(readFileSync(join(folder, "model.sig"), "utf8"), {
    trust: version.endsWith("certificate") ? { trustedCertificates: CA } : { publicKey: KEY },
    modelPath: options.model === undefined ? folder : join(folder, options.model),
    ignorePaths: (options.ignore ?? []).map((p) => join(folder, p)),
    signaturePath: join(folder, "model.sig"),
  });
}

const statuses = (report: { checks: { name: string; status: string }[] }) =>
  Object.fromEntries(report.checks.map((c) => [c.name, c.status]));

describe("reference-signed folders", () => {
  it.each([
    ["v0.2.0-certificate", {}],
    ["v0.3.1-certificate", {}],
    ["v0.3.1-elliptic-key", { model: "signme-1" }],
    ["v1.0.0-certificate", {}],
    ["v1.0.0-elliptic-key", { model: "signme-1" }],
    ["v1.0.1-certificate", { ignore: ["ignore-me"] }],
    ["v1.0.1-elliptic-key", { ignore: ["ignore-me"] }],
    ["v1.1.0-certificate", { ignore: ["ignore-me"] }],
    ["v1.1.0-elliptic-key", { ignore: ["ignore-me"] }],
  ])("%s verifies as the reference verifier's script does", async (version, options) => {
    const report = await verifyRef(version, options);
    expect(statuses(report)).toEqual({ signature: "passed", statement: "passed", files: "passed" });
    expect(report.verified).toBe(true);
    expect(report.signer?.curve).toBe("P-384");
  });

  it("accepts the v0.2 PAE and predicate (compatibility path) and says so", async () => {
    const report = await verifyRef("v0.2.0-certificate");
    expect(report.checks[0]?.summary).toMatch(/legacy v0\.2 PAE/);
    expect(report.predicateType).toBe("https://model_signing/Digests/v0.1");
  });

  it("a single-file model verifies with its resource named '.'", async () => {
    const report = await verifyRef("v1.0.0-elliptic-key", { model: "signme-1" });
    expect(report.verified).toBe(true);
    const asFolder = await verifyRef("v1.0.0-elliptic-key");
    expect(asFolder.verified).toBe(false);
  });

  it("v1.1 records its ignored paths, v1.0.1 does not: without --ignore-paths only v1.0.1 fails", async () => {
    expect((await verifyRef("v1.1.0-elliptic-key")).verified).toBe(true);
    const old = await verifyRef("v1.0.1-elliptic-key");
    expect(old.verified).toBe(false);
    expect(old.checks[2]?.problems.map((p) => p.message)).toEqual(["extra: ignore-me (found, not signed)"]);
  });

  it.each(["v0.3.1-sigstore", "v1.0.0-sigstore", "v1.0.1-sigstore", "v1.1.0-sigstore"])(
    "%s (keyless) is reported as not verifiable offline, never valid",
    async (version) => {
      const report = await verifyRef(version, { ignore: ["ignore-me"] });
      expect(report.verified).toBe(false);
      expect(report.checks[0]).toMatchObject({ name: "signature", status: "failed" });
      expect(report.checks[0]?.problems[0]?.code).toBe("keyless-offline");
      expect(report.checks[0]?.summary).toMatch(/offline/);
    },
  );

  it("a certificate signature does not verify against another CA; without a CA it is a usage error", async () => {
    const folder = join(R, "v1.1.0-certificate");
    const text = readFileSync(join(folder, "model.sig"), "utf8");
    const otherCa = readPemCertificates(readFileSync(join(R, "../other-ca/ca-cert.pem"), "utf8"));
    const report = await verifyBundleText(text, { trust: { trustedCertificates: otherCa } });
    expect(report.verified).toBe(false);
    expect(report.checks[0]?.problems[0]?.code).toBe("certificate-chain");
    expect(report.checks[0]?.summary).toMatch(/not issued by a CA/);
    await expect(verifyBundleText(text, { trust: { publicKey: KEY } })).rejects.toThrow(
      /--certificate-chain/,
    );
  });

  it("the intermediate CA alone is trusted too (the chain may stop at any trusted certificate)", async () => {
    const folder = join(R, "v1.1.0-certificate");
    const intermediate = readPemCertificates(
      readFileSync(join(R, "keys/certificate/int-ca-cert.pem"), "utf8"),
    );
    const report = await verifyBundleText(readFileSync(join(folder, "model.sig"), "utf8"), {
      trust: { trustedCertificates: intermediate },
    });
    expect(report.checks[0]?.status).toBe("passed");
  });

  it("the OMS v1.0 test vectors: the key bundle's signature holds; the wrong-predicate one fails", async () => {
    const vectors = join(R, "../oms-v1.0/test-vectors");
    const key = await verifyBundleText(readFileSync(join(vectors, "valid/key.bundle.json"), "utf8"), {
      trust: { publicKey: KEY },
    });
    expect(key.checks.slice(0, 2).map((c) => c.status)).toEqual(["passed", "passed"]);
    const wrong = await verifyBundleText(
      readFileSync(join(vectors, "invalid-payload/wrong-predicate.bundle.json"), "utf8"),
      { trust: { publicKey: KEY } },
    );
    expect(wrong.verified).toBe(false);
    // Its payload was edited after signing, so the signature check already fails.
    expect(wrong.checks[0]?.problems[0]?.code).toBe("bad-signature");
  });
});
