/**
 * Step 1 of verifying: the bundle's DSSE signature, with a public key (key method) or a certificate chain
 * checked against trusted CA certificates (certificate method). Keyless Sigstore bundles are never called
 * valid: they need Sigstore's trust root and transparency log, which is not possible offline.
 *
 * As the reference verifier does, a signature that fails over the DSSE PAE is tried over the v0.2 PAE
 * (`paeCompat`): with the key's own hash for the key method, with SHA-256 for the certificate method.
 */
import { type KeyObject, verify, type X509Certificate } from "node:crypto";
import { type Bundle, decodeBase64Strict, type SigningMethod, signingMethod } from "./bundle.js";
import { verifyChain } from "./cert-chain.js";
import { BUNDLE_MEDIA_TYPE } from "./constants.js";
import { pae, paeCompat } from "./dsse.js";
import { type CurveHash, ecdsaInfo, KeyError, keyHint, type PublicKeyInfo } from "./keys.js";

export interface Trust {
  /** For key-method signatures. */
  publicKey?: PublicKeyInfo;
  /** For certificate-method signatures: the trusted CA certificates. */
  trustedCertificates?: readonly X509Certificate[];
  now?: Date;
}

export interface Signer {
  method: SigningMethod;
  curve: string;
  /** Hex SHA-256 of the signer's SPKI PEM (the reference's key hint). */
  keyId: string;
  /** Certificate method: subjects from the signing certificate up to the trusted CA. */
  certificatePath?: string[];
}

export type SignatureResult =
  | {
      ok: true;
      payloadType: string;
      payload: Buffer;
      signer: Signer;
      /** The signature was over the v0.2 PAE (model_signing v0.2). */
      legacyPae: boolean;
      notes: string[];
    }
  | { ok: false; code: SignatureFailure; message: string };

export type SignatureFailure =
  | "media-type"
  | "keyless-offline"
  | "needs-key"
  | "needs-chain"
  | "no-method"
  | "key-mismatch"
  | "certificate-chain"
  | "base64"
  | "bad-signature";

/** `crypto.verify`, false instead of a throw for a malformed signature. */
function verifies(hash: CurveHash, data: Buffer, key: KeyObject, sig: Buffer): boolean {
  try {
    return verify(hash, data, key, sig);
  } catch {
    return false;
  }
}

function fail(code: SignatureFailure, message: string): SignatureResult {
  return { ok: false, code, message };
}

/** Does one of the envelope's signatures verify over the PAE (or the v0.2 PAE with `compatHash`)? */
function checkSignatures(
  bundle: Bundle,
  payload: Buffer,
  key: KeyObject,
  hash: CurveHash,
  compatHash: CurveHash,
): { ok: true; legacyPae: boolean } | { ok: false; code: SignatureFailure; message: string } {
  const { payloadType, signatures } = bundle.dsseEnvelope;
  const signed = pae(payloadType, payload);
  let compat: Buffer | undefined;
  for (const [i, s] of signatures.entries()) {
    const sig = decodeBase64Strict(s.sig);
    if (sig === undefined)
      return {
        ok: false,
        code: "base64",
        message: `dsseEnvelope.signatures[${i}].sig is not canonical base64`,
      };
    if (verifies(hash, signed, key, sig)) return { ok: true, legacyPae: false };
    compat ??= paeCompat(payloadType, payload);
    if (verifies(compatHash, compat, key, sig)) return { ok: true, legacyPae: true };
  }
  return {
    ok: false,
    code: "bad-signature",
    message:
      "the signature does not match the payload and key: the bundle was changed, or signed with another key",
  };
}

function publicKeyFromChain(
  bundle: Bundle,
  trust: Trust,
): { key: KeyObject; signer: Signer; notes: string[] } | SignatureResult {
  const trusted = trust.trustedCertificates;
  if (trusted === undefined || trusted.length === 0)
    return fail(
      "needs-chain",
      "a certificate-method signature: give the trusted CA with --certificate-chain CA.pem",
    );
  const certificates = bundle.verificationMaterial.x509CertificateChain?.certificates ?? [];
  const ders: Buffer[] = [];
  for (const [i, c] of certificates.entries()) {
    const der = decodeBase64Strict(c.rawBytes);
    if (der === undefined)
      return fail(
        "base64",
        `verificationMaterial.x509CertificateChain.certificates[${i}] is not canonical base64`,
      );
    ders.push(der);
  }
  const chain = verifyChain(ders, trusted, trust.now);
  if ("error" in chain) return fail("certificate-chain", `certificate chain: ${chain.error}`);
  const key = chain.leaf.publicKey;
  try {
    const { curve } = ecdsaInfo(key, "signing certificate");
    return {
      key,
      signer: { method: "certificate", curve, keyId: keyHint(key), certificatePath: chain.path },
      notes: chain.notes,
    };
  } catch (error) {
    if (error instanceof KeyError) return fail("certificate-chain", error.message);
    throw error;
  }
}

/**
 * Verifies a bundle's signature and returns its payload.
 *
 * @example
 * const result = verifyBundleSignature(bundle, { publicKey: loadPublicKey("key.pub.pem") });
 * if (result.ok) JSON.parse(result.payload.toString("utf8"));
 */
export function verifyBundleSignature(bundle: Bundle, trust: Trust): SignatureResult {
  if (bundle.mediaType !== BUNDLE_MEDIA_TYPE)
    return fail("media-type", `mediaType is '${bundle.mediaType}', expected '${BUNDLE_MEDIA_TYPE}'`);
  const method = signingMethod(bundle.verificationMaterial);
  if (method === "keyless")
    return fail(
      "keyless-offline",
      "a keyless Sigstore signature (Fulcio certificate and Rekor transparency log): it can only be checked online against Sigstore's trust root, and ftl verifies offline — NOT verified",
    );
  if (method === undefined)
    return fail("no-method", "verificationMaterial has no publicKey and no x509CertificateChain");
  const payload = decodeBase64Strict(bundle.dsseEnvelope.payload);
  if (payload === undefined) return fail("base64", "dsseEnvelope.payload is not canonical base64");
  let key: KeyObject;
  let signer: Signer;
  let notes: string[] = [];
  let compatHash: CurveHash;
  if (method === "key") {
    const given = trust.publicKey;
    if (given === undefined)
      return fail("needs-key", "a key-method signature: give the public key with --key PUB.pem");
    const hint = bundle.verificationMaterial.publicKey?.hint;
    if (hint && hint !== given.hint)
      return fail(
        "key-mismatch",
        `signed with another key: the bundle names key ${hint.slice(0, 16)}…, the given key is ${given.hint.slice(0, 16)}…`,
      );
    if (!hint) notes.push("the bundle names no key hint (signature format before model_signing v1.1)");
    key = given.publicKey;
    signer = { method, curve: given.curve, keyId: given.hint };
    compatHash = given.hash;
  } else {
    const fromChain = publicKeyFromChain(bundle, trust);
    if ("ok" in fromChain) return fromChain;
    ({ key, signer, notes } = fromChain);
    compatHash = "sha256";
  }
  const hash = ecdsaInfo(key, "signing key").hash;
  const checked = checkSignatures(bundle, payload, key, hash, compatHash);
  if (!checked.ok) return checked;
  return {
    ok: true,
    payloadType: bundle.dsseEnvelope.payloadType,
    payload,
    signer,
    legacyPae: checked.legacyPae,
    notes,
  };
}
