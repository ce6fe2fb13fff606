import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LineageDocument } from "../schema/lineage.js";
import { validateLineage } from "../validate/validate.js";
import { HubError } from "./hub-error.js";
import { importFromHub } from "./import-from-hub.js";
import { type ReplayServer, startReplayServer } from "./replay-server.js";

const FIXTURES = fileURLToPath(new URL("../../test/fixtures/hub", import.meta.url));
const GGUF = "TheBloke/NeuralHermes-2.5-Mistral-7B-GGUF";
const DPO = "mlabonne/NeuralHermes-2.5-Mistral-7B";
const SFT = "teknium/OpenHermes-2.5-Mistral-7B";
const BASE = "mistralai/Mistral-7B-v0.1";
const MERGE = "Weyaxi/OpenHermes-2.5-neural-chat-v3-3-Slerp";
const INTEL = "Intel/neural-chat-7b-v3-3";
const ADAPTER = "naik-vatsal/iam-policy-generator-config-a";
const GATED = "mistralai/Mistral-7B-v0.3";

let hub: ReplayServer;
beforeAll(async () => {
  hub = await startReplayServer(FIXTURES);
});
afterAll(async () => {
  await hub.close();
});

/** Step outputs that are Hub models, in document order. */
const outputs = (doc: LineageDocument) =>
  doc.steps.map((s) => s.output?.id).filter((id) => id?.includes("/"));
const noWait = async () => {};

async function hubFailure(promise: Promise<unknown>): Promise<HubError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HubError) return error;
    throw error;
  }
  throw new Error("expected a HubError");
}

describe("importFromHub: chains", () => {
  it("follows a GGUF quant → DPO → SFT → base chain into one valid document", async () => {
    const { document, warnings } = await importFromHub(`hf:${GGUF}`, { endpoint: hub.url });
    expect(validateLineage(document).valid).toBe(true);
    expect(document.subject.id).toBe(GGUF);
    expect(document.subject.revision).toMatch(/^[0-9a-f]{40}$/);
    expect(document.bases.map((b) => b.id)).toEqual([BASE]);
    expect(document.bases[0]?.revision).toMatch(/^[0-9a-f]{40}$/);
    expect(outputs(document)).toEqual([SFT, DPO, GGUF]);
    const quant = document.steps.find((s) => s.output?.id === GGUF);
    expect(quant?.kind).toBe("quantization");
    // every model and file of the chain was read (what the extractor thinks of the files is its own business)
    expect(warnings.filter((w) => /^hub\.(gated|unauthorized|parent-|file-)/.test(w.code))).toEqual([]);
    // every fact points back at the replay Hub, at the pinned commit
    for (const step of document.steps) {
      expect(step.output?.url?.startsWith(hub.url)).toBe(true);
      expect(step.output?.revision).toMatch(/^[0-9a-f]{40}$/);
    }
    const provenanceFile = document.steps.find((s) => s.output?.id === DPO)?.provenance?.file;
    if (provenanceFile)
      expect(provenanceFile).toMatch(new RegExp(`^${hub.url}/${DPO}/resolve/[0-9a-f]{40}/`));
  });

  it("stops at the depth limit and keeps the next parent as a base", async () => {
    const one = await importFromHub(`hf:${GGUF}`, { endpoint: hub.url, depth: 1 });
    expect(outputs(one.document)).toEqual([DPO, GGUF]);
    expect(one.document.bases.map((b) => b.id)).toEqual([SFT]);
    expect(one.warnings.map((w) => w.code)).toContain("hub.depth-limit");
    const zero = await importFromHub(`hf:${GGUF}`, { endpoint: hub.url, depth: 0 });
    expect(outputs(zero.document)).toEqual([GGUF]);
    expect(zero.document.bases.map((b) => b.id)).toEqual([DPO]);
  });

  it("follows every parent of a merge, sharing their common base", async () => {
    const { document } = await importFromHub(`hf:${MERGE}`, { endpoint: hub.url });
    expect(validateLineage(document).valid).toBe(true);
    expect(document.bases.map((b) => b.id)).toEqual([BASE]);
    const merge = document.steps.find((s) => s.output?.id === MERGE);
    expect(merge?.kind).toBe("merge");
    const inputs = (merge?.inputs?.models ?? []).map((m) => m.id);
    expect(inputs).toEqual(expect.arrayContaining([SFT, INTEL]));
    expect(outputs(document).slice(-1)).toEqual([MERGE]);
    expect(new Set(outputs(document))).toEqual(new Set([SFT, INTEL, MERGE]));
  });

  it("reads a LoRA adapter; a gated base's files need a granted token", async () => {
    const anonymous = await importFromHub(`hf:${ADAPTER}`, { endpoint: hub.url });
    expect(anonymous.document.bases.map((b) => b.id)).toEqual([GATED]);
    const adapterStep = anonymous.document.steps.find((s) => s.output?.id === ADAPTER);
    expect(adapterStep?.kind).toBe("fine-tune");
    expect(
      adapterStep && "parameterization" in adapterStep ? adapterStep.parameterization : undefined,
    ).toMatch(/lora|qlora|dora/);
    const gated = anonymous.warnings.find((w) => w.code === "hub.gated");
    expect(gated?.message).toContain(GATED);
    expect(gated?.message).toContain("HF_TOKEN");
    expect(anonymous.complete).toBe(false);

    const before = hub.requests.length;
    const granted = await importFromHub(`hf:${ADAPTER}`, { endpoint: hub.url, token: "hf_replay_granted" });
    expect(granted.warnings.map((w) => w.code)).not.toContain("hub.gated");
    expect(hub.requests.slice(before).every((r) => r.authorization === "Bearer hf_replay_granted")).toBe(
      true,
    );

    const refused = await importFromHub(`hf:${ADAPTER}`, { endpoint: hub.url, token: "hf_someone_else" });
    expect(refused.warnings.find((w) => w.code === "hub.gated")?.message).toContain("(403)");
  });

  it("reads HF_ENDPOINT and HF_TOKEN from the environment", async () => {
    const saved = { endpoint: process.env.HF_ENDPOINT, token: process.env.HF_TOKEN };
    process.env.HF_ENDPOINT = hub.url;
    process.env.HF_TOKEN = "hf_replay_granted";
    try {
      const { complete } = await importFromHub(`hf:${ADAPTER}`);
      expect(complete).toBe(true);
    } finally {
      for (const [key, value] of [
        ["HF_ENDPOINT", saved.endpoint],
        ["HF_TOKEN", saved.token],
      ] as const)
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
    }
  });

  it("keeps a missing (404) parent as a base and says the result is incomplete", async () => {
    const { document, warnings, complete } = await importFromHub("hf:example-org/orphan-ft", {
      endpoint: hub.url,
    });
    expect(document.bases.map((b) => b.id)).toEqual(["example-org/deleted-base"]);
    const warning = warnings.find((w) => w.code === "hub.parent-not-found");
    expect(warning?.message).toContain("example-org/deleted-base");
    expect(complete).toBe(false);
  });

  it("keeps a base model that is a local path, without following it", async () => {
    const { document, warnings } = await importFromHub("hf:aa-n/Qwen3_Lora", { endpoint: hub.url });
    // A local path is kept as a local reference, apart from Hub ids.
    expect(document.bases.map((b) => b.id)).toContain("local:/dev/shm/Qwen/Qwen3-14B");
    expect(warnings.map((w) => w.code)).toContain("hub.parent-not-hub-id");
    expect(hub.requests.some((r) => r.url.includes("dev/shm"))).toBe(false);
  });

  it("reads a Trainer's training_args.bin from the repository, as data: the TRL config names DPO", async () => {
    const { document, warnings } = await importFromHub("hf:example-org/qwen-dpo-lora", {
      endpoint: hub.url,
      depth: 0,
    });
    const step = document.steps.find((s) => s.kind === "fine-tune");
    expect(step).toMatchObject({ objective: "dpo", parameterization: "lora" });
    expect(step?.hyperparameters).toMatchObject({ learningRate: 2e-4, beta: 0.1, seed: 1234 });
    expect(warnings.map((w) => w.code)).not.toContain("hub.file-unreadable");
    expect(
      hub.requests.some((r) => r.url.includes("/resolve/") && r.url.endsWith("/training_args.bin")),
    ).toBe(true);
  });

  it("pins files to the commit of the requested revision", async () => {
    const before = hub.requests.length;
    const { document } = await importFromHub(`hf:${BASE}@main`, { endpoint: hub.url });
    expect(document.subject.revision).toMatch(/^[0-9a-f]{40}$/);
    const fileRequests = hub.requests.slice(before).filter((r) => r.url.includes("/resolve/"));
    expect(fileRequests.length).toBeGreaterThan(0);
    for (const r of fileRequests) expect(r.url).toContain(`/resolve/${document.subject.revision}/`);
    expect(document.steps).toEqual([]);
  });
});

describe("importFromHub: failures", () => {
  it("404 on the requested model names it and what to check", async () => {
    const error = await hubFailure(importFromHub("hf:nobody/missing-model", { endpoint: hub.url }));
    expect(error.code).toBe("not-found");
    expect(error.message).toContain("nobody/missing-model");
    expect(error.message).toMatch(/check the id/);
  });

  it("an unknown revision is its own error", async () => {
    const error = await hubFailure(importFromHub(`hf:${BASE}@no-such-branch`, { endpoint: hub.url }));
    expect(error.code).toBe("revision-not-found");
    expect(error.message).toContain("no-such-branch");
  });

  it("bad references and tokens are refused before any request", async () => {
    const before = hub.requests.length;
    expect((await hubFailure(importFromHub("hf:not a model", { endpoint: hub.url }))).code).toBe(
      "bad-reference",
    );
    expect((await hubFailure(importFromHub(`hf:${BASE}`, { endpoint: hub.url, token: "secret" }))).code).toBe(
      "bad-token",
    );
    expect(hub.requests.length).toBe(before);
  });

  it("an unreachable host gives a clear message", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await hubFailure(importFromHub(`hf:${BASE}`, { endpoint: `http://127.0.0.1:${port}` }));
    expect(error.code).toBe("unreachable");
    expect(error.message).toContain(BASE);
    expect(error.message).toContain("HF_ENDPOINT");
  });

  it("429 with Retry-After: waits as told, then succeeds", async () => {
    const waits: number[] = [];
    hub.script(
      `/api/models/${BASE}/revision/HEAD`,
      { status: 429, headers: { "Retry-After": "7" }, body: "Too Many Requests" },
      { status: 429, headers: { "Retry-After": "3" }, body: "Too Many Requests" },
    );
    const progress: string[] = [];
    const { document } = await importFromHub(`hf:${BASE}`, {
      endpoint: hub.url,
      sleep: async (ms) => {
        waits.push(ms);
      },
      onProgress: (m) => progress.push(m),
    });
    expect(document.subject.id).toBe(BASE);
    expect(waits).toEqual([7000, 3000]);
    expect(progress.some((m) => m.includes("429"))).toBe(true);
  });

  it("429 that does not end: bounded retries, then a rate-limit error", async () => {
    const busy = { status: 429, headers: { "Retry-After": "5" }, body: "" };
    hub.script(`/api/models/${BASE}/revision/HEAD`, busy, busy, busy);
    const error = await hubFailure(
      importFromHub(`hf:${BASE}`, { endpoint: hub.url, sleep: noWait, maxRetries: 2 }),
    );
    expect(error.code).toBe("rate-limited");
    expect(error.message).toContain("try again in 5 s");
    expect(error.message).toContain("2 polite retries");
  });

  it("a Retry-After longer than the longest wait is not waited for", async () => {
    const waits: number[] = [];
    hub.script(`/api/models/${BASE}/revision/HEAD`, { status: 429, headers: { "Retry-After": "3600" } });
    const error = await hubFailure(
      importFromHub(`hf:${BASE}`, { endpoint: hub.url, sleep: async (ms) => void waits.push(ms) }),
    );
    expect(error.code).toBe("rate-limited");
    expect(waits).toEqual([]);
  });

  it("a truncated file is retried once, then reported; nothing is returned", async () => {
    const path = `/${BASE}/resolve/c1f03136f46d6a7fdbca0813ad31b67dabbe6e87/README.md`;
    const cut = {
      status: 200,
      headers: { "Content-Type": "text/plain" },
      body: "x".repeat(1000),
      truncateAt: 100,
    };
    hub.script(path, "fixture", cut, "fixture", cut);
    const error = await hubFailure(importFromHub(`hf:${BASE}`, { endpoint: hub.url }));
    expect(error.code).toBe("truncated");
    expect(error.message).toContain(BASE);
    expect(error.message).toContain("README.md");
  });

  it("a single truncated response is retried and the import completes", async () => {
    const path = `/api/models/${BASE}/revision/HEAD`;
    hub.script(path, {
      status: 200,
      headers: { "Content-Type": "application/json" },
      body: '{"_id":"x","id":"a","sha":"',
      truncateAt: 10,
    });
    const { document } = await importFromHub(`hf:${BASE}`, { endpoint: hub.url });
    expect(document.subject.id).toBe(BASE);
  });

  it("truncated model info twice is reported as truncated", async () => {
    const path = `/api/models/${BASE}/revision/HEAD`;
    const cut = {
      status: 200,
      headers: { "Content-Type": "application/json" },
      body: `{"_id":"x","id":"${BASE}","sha":"0000"}`,
      truncateAt: 12,
    };
    hub.script(path, cut, cut);
    const error = await hubFailure(importFromHub(`hf:${BASE}`, { endpoint: hub.url }));
    expect(error.code).toBe("truncated");
    expect(error.message).toContain("model info");
  });
});

describe("importFromHub: loops", () => {
  it("drops the link that closes a loop of base models and stays valid", async () => {
    const info = (id: string, parent: string) => ({
      status: 200,
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        _id: id,
        id,
        sha: id === "loop/a" ? "a".repeat(40) : "b".repeat(40),
        private: false,
        gated: false,
        tags: [],
        cardData: { base_model: parent },
        siblings: [{ rfilename: "model.safetensors" }],
      }),
    });
    hub.script("/api/models/loop/a/revision/HEAD", info("loop/a", "loop/b"));
    hub.script("/api/models/loop/b/revision/HEAD", info("loop/b", "loop/a"));
    const { document, warnings } = await importFromHub("hf:loop/a", { endpoint: hub.url });
    expect(warnings.map((w) => w.code)).toContain("hub.cycle");
    expect(validateLineage(document).valid).toBe(true);
    expect(document.bases.map((b) => b.id)).toEqual(["loop/b"]);
    expect(outputs(document)).toEqual(["loop/a"]);
  });
});

describe("importFromHub: gateway hiccups", () => {
  it("retries a 502 with back-off, then reads the model", async () => {
    const waits: number[] = [];
    hub.script(`/api/models/${BASE}/revision/HEAD`, { status: 502, body: "Bad Gateway" });
    const { document } = await importFromHub(`hf:${BASE}`, {
      endpoint: hub.url,
      sleep: async (ms) => void waits.push(ms),
    });
    expect(document.subject.id).toBe(BASE);
    expect(waits).toEqual([1000]);
  });

  it("a persistent 500 is a server error naming the model", async () => {
    hub.script(`/api/models/${BASE}/revision/HEAD`, { status: 500, body: "oops" });
    const error = await hubFailure(importFromHub(`hf:${BASE}`, { endpoint: hub.url }));
    expect(error.code).toBe("server-error");
    expect(error.message).toContain(BASE);
  });
});
