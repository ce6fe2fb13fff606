/**
 * What `ftl add` reads from one file: a lineage document, or a signed lineage (a Sigstore bundle from
 * `ftl sign lineage.json`) whose document is stored with its envelope. With `--key`, a signed lineage is
 * verified first (signature, statement, chain of custody) and refused when it does not verify.
 */
import {
  LINEAGE_HANDLER,
  looksLikeBundle,
  readSignedLineage,
} from "../../integrity/lineage-signing/index.js";
import { KeyError, loadPublicKey, type PublicKeyInfo, verifyBundleText } from "../../integrity/oms/index.js";
import { readInput } from "../../io/read-input.js";
import { CliError, EXIT } from "../command.js";
import { type LoadedReport, reportOfRead, reportOfValue } from "../load-document.js";

/** The signature a stored document came with. */
export interface AddSignature {
  /** The signer's key id (hex SHA-256 of its SPKI PEM, as the reference implementation hints it). */
  keyId?: string;
  /** The DSSE envelope as JSON text. */
  envelope: string;
  /** True when `--key` verified it before it was stored. */
  verified: boolean;
}

export type AddRead =
  | { ok: true; report: LoadedReport; signature?: AddSignature }
  | { ok: false; status: "invalid" | "unverified"; message: string };

/** The `--key` public key, or a usage error naming the file and what is wrong with it. */
export function publicKeyOrUsage(file: string): PublicKeyInfo {
  try {
    return loadPublicKey(file);
  } catch (error) {
    if (error instanceof KeyError) throw new CliError(error.message, EXIT.usage);
    throw error;
  }
}

/** Reads one file for `ftl add`; unreadable input is a `CliError` (usage), as for every command. */
export async function readForAdd(path: string, key?: PublicKeyInfo): Promise<AddRead> {
  const read = readInput(path);
  if (!read.ok || !looksLikeBundle(read.value)) return { ok: true, report: reportOfRead(read) };
  const signed = readSignedLineage(read.value);
  if ("error" in signed) return { ok: false, status: "invalid", message: `${path}: ${signed.error}` };
  let verified = false;
  if (key) {
    const result = await verifyBundleText(read.text, {
      trust: { publicKey: key },
      predicates: [LINEAGE_HANDLER],
    });
    const failed = result.checks.find((c) => c.status === "failed");
    if (!result.verified)
      return {
        ok: false,
        status: "unverified",
        message: `${path}: the signature does not verify with the given key${failed ? ` (${failed.name}: ${failed.summary})` : ""}`,
      };
    verified = true;
  }
  return {
    ok: true,
    report: reportOfValue(signed.document),
    signature: {
      ...(signed.keyId ? { keyId: signed.keyId } : {}),
      envelope: JSON.stringify(signed.envelope),
      verified,
    },
  };
}
