/**
 * Certificate-method bundles made here the way the reference's certificate signer makes them (its key bundle,
 * with the signing certificate and chain as verification material), checked against a test PKI.
 */
import { X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { digitalSignatureUsage, readPemCertificates } from "./cert-chain.js";
import { loadPrivateKey } from "./keys.js";
import { signStatement } from "./sign.js";
import { verifyBundleText } from "./verify.js";

const PKI = join(import.meta.dirname, "../../../test/fixtures/integrity/pki");
const pem = (name: string) => readFileSync(join(PKI, `${name}.pem`), "utf8");
const ROOT = readPemCertificates(pem("root"));
const STATEMENT = {
  _type: "https://in-toto.io/Statement/v1",
  subject: [
    { name: "m", digest: { sha256: "4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945" } },
  ],
  predicateType: "https://model_signing/signature/v1.0",
  predicate: {
    serialization: { method: "files", hash_type: "sha256", allow_symlinks: false },
    resources: [],
  },
};

/** A certificate bundle signed by `leaf`'s key, carrying `chain` (DER) as the reference's signer writes it. */
function certificateBundle(leaf: string, chain: string[]): string {
  const bundle = signStatement(STATEMENT, loadPrivateKey(join(PKI, `${leaf}-key.pem`)));
  const certificates = chain.map((name) => ({
    rawBytes: new X509Certificate(pem(name)).raw.toString("base64"),
  }));
  return JSON.stringify({
    ...bundle,
    verificationMaterial: { x509CertificateChain: { certificates }, tlogEntries: [] },
  });
}

const verifyWith = (text: string, trusted = ROOT) =>
  verifyBundleText(text, { trust: { trustedCertificates: trusted } });

describe("certificate chains", () => {
  it("a code-signing leaf issued by the trusted root verifies; so does a leaf with key usage only", async () => {
    for (const leaf of ["leaf-codesign", "leaf-ku-only"]) {
      const report = await verifyWith(certificateBundle(leaf, [leaf]));
      expect(report.checks[0], leaf).toMatchObject({ status: "passed" });
      expect(report.signer?.certificatePath).toEqual([`CN=${leaf}`, "CN=ftl-test-root"]);
    }
    expect(digitalSignatureUsage(new X509Certificate(pem("leaf-tls")).raw)).toBe(false);
    expect(digitalSignatureUsage(new X509Certificate(pem("leaf-ku-only")).raw)).toBe(true);
  });

  it("a leaf not allowed to sign, a leaf issued by a non-CA, and another root are each refused", async () => {
    const cases: [string, string[], X509Certificate[], RegExp][] = [
      ["leaf-tls", ["leaf-tls"], ROOT, /not allowed to sign/],
      [
        "leaf-under-leaf",
        ["leaf-under-leaf", "leaf-codesign"],
        ROOT,
        /'CN=leaf-under-leaf' is not issued by a CA/,
      ],
      ["leaf-codesign", ["leaf-codesign"], readPemCertificates(pem("leaf-tls")), /not issued by a CA/],
    ];
    for (const [leaf, chain, trusted, message] of cases) {
      const report = await verifyWith(certificateBundle(leaf, chain), trusted);
      expect(report.verified, leaf).toBe(false);
      expect(report.checks[0]?.problems[0]?.code).toBe("certificate-chain");
      expect(report.checks[0]?.summary).toMatch(message);
    }
  });

  it("a bundle signed by another key than its certificate's fails the signature", async () => {
    const text = certificateBundle("leaf-ku-only", ["leaf-codesign"]);
    const report = await verifyWith(text);
    expect(report.checks[0]?.problems[0]?.code).toBe("bad-signature");
  });
});
