/**
 * `ftl verify SIG`: checks an OMS signature or a signed lineage, in order — the signature, the statement
 * against the schemas, the model's files against the signed manifest (`--model`), and for signed lineage the
 * chain of custody. Exit 0 only when every check holds; 7 when one fails.
 */

import path from "node:path";
import { LINEAGE_HANDLER } from "../../integrity/lineage-signing/index.js";
import {
  type Check,
  loadPublicKey,
  readPemCertificates,
  type Trust,
  type VerifyReport,
  VerifyUsageError,
  verifyBundleText,
} from "../../integrity/oms/index.js";
import { readBounded } from "../../io/bounded-read.js";
import { CliError, type Command, EXIT, flag, type Io, list, printJson, str, UsageError } from "../command.js";
import { hashProgress, resolveIgnorePaths } from "./hash.js";
import { asCliError } from "./sign.js";

const MAX_SIGNATURE_BYTES = 256 * 2 ** 20;

/** A signature or certificate file, read within its limit; FIFOs and devices are refused by name. */
function readText(file: string, what: string): string {
  const read = readBounded(file, {
    maxBytes: MAX_SIGNATURE_BYTES,
    allowStdin: false,
    what,
    missingName: `${what} file`,
  });
  if (!read.ok) throw new UsageError(read.message);
  return read.bytes.toString("utf8");
}

function trustFrom(values: Parameters<Command["run"]>[0]["values"], io: Io): Trust {
  const trust: Trust = {};
  const keyFile = str(values, "key");
  if (keyFile !== undefined) {
    try {
      trust.publicKey = loadPublicKey(path.resolve(io.cwd, keyFile));
    } catch (error) {
      asCliError(error);
    }
  }
  const chainFile = str(values, "certificate-chain");
  if (chainFile !== undefined) {
    const file = path.resolve(io.cwd, chainFile);
    let certificates: Trust["trustedCertificates"];
    try {
      certificates = readPemCertificates(readText(file, "certificate"));
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new UsageError(`${file}: a certificate in it cannot be read`);
    }
    if (certificates.length === 0) throw new UsageError(`${file}: no PEM certificate in it`);
    trust.trustedCertificates = certificates;
  }
  return trust;
}

const MARK = { passed: "✓", failed: "✗", skipped: "-" } as const;

function line(c: Check): string {
  const rows = [`${MARK[c.status]} ${c.name.padEnd(9)}  ${c.summary}`];
  if (c.status === "failed")
    for (const p of c.problems) if (p.message !== c.summary) rows.push(`    ${p.message}`);
  for (const note of c.notes) rows.push(`    note: ${note}`);
  return rows.join("\n");
}

/** Readable report: every check on success; on failure only what failed and what was not checked. */
export function formatVerifyReport(report: VerifyReport): string {
  if (report.verified) {
    const subject = report.subject;
    const digest = subject?.digest === undefined ? "" : ` (sha256:${subject.digest.slice(0, 16)}…)`;
    return `${report.checks.map(line).join("\n")}\nverified: ${subject?.name ?? "?"}${digest}\n`;
  }
  const shown = report.checks.filter((c) => c.status !== "passed");
  return `${shown.map(line).join("\n")}\nverification FAILED\n`;
}

export const verifyCommand: Command = {
  path: ["verify"],
  summary: "verify an OMS model signature or a signed lineage (signature, schema, files, chain of custody)",
  usage:
    "ftl verify SIG (--key PUB.pem | --certificate-chain CA.pem) [--model PATH] [--ignore-paths P,...] [--json]",
  positionals: { min: 1, max: 1, names: "SIG" },
  options: {
    key: { type: "string", value: "PUB.pem", description: "The signer's public key (key-method signatures)" },
    "certificate-chain": {
      type: "string",
      value: "CA.pem",
      description: "Trusted CA certificate(s) (certificate-method signatures)",
    },
    model: {
      type: "string",
      value: "PATH",
      description: "Check this model folder or file against the signed manifest",
    },
    "ignore-paths": {
      type: "string",
      multiple: true,
      value: "P,...",
      description: "Paths of the model to leave out",
    },
    json: {
      type: "boolean",
      description: "Print the report: {verified, predicateType, subject, signer, checks}",
    },
  },
  details: `Checks, in order: (1) the signature (ECDSA over the DSSE PAE; the v0.2 PAE of model_signing is accepted
as the reference verifier accepts it); (2) the statement against the OMS v1.0 JSON Schemas, or a signed lineage's
document; (3) with --model, every file against the signed manifest, naming each changed, missing, extra or renamed
file; (4) for signed lineage, the chain of custody. Keyless Sigstore bundles need the network and are reported
as not verifiable offline. Certificate chains are checked at the signing certificate's notBefore.
Exit codes: 0 verified, 7 verification failed, 2 usage error (no key or CA for the signature, missing file).`,
  examples: [
    "ftl verify model.sig --key signer.pub.pem --model out/checkpoint",
    "ftl verify model.sig --certificate-chain ca.pem --model my-model --ignore-paths my-model/README.md",
    "ftl verify lineage.sig.json --key signer.pub.pem --json",
  ],
  async run({ values, positionals, io }) {
    const sigFile = path.resolve(io.cwd, positionals[0]!);
    const text = readText(sigFile, "signature");
    const trust = trustFrom(values, io);
    if (trust.publicKey === undefined && trust.trustedCertificates === undefined)
      throw new UsageError(
        "verify needs --key PUB.pem (key signatures) or --certificate-chain CA.pem (certificate signatures)",
      );
    const modelArg = str(values, "model");
    const model = modelArg === undefined ? undefined : path.resolve(io.cwd, modelArg);
    const json = flag(values, "json");
    const progress = hashProgress(io, json);
    let report: VerifyReport;
    try {
      report = await verifyBundleText(text, {
        trust,
        predicates: [LINEAGE_HANDLER],
        signaturePath: sigFile,
        ...(model === undefined
          ? {}
          : {
              modelPath: model,
              ignorePaths: resolveIgnorePaths(io.cwd, model, list(values, "ignore-paths")),
            }),
        onProgress: progress.onProgress,
      });
    } catch (error) {
      if (error instanceof VerifyUsageError) throw new UsageError(error.message);
      asCliError(error);
    } finally {
      progress.stop();
    }
    if (json) {
      const { verified, predicateType, subject, signer, checks } = report;
      printJson(io, { verified, predicateType, subject, signer, checks });
    } else io.stdout(formatVerifyReport(report));
    return report.verified ? EXIT.ok : EXIT.verifyFailed;
  },
};
