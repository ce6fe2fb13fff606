/**
 * ECDSA keys for OMS signatures: P-256, P-384 and P-521 in PEM, read with node:crypto. Each curve signs with
 * its own hash (SHA-256, SHA-384, SHA-512), as the reference implementation does. The key hint written into
 * a bundle is the hex SHA-256 of the public key's SPKI PEM text, as the reference implementation writes it.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from "node:crypto";
import { readBounded } from "../../io/bounded-read.js";
import { lookupTable } from "../../model/lookup.js";

export const CURVES = ["P-256", "P-384", "P-521"] as const;
export type Curve = (typeof CURVES)[number];
export type CurveHash = "sha256" | "sha384" | "sha512";

const BY_OPENSSL_NAME: Record<string, { curve: Curve; hash: CurveHash }> = lookupTable({
  prime256v1: { curve: "P-256", hash: "sha256" },
  secp384r1: { curve: "P-384", hash: "sha384" },
  secp521r1: { curve: "P-521", hash: "sha512" },
});

/** A key file that cannot be used: missing, not PEM, the wrong kind or the wrong algorithm. */
export class KeyError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = "KeyError";
  }
}

export interface PublicKeyInfo {
  publicKey: KeyObject;
  curve: Curve;
  hash: CurveHash;
  /** Hex SHA-256 of the SPKI PEM: the bundle's `verificationMaterial.publicKey.hint`. */
  hint: string;
}

export interface SigningKey extends PublicKeyInfo {
  privateKey: KeyObject;
}

const MAX_KEY_BYTES = 64 * 1024;

/** A PEM file, read within its limit; FIFOs and devices are refused by name, never read. */
function readPem(file: string): string {
  const read = readBounded(file, {
    maxBytes: MAX_KEY_BYTES,
    allowStdin: false,
    what: "PEM key",
    missingName: "key file",
  });
  if (!read.ok) throw new KeyError(read.message, file);
  return read.bytes.toString("utf8");
}

/** The curve and hash of an ECDSA key, or a `KeyError` naming what the key is instead. */
export function ecdsaInfo(key: KeyObject, file: string): { curve: Curve; hash: CurveHash } {
  const type = key.asymmetricKeyType;
  if (type !== "ec") {
    const label = type === undefined ? "a secret key" : `an ${type.toUpperCase()} key`;
    throw new KeyError(
      `${file}: ${label}; OMS signatures need an ECDSA key on P-256, P-384 or P-521 (make one with 'ftl keygen')`,
      file,
    );
  }
  const name = key.asymmetricKeyDetails?.namedCurve ?? "";
  const info = BY_OPENSSL_NAME[name];
  if (info === undefined)
    throw new KeyError(`${file}: an ECDSA key on curve ${name || "?"}; expected P-256, P-384 or P-521`, file);
  return info;
}

/** The SPKI PEM of a public key, as the reference implementation writes it (64-column base64, final newline). */
export function publicKeyPem(publicKey: KeyObject): string {
  return publicKey.export({ type: "spki", format: "pem" }).toString();
}

/** Hex SHA-256 of the SPKI PEM text: the key hint the reference implementation puts in a bundle. */
export function keyHint(publicKey: KeyObject): string {
  return createHash("sha256").update(publicKeyPem(publicKey)).digest("hex");
}

function pemKind(pem: string): string | undefined {
  return /-----BEGIN ([A-Z0-9 ]+)-----/.exec(pem)?.[1];
}

/** Reads a PEM private key for signing (PKCS#8 or SEC1). A public key or a certificate is a `KeyError`. */
export function loadPrivateKey(file: string): SigningKey {
  const pem = readPem(file);
  const kind = pemKind(pem);
  if (kind === undefined) throw new KeyError(`${file}: not a PEM key (no '-----BEGIN …-----' line)`, file);
  if (kind === "PUBLIC KEY" || kind === "EC PUBLIC KEY")
    throw new KeyError(
      `${file}: a public key; signing needs the private key (the NAME.pem beside NAME.pub.pem)`,
      file,
    );
  if (kind === "CERTIFICATE")
    throw new KeyError(`${file}: a certificate; signing needs the private key`, file);
  if (kind === "ENCRYPTED PRIVATE KEY")
    throw new KeyError(`${file}: an encrypted private key; ftl reads unencrypted PEM keys only`, file);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch {
    throw new KeyError(`${file}: '${kind}' block is not a private key ftl can read`, file);
  }
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, ...ecdsaInfo(privateKey, file), hint: keyHint(publicKey) };
}

/** Reads a PEM public key for verifying (SPKI); a private key is accepted and its public half used. */
export function loadPublicKey(file: string): PublicKeyInfo {
  const pem = readPem(file);
  const kind = pemKind(pem);
  if (kind === undefined) throw new KeyError(`${file}: not a PEM key (no '-----BEGIN …-----' line)`, file);
  if (kind === "CERTIFICATE")
    throw new KeyError(
      `${file}: a certificate; give it with --certificate-chain, or give the public key`,
      file,
    );
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey(pem);
  } catch {
    throw new KeyError(`${file}: '${kind}' block is not a key ftl can read`, file);
  }
  return { publicKey, ...ecdsaInfo(publicKey, file), hint: keyHint(publicKey) };
}

/** A new ECDSA key pair as PEM: PKCS#8 private key, SPKI public key. */
export function generateKeyPair(curve: Curve = "P-256"): { privatePem: string; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: curve });
  return {
    privatePem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicPem: publicKeyPem(publicKey),
  };
}
