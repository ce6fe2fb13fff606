/** `ftl keygen`, `ftl sign`, `ftl verify` end to end, in process: exit codes, output, bad input. */
import { generateKeyPairSync } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../command.js";
import { ftl, type RunResult } from "../test-io.js";

const cwd = mkdtempSync(join(tmpdir(), "ftl-sign-cli-"));
const REF = join(import.meta.dirname, "../../../test/fixtures/integrity/reference-signed");
const EXAMPLE = join(import.meta.dirname, "../../../examples/zephyr-7b-beta.lineage.json");
const run = (...args: string[]) => ftl(args, { cwd });
const ref = (...args: string[]) => ftl(args, { cwd: REF });

/** No stack trace, no internal error. */
function clean(r: RunResult): RunResult {
  expect(r.code).not.toBe(EXIT.internal);
  expect(`${r.stdout}${r.stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+/);
  return r;
}

beforeAll(() => {
  for (const [name, content] of Object.entries({
    "config.json": '{"model_type":"llama"}',
    "weights.bin": "w".repeat(300),
  }))
    writeFileSync(join(mkdirp(join(cwd, "model")), name), content);
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

function mkdirp(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}

describe("ftl keygen / sign / verify", () => {
  it("keygen writes a P-256 pair (private key owner-only) and refuses to overwrite it", async () => {
    const r = clean(await run("keygen", "--out", "signer"));
    expect(r.code).toBe(EXIT.ok);
    expect(statSync(join(cwd, "signer.pem")).mode & 0o077).toBe(0);
    expect(readFileSync(join(cwd, "signer.pub.pem"), "utf8")).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(clean(await run("keygen", "--out", "signer")).code).toBe(EXIT.usage);
    const p384 = JSON.parse(clean(await run("keygen", "--out", "p384", "--curve", "P-384", "--json")).stdout);
    expect(p384).toMatchObject({ curve: "P-384", keyId: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it("sign --oms then verify: exit 0, every check shown; a changed file: exit 7, named, nothing 'verified'", async () => {
    const signed = clean(
      await run("sign", "--oms", "model", "--key", "signer.pem", "--out", "model/model.sig"),
    );
    expect(signed.code).toBe(EXIT.ok);
    expect(signed.stdout).toMatch(/signed model: 2 files/);
    const ok = clean(await run("verify", "model/model.sig", "--key", "signer.pub.pem", "--model", "model"));
    expect(ok.code).toBe(EXIT.ok);
    expect(ok.stdout).toMatch(/✓ signature[\s\S]*✓ statement[\s\S]*✓ files[\s\S]*verified: model/);
    writeFileSync(join(cwd, "model/config.json"), '{"model_type":"mistral"}');
    const bad = clean(await run("verify", "model/model.sig", "--key", "signer.pub.pem", "--model", "model"));
    writeFileSync(join(cwd, "model/config.json"), '{"model_type":"llama"}');
    expect(bad.code).toBe(EXIT.verifyFailed);
    expect(bad.stdout).toMatch(/changed: config\.json/);
    expect(bad.stdout).not.toMatch(/verified:|✓|\bok\b/);
    const json = JSON.parse(
      clean(await run("verify", "model/model.sig", "--key", "signer.pub.pem", "--json")).stdout,
    );
    expect(json).toMatchObject({ verified: true, predicateType: "https://model_signing/signature/v1.0" });
    expect(json.checks.map((c: { status: string }) => c.status)).toEqual(["passed", "passed", "skipped"]);
  });

  it("the reference implementation's signatures verify with its own commands' arguments", async () => {
    const key = ["--key", "keys/certificate/signing-key-pub.pem"];
    const ca = ["--certificate-chain", "keys/certificate/ca-cert.pem"];
    const ok = [
      [
        "verify",
        "v1.1.0-elliptic-key/model.sig",
        ...key,
        "--model",
        "v1.1.0-elliptic-key",
        "--ignore-paths",
        "v1.1.0-elliptic-key/ignore-me",
      ],
      [
        "verify",
        "v1.0.1-elliptic-key/model.sig",
        ...key,
        "--model",
        "v1.0.1-elliptic-key",
        "--ignore-paths",
        "v1.0.1-elliptic-key/ignore-me",
      ],
      ["verify", "v1.0.0-elliptic-key/model.sig", ...key, "--model", "v1.0.0-elliptic-key/signme-1"],
      [
        "verify",
        "v1.1.0-certificate/model.sig",
        ...ca,
        "--model",
        "v1.1.0-certificate",
        "--ignore-paths",
        "v1.1.0-certificate/ignore-me",
      ],
      ["verify", "v0.2.0-certificate/model.sig", ...ca, "--model", "v0.2.0-certificate"],
    ];
    for (const args of ok) expect(clean(await ref(...args)).code, args.join(" ")).toBe(EXIT.ok);
    const keyless = clean(
      await ref("verify", "v1.1.0-sigstore/model.sig", ...key, "--model", "v1.1.0-sigstore"),
    );
    expect(keyless.code).toBe(EXIT.verifyFailed);
    expect(keyless.stdout).toMatch(/not verified|NOT verified/i);
    expect(keyless.stdout).toMatch(/offline/);
  });

  it("signed lineage: sign with --model, verify with --model; a broken chain of custody is not signed", async () => {
    cpSync(EXAMPLE, join(cwd, "zephyr.json"));
    const signed = clean(
      await run(
        "sign",
        "zephyr.json",
        "--key",
        "signer.pem",
        "--model",
        "model",
        "--out",
        "zephyr.sig.json",
        "--json",
      ),
    );
    expect(signed.code).toBe(EXIT.ok);
    expect(JSON.parse(signed.stdout)).toMatchObject({
      kind: "lineage",
      predicateType: "https://ftl.dev/lineage/v1",
      subject: "HuggingFaceH4/zephyr-7b-beta",
    });
    const ok = clean(await run("verify", "zephyr.sig.json", "--key", "signer.pub.pem", "--model", "model"));
    expect(ok.code).toBe(EXIT.ok);
    expect(ok.stdout).toMatch(/✓ custody/);
    const doc = JSON.parse(readFileSync(EXAMPLE, "utf8"));
    const last = doc.steps[doc.steps.length - 1];
    last.output = {
      ...(last.output ?? {}),
      id: doc.subject.id,
      digest: { algorithm: "sha256", value: "1".repeat(64) },
    };
    doc.subject.digest = { algorithm: "sha256", value: "2".repeat(64) };
    writeFileSync(join(cwd, "broken.json"), JSON.stringify(doc));
    const broken = clean(await run("sign", "broken.json", "--key", "signer.pem"));
    expect(broken.code).toBe(EXIT.invalid);
    expect(broken.stderr).toMatch(/chain of custody is broken[\s\S]*differs from the output of step/);
    expect(existsSync(join(cwd, "broken.sig.json"))).toBe(false);
  });

  it("bad input: clear messages and documented exit codes, never a stack trace", async () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({
      type: "pkcs8",
      format: "pem",
    });
    writeFileSync(join(cwd, "rsa.pem"), rsa);
    writeFileSync(
      join(cwd, "garbled.sig"),
      '{"mediaType": "application/vnd.dev.sigstore.bundle.v0.3+json", "dsseEnv',
    );
    const cases: [string[], number, RegExp][] = [
      [
        ["sign", "--oms", "model", "--key", "signer.pub.pem"],
        EXIT.usage,
        /a public key; signing needs the private key/,
      ],
      [
        ["sign", "--oms", "model", "--key", "rsa.pem"],
        EXIT.usage,
        /an RSA key; OMS signatures need an ECDSA key/,
      ],
      [["sign", "--oms", "nowhere", "--key", "signer.pem"], EXIT.usage, /nowhere/],
      [["sign", "--key", "signer.pem"], EXIT.usage, /either --oms MODEL .* or a LINEAGE/],
      [
        ["verify", "garbled.sig", "--key", "signer.pub.pem"],
        EXIT.verifyFailed,
        /not JSON.*truncated or garbled/,
      ],
      [
        ["verify", "missing.sig", "--key", "signer.pub.pem"],
        EXIT.usage,
        /missing\.sig: no such signature file/,
      ],
      [["verify", "model/model.sig"], EXIT.usage, /needs --key PUB\.pem .* or --certificate-chain/],
      [["verify", "model/model.sig", "--key", "rsa.pem"], EXIT.usage, /an RSA key/],
      [["verify", "model/model.sig", "--key", "p384.pub.pem"], EXIT.verifyFailed, /signed with another key/],
      [["verify", "model/model.sig", "--key", "signer.pub.pem", "--model", "nowhere"], EXIT.usage, /nowhere/],
    ];
    for (const [args, code, message] of cases) {
      const r = clean(await run(...args));
      expect(r.code, args.join(" ")).toBe(code);
      expect(`${r.stdout}${r.stderr}`, args.join(" ")).toMatch(message);
    }
  });
});
