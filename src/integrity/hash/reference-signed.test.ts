/**
 * ftl's manifests against folders signed by the reference implementation (sigstore/model-transparency):
 * the per-file digests and the root digest inside each signature's DSSE payload must be what hashPath computes.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hashPath } from "./index.js";

const ROOT = join(import.meta.dirname, "../../../test/fixtures/integrity/reference-signed");
const FOLDERS = readdirSync(ROOT).filter((name) => name.startsWith("v"));

interface Statement {
  predicateType: string;
  subject: { name: string; digest: { sha256: string } }[];
  predicate?: {
    serialization: { method: string };
    resources: { name: string; algorithm: string; digest: string }[];
  };
}

function statement(folder: string): Statement {
  const bundle = JSON.parse(readFileSync(join(ROOT, folder, "model.sig"), "utf8"));
  return JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, "base64").toString("utf8"));
}

describe("hashPath matches the reference implementation's signed payloads", () => {
  it("has the reference folders", () => {
    expect(FOLDERS.length).toBeGreaterThanOrEqual(3);
  });

  it.each(FOLDERS)("%s", async (folder) => {
    const s = statement(folder);
    if (s.predicateType === "https://model_signing/Digests/v0.1") {
      // v0.2: one subject per file, no root digest.
      const m = await hashPath(join(ROOT, folder));
      expect(m.resources.map((r) => [r.name, r.digest])).toEqual(
        s.subject.map((x) => [x.name, x.digest.sha256]),
      );
      return;
    }
    expect(s.predicateType).toBe("https://model_signing/signature/v1.0");
    const predicate = s.predicate!;
    expect(predicate.serialization.method).toBe("files");
    const [subject] = s.subject;
    // A model that is a single file is signed as the file itself, its one resource named ".".
    const single = predicate.resources.length === 1 && predicate.resources[0]?.name === ".";
    const target = single ? join(ROOT, folder, subject!.name) : join(ROOT, folder);
    const m = await hashPath(target, { ignorePaths: ["ignore-me"] });
    expect(m.kind).toBe(single ? "file" : "folder");
    expect(m.name).toBe(subject!.name);
    expect(m.resources.map((r) => ({ name: r.name, algorithm: "sha256", digest: r.digest }))).toEqual(
      predicate.resources.map((r) => ({ name: r.name, algorithm: r.algorithm, digest: r.digest })),
    );
    expect(m.rootDigest).toBe(subject!.digest.sha256);
  });
});
