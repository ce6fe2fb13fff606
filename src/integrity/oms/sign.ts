/**
 * Signing: an in-toto statement in a DSSE envelope, signed with ECDSA (the curve's own hash) over the DSSE
 * PAE, in a Sigstore bundle v0.3 whose verification material is the public key's hint — the bundle the
 * reference implementation writes for its `key` method.
 */
import { sign } from "node:crypto";
import { hashPath, type Manifest } from "../hash/index.js";
import { BUNDLE_MEDIA_TYPE, IN_TOTO_PAYLOAD_TYPE } from "./constants.js";
import { pae } from "./dsse.js";
import type { SigningKey } from "./keys.js";
import { type OmsStatement, omsStatement } from "./statement.js";

/** The bundle ftl writes (a subset of what `BundleSchema` reads). */
export interface SignedBundle {
  mediaType: typeof BUNDLE_MEDIA_TYPE;
  verificationMaterial: { publicKey: { hint: string }; tlogEntries: [] };
  dsseEnvelope: {
    payload: string;
    payloadType: typeof IN_TOTO_PAYLOAD_TYPE;
    signatures: { sig: string; keyid: string }[];
  };
}

/**
 * Signs any in-toto statement. `keyid` in the DSSE signature is empty, as the reference writes it, unless
 * `withKeyId` asks for the key hint there too.
 *
 * @example
 * const bundle = signStatement(omsStatement(manifest), loadPrivateKey("key.pem"));
 */
export function signStatement(
  statement: object,
  key: SigningKey,
  options: { withKeyId?: boolean } = {},
): SignedBundle {
  const payload = Buffer.from(JSON.stringify(statement, null, 2), "utf8");
  const signature = sign(key.hash, pae(IN_TOTO_PAYLOAD_TYPE, payload), key.privateKey);
  return {
    mediaType: BUNDLE_MEDIA_TYPE,
    verificationMaterial: { publicKey: { hint: key.hint }, tlogEntries: [] },
    dsseEnvelope: {
      payload: payload.toString("base64"),
      payloadType: IN_TOTO_PAYLOAD_TYPE,
      signatures: [{ sig: signature.toString("base64"), keyid: options.withKeyId ? key.hint : "" }],
    },
  };
}

export interface SignModelOptions {
  /** Paths to leave out (absolute, or relative to the model); the signature file is left out too. */
  ignorePaths?: string[];
  allowSymlinks?: boolean;
  shardSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Hashes a model folder or file and signs its OMS v1.0 statement. */
export async function signModel(
  modelPath: string,
  key: SigningKey,
  options: SignModelOptions = {},
): Promise<{ bundle: SignedBundle; manifest: Manifest; statement: OmsStatement }> {
  const manifest = await hashPath(modelPath, {
    ...(options.ignorePaths === undefined ? {} : { ignorePaths: options.ignorePaths }),
    ...(options.allowSymlinks === undefined ? {} : { allowSymlinks: options.allowSymlinks }),
    ...(options.shardSize === undefined ? {} : { shardSize: options.shardSize }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
  const statement = omsStatement(manifest);
  return { bundle: signStatement(statement, key), manifest, statement };
}
