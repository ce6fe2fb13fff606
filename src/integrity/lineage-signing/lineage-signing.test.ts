/** Signed lineage: sign → verify round trip, the model against the signed digest, chain of custody, reading. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LineageDocument } from "../../schema/lineage.js";
import { hashPath } from "../hash/index.js";
import {
  generateKeyPair,
  loadPrivateKey,
  loadPublicKey,
  type PublicKeyInfo,
  type SigningKey,
  verifyBundleText,
} from "../oms/index.js";
import {
  chainOfCustody,
  LINEAGE_HANDLER,
  LINEAGE_PREDICATE_TYPE,
  readSignedLineage,
  signLineage,
} from "./index.js";

const root = mkdtempSync(join(tmpdir(), "ftl-lineage-sign-"));
const model = join(root, "final");
let priv: SigningKey;
let pub: PublicKeyInfo;
let finalDigest: string;
const hex = (c: string) => c.repeat(64);

function doc(): LineageDocument {
  return {
    format: "ftl/v1",
    subject: { id: "me/final" },
    bases: [{ id: "org/base", digest: { algorithm: "sha256", value: hex("a") } }],
    steps: [
      {
        id: "sft",
        kind: "fine-tune",
        objective: "sft",
        inputs: { models: [{ id: "org/base" }], datasets: [{ id: "org/data" }] },
        output: { id: "me/sft", digest: { algorithm: "sha256", value: hex("b") } },
      },
      {
        id: "dpo",
        kind: "fine-tune",
        objective: "dpo",
        inputs: { models: [{ step: "sft" }], datasets: [{ id: "org/prefs" }] },
        output: { id: "me/final", digest: { algorithm: "sha256", value: finalDigest } },
      },
    ],
  };
}

beforeAll(async () => {
  mkdirSync(model);
  writeFileSync(join(model, "config.json"), '{"model_type":"llama"}');
  writeFileSync(join(model, "model.safetensors"), "weights");
  finalDigest = (await hashPath(model)).rootDigest;
  const { privatePem, publicPem } = generateKeyPair();
  writeFileSync(join(root, "k.pem"), privatePem);
  writeFileSync(join(root, "k.pub.pem"), publicPem);
  priv = loadPrivateKey(join(root, "k.pem"));
  pub = loadPublicKey(join(root, "k.pub.pem"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const verify = (bundle: object, modelPath?: string) =>
  verifyBundleText(JSON.stringify(bundle), {
    trust: { publicKey: pub },
    predicates: [LINEAGE_HANDLER],
    ...(modelPath === undefined ? {} : { modelPath }),
  });
const statuses = (r: { checks: { name: string; status: string }[] }) =>
  Object.fromEntries(r.checks.map((c) => [c.name, c.status]));

describe("signed lineage", () => {
  it("round trip: signed with --model, the subject carries the root digest and files; everything verifies", async () => {
    const signed = await signLineage(doc(), priv, { modelPath: model });
    expect(signed.custody).toEqual([]);
    expect(signed.statement.predicateType).toBe(LINEAGE_PREDICATE_TYPE);
    expect(signed.statement.subject).toEqual([{ name: "me/final", digest: { sha256: finalDigest } }]);
    expect(signed.document.subject.files?.map((f) => f.path)).toEqual(["config.json", "model.safetensors"]);
    const report = await verify(signed.bundle, model);
    expect(statuses(report)).toEqual({
      signature: "passed",
      statement: "passed",
      files: "passed",
      custody: "passed",
    });
    expect(report.verified).toBe(true);
    expect(report.checks[3]?.summary).toMatch(/2 recorded digest pairs agree/);
  });

  it("a changed model fails the files check, naming the file", async () => {
    const signed = await signLineage(doc(), priv, { modelPath: model });
    writeFileSync(join(model, "model.safetensors"), "weights, retrained");
    const report = await verify(signed.bundle, model);
    writeFileSync(join(model, "model.safetensors"), "weights");
    expect(report.verified).toBe(false);
    expect(report.checks[2]?.problems.map((p) => p.code)).toEqual(["digest-mismatch", "changed"]);
    expect(report.checks[2]?.problems[1]?.path).toBe("model.safetensors");
  });

  it("a chain-of-custody mismatch is caught: the subject against the step that produced it", async () => {
    const broken = doc();
    broken.subject.digest = { algorithm: "sha256", value: hex("c") };
    const signed = await signLineage(broken, priv);
    expect(signed.custody.map((p) => p.code)).toEqual(["digest-mismatch"]);
    const report = await verify(signed.bundle);
    expect(report.verified).toBe(false);
    expect(report.checks.find((c) => c.name === "custody")).toMatchObject({ status: "failed" });
    expect(report.checks.find((c) => c.name === "custody")?.summary).toMatch(
      /subject 'me\/final' differs from the output of step 'dpo'/,
    );
  });

  it("a chain-of-custody mismatch: an input recorded as a base with another digest than the step that made it", () => {
    const d = doc();
    d.bases.push({ id: "me/sft", digest: { algorithm: "sha256", value: hex("d") } });
    d.steps[1]!.inputs = { models: [{ id: "me/sft" }] };
    const { problems } = chainOfCustody(d);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(
      /step 'dpo' input 'me\/sft' \(as a base\) differs from the output of step 'sft'/,
    );
  });

  it("a recorded root digest that is not the root digest of the recorded files is caught", () => {
    const d = doc();
    d.subject.digest = { algorithm: "sha256", value: finalDigest };
    d.subject.files = [{ path: "config.json", digest: { algorithm: "sha256", value: hex("e") } }];
    expect(chainOfCustody(d).problems[0]?.message).toMatch(/root digest of its recorded files/);
  });

  it("signing with --model refuses a document that records another root digest", async () => {
    const d = doc();
    d.subject.digest = { algorithm: "sha256", value: hex("f") };
    await expect(signLineage(d, priv, { modelPath: model })).rejects.toThrow(/records f{64} for 'me\/final'/);
  });

  it("every byte of the signed payload, flipped, fails the signature", async () => {
    const { bundle } = await signLineage(doc(), priv);
    const payload = Buffer.from(bundle.dsseEnvelope.payload, "base64");
    for (let i = 0; i < payload.length; i += 3) {
      const changed = Buffer.from(payload);
      changed[i] = (changed[i] as number) ^ 0x20;
      const tampered = {
        ...bundle,
        dsseEnvelope: { ...bundle.dsseEnvelope, payload: changed.toString("base64") },
      };
      expect((await verify(tampered)).checks[0]?.status).toBe("failed");
    }
  });

  it("readSignedLineage gives the document, the envelope and the key id; an OMS signature is refused", async () => {
    const { bundle, document } = await signLineage(doc(), priv, { modelPath: model });
    const read = readSignedLineage(JSON.stringify(bundle));
    if ("error" in read) throw new Error(read.error);
    expect(read.document).toEqual(document);
    expect(read.envelope).toEqual(bundle.dsseEnvelope);
    expect(read.keyId).toBe(pub.hint);
    const { signModel } = await import("../oms/index.js");
    const oms = await signModel(model, priv);
    expect(readSignedLineage(oms.bundle)).toEqual({ error: expect.stringMatching(/not a signed lineage/) });
    expect(readSignedLineage("{")).toEqual({ error: expect.stringMatching(/not JSON/) });
  });

  it("the signed-lineage fixture (capture → sign of examples/tiny-model) verifies and reads back", async () => {
    const dir = join(import.meta.dirname, "../../../test/fixtures/integrity/signed-lineage");
    const text = readFileSync(join(dir, "lineage.sig.json"), "utf8");
    const report = await verifyBundleText(text, {
      trust: { publicKey: loadPublicKey(join(dir, "test-signer.pub.pem")) },
      predicates: [LINEAGE_HANDLER],
    });
    expect(statuses(report)).toEqual({
      signature: "passed",
      statement: "passed",
      files: "skipped",
      custody: "passed",
    });
    const read = readSignedLineage(text);
    if ("error" in read) throw new Error(read.error);
    expect(read.document.subject.id).toBe("example-org/smollm2-135m-chat-lora");
    expect(read.keyId).toBe(loadPublicKey(join(dir, "test-signer.pub.pem")).hint);
  });
});
