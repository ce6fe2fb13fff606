/** `ftl keygen --out NAME`: an ECDSA key pair for OMS signatures, NAME.pem (PKCS#8) and NAME.pub.pem (SPKI). */

import { createPublicKey } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CURVES, type Curve, generateKeyPair, keyHint } from "../../integrity/oms/index.js";
import { CliError, type Command, choice, EXIT, flag, printJson, str, UsageError } from "../command.js";

export const keygenCommand: Command = {
  path: ["keygen"],
  summary: "make an ECDSA key pair for signing models and lineage (NAME.pem, NAME.pub.pem)",
  usage: "ftl keygen --out NAME [--curve P-256|P-384|P-521] [--force] [--json]",
  options: {
    out: {
      type: "string",
      value: "NAME",
      description: "Write NAME.pem (private key) and NAME.pub.pem (public key)",
    },
    curve: { type: "string", value: "CURVE", description: "P-256, P-384 or P-521", default: "P-256" },
    force: { type: "boolean", description: "Overwrite existing key files" },
    json: { type: "boolean", description: "Print {private, public, curve, keyId}" },
  },
  details: `The private key is PKCS#8 PEM, written readable by its owner only; the public key is SPKI PEM. The
key id is the hex SHA-256 of the public key's PEM, as OMS bundles carry it (verificationMaterial.publicKey.hint).
Exit codes: 0 written, 2 usage error (no --out, a key file already there without --force).`,
  examples: ["ftl keygen --out signer", "ftl keygen --out release-key --curve P-384"],
  run({ values, io }) {
    const out = str(values, "out");
    if (out === undefined || out.trim() === "") throw new UsageError("keygen needs --out NAME");
    const curve = (
      choice(
        values,
        "curve",
        CURVES.map((c) => c.toLowerCase()),
      ) ?? "p-256"
    ).toUpperCase() as Curve;
    const base = path.resolve(io.cwd, out.replace(/\.pem$/, ""));
    const privateFile = `${base}.pem`;
    const publicFile = `${base}.pub.pem`;
    if (!flag(values, "force"))
      for (const file of [privateFile, publicFile])
        if (existsSync(file)) throw new UsageError(`${file} exists; use --force to overwrite it`);
    const { privatePem, publicPem } = generateKeyPair(curve);
    try {
      writeFileSync(privateFile, privatePem, { mode: 0o600 });
      writeFileSync(publicFile, publicPem);
    } catch (error) {
      throw new CliError(`cannot write the key files: ${(error as Error).message}`, EXIT.usage);
    }
    const keyId = keyHint(createPublicKey(publicPem));
    if (flag(values, "json")) printJson(io, { private: privateFile, public: publicFile, curve, keyId });
    else
      io.stdout(
        `wrote ${path.relative(io.cwd, privateFile)} (private: keep it secret) and ${path.relative(io.cwd, publicFile)} (public)\nECDSA ${curve}, key id ${keyId}\n`,
      );
    return EXIT.ok;
  },
};
