/**
 * `ftl sign`: an OMS v1.0 signature of a model folder or file (`--oms DIR`), or a signed lineage document
 * (`ftl sign lineage.json`, with `--model DIR` to record the subject's root digest first). Both are Sigstore
 * bundles v0.3 holding a DSSE envelope over an in-toto Statement v1, signed with an ECDSA key.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { HashError } from "../../integrity/hash/index.js";
import { LineageSigningError, signLineage } from "../../integrity/lineage-signing/index.js";
import {
  KeyError,
  loadPrivateKey,
  type SignedBundle,
  type SigningKey,
  signModel,
} from "../../integrity/oms/index.js";
import { CliError, type Command, EXIT, flag, list, printJson, str, UsageError } from "../command.js";
import { loadValidDocument } from "../load-document.js";
import { hashProgress, parseShardSize, resolveIgnorePaths } from "./hash.js";

/** Key, hashing and document failures as CLI errors with their exit codes; anything else rethrown. */
export function asCliError(error: unknown): never {
  if (error instanceof KeyError) throw new CliError(error.message, EXIT.usage);
  if (error instanceof HashError)
    throw new CliError(error.message, error.code === "io" ? EXIT.invalid : EXIT.usage);
  if (error instanceof LineageSigningError) throw new CliError(error.message, EXIT.invalid);
  throw error;
}

function writeBundle(file: string, bundle: SignedBundle): void {
  try {
    writeFileSync(file, JSON.stringify(bundle));
  } catch (error) {
    throw new CliError(`cannot write ${file}: ${(error as Error).message}`, EXIT.usage);
  }
}

const short = (hex: string) => `${hex.slice(0, 16)}…`;

async function signOms(
  model: string,
  key: SigningKey,
  out: string,
  ctx: Parameters<Command["run"]>[0],
): Promise<number> {
  const { values, io } = ctx;
  const progress = hashProgress(io, flag(values, "json"));
  const shardSize = parseShardSize(str(values, "shard-size"));
  const signed = await signModel(model, key, {
    ignorePaths: [...resolveIgnorePaths(io.cwd, model, list(values, "ignore-paths")), out],
    allowSymlinks: flag(values, "allow-symlinks"),
    ...(shardSize === undefined ? {} : { shardSize }),
    onProgress: progress.onProgress,
  })
    .catch(asCliError)
    .finally(progress.stop);
  writeBundle(out, signed.bundle);
  const m = signed.manifest;
  const summary = {
    out,
    kind: "oms",
    predicateType: signed.statement.predicateType,
    subject: m.name,
    rootDigest: m.rootDigest,
    resources: m.resources.length,
    keyId: key.hint,
  };
  if (flag(values, "json")) printJson(io, summary);
  else
    io.stdout(
      `signed ${m.name}: ${m.resources.length} ${m.serialization.method === "shards" ? "shards" : "files"}, root digest sha256:${short(m.rootDigest)}\n→ ${path.relative(io.cwd, out) || out} (OMS v1.0, ECDSA ${key.curve}, key ${short(key.hint)})\n`,
    );
  return EXIT.ok;
}

async function signDocument(
  file: string,
  key: SigningKey,
  out: string,
  ctx: Parameters<Command["run"]>[0],
): Promise<number> {
  const { values, io } = ctx;
  const { document } = loadValidDocument(file === "-" ? "-" : path.resolve(io.cwd, file));
  const modelArg = str(values, "model");
  const model = modelArg === undefined ? undefined : path.resolve(io.cwd, modelArg);
  const progress = hashProgress(io, flag(values, "json"));
  const signed = await signLineage(document, key, {
    ...(model === undefined
      ? {}
      : {
          modelPath: model,
          ignorePaths: [...resolveIgnorePaths(io.cwd, model, list(values, "ignore-paths")), out],
        }),
    onProgress: progress.onProgress,
  })
    .catch(asCliError)
    .finally(progress.stop);
  if (signed.custody.length > 0)
    throw new CliError(
      `${file}: not signed, the chain of custody is broken\n${signed.custody.map((p) => `  ✗ ${p.message}`).join("\n")}`,
      EXIT.invalid,
    );
  writeBundle(out, signed.bundle);
  const digest = signed.statement.subject[0].digest?.sha256;
  const summary = {
    out,
    kind: "lineage",
    predicateType: signed.statement.predicateType,
    subject: signed.document.subject.id,
    rootDigest: digest ?? null,
    keyId: key.hint,
  };
  if (flag(values, "json")) printJson(io, summary);
  else {
    const note =
      digest === undefined
        ? " (no root digest known: give --model DIR to record it)"
        : `, root digest sha256:${short(digest)}`;
    io.stdout(
      `signed the lineage of ${signed.document.subject.id}${note}\n→ ${path.relative(io.cwd, out) || out} (ECDSA ${key.curve}, key ${short(key.hint)})\n`,
    );
  }
  return EXIT.ok;
}

export const signCommand: Command = {
  path: ["sign"],
  summary: "sign a model folder (OMS v1.0) or a lineage document",
  usage: "ftl sign (--oms MODEL | LINEAGE.json [--model DIR]) --key KEY.pem [--out FILE] [--json]",
  positionals: { min: 0, max: 1, names: "LINEAGE" },
  options: {
    oms: {
      type: "string",
      value: "MODEL",
      description: "Sign this model folder or file (OpenSSF Model Signing v1.0)",
    },
    key: { type: "string", value: "KEY.pem", description: "The ECDSA private key (ftl keygen)" },
    out: {
      type: "string",
      value: "FILE",
      description: "Where to write the signature [default: model.sig, or LINEAGE.sig.json]",
    },
    model: {
      type: "string",
      value: "DIR",
      description: "Lineage: hash the subject model and record its root digest",
    },
    "ignore-paths": {
      type: "string",
      multiple: true,
      value: "P,...",
      description: "Paths of the model to leave out",
    },
    "allow-symlinks": {
      type: "boolean",
      description: "Follow symbolic links to files instead of refusing them",
    },
    "shard-size": {
      type: "string",
      value: "BYTES",
      description: "OMS: hash shards of this size (shards serialization)",
    },
    json: { type: "boolean", description: "Print {out, kind, predicateType, subject, rootDigest, keyId}" },
  },
  details: `The signature is a Sigstore bundle v0.3 (JSON) with a DSSE envelope over an in-toto Statement v1:
  --oms      predicate https://model_signing/signature/v1.0, one resource per file, subject = the folder's name
             with its root digest; verifiable by the reference implementation (model_signing verify key).
  LINEAGE    predicate https://ftl.dev/lineage/v1, the document as predicate, subject = its subject model
             (with its root digest when known; --model hashes it). A broken chain of custody is not signed.
The signature file is left out of the hashed model when it lies inside it.
Exit codes: 0 signed, 1 invalid document or broken chain of custody, 2 usage error (bad key, missing path).`,
  examples: [
    "ftl sign --oms out/checkpoint --key signer.pem --out out/checkpoint/model.sig",
    "ftl sign lineage.json --key signer.pem --model out/checkpoint --out lineage.sig.json",
  ],
  async run(ctx) {
    const { values, positionals, io } = ctx;
    const oms = str(values, "oms");
    const lineage = positionals[0];
    if ((oms === undefined) === (lineage === undefined))
      throw new UsageError(
        "sign needs either --oms MODEL (a model folder or file) or a LINEAGE document, not both",
      );
    const keyFile = str(values, "key");
    if (keyFile === undefined)
      throw new UsageError("sign needs --key KEY.pem (make one with 'ftl keygen --out NAME')");
    let key: SigningKey;
    try {
      key = loadPrivateKey(path.resolve(io.cwd, keyFile));
    } catch (error) {
      asCliError(error);
    }
    const outArg =
      str(values, "out") ??
      (oms !== undefined
        ? "model.sig"
        : lineage === "-"
          ? "lineage.sig.json"
          : `${lineage!.replace(/\.(json|ya?ml)$/i, "")}.sig.json`);
    const out = path.resolve(io.cwd, outArg);
    if (oms !== undefined) {
      if (str(values, "model") !== undefined)
        throw new UsageError("--model is for signing a lineage; --oms names the model");
      return signOms(path.resolve(io.cwd, oms), key, out, ctx);
    }
    return signDocument(lineage!, key, out, ctx);
  },
};
