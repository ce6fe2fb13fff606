/**
 * The flagship intermediate-checkpoint case through the real Hub client and the replay server: zephyr-7b-beta's
 * card names Mistral-7B as base_model and says it was first fine-tuned on UltraChat; its config.json names the
 * checkpoint the DPO run started from. The chain is Mistral-7B → SFT → mistral-7b-sft-beta → DPO → zephyr.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ftl } from "../cli/test-io.js";
import type { LineageDocument } from "../schema/lineage.js";
import { validateLineage } from "../validate/validate.js";
import { type ReplayServer, startReplayServer } from "./replay-server.js";

let hub: ReplayServer;
beforeAll(async () => {
  hub = await startReplayServer(join(import.meta.dirname, "../../test/fixtures/hub"));
});
afterAll(async () => {
  await hub.close();
});

describe("ftl import hf: of a model trained from an intermediate checkpoint", () => {
  it("keeps the SFT step and the intermediate checkpoint, with the real base at the root", async () => {
    const r = await ftl(["import", "hf:HuggingFaceH4/zephyr-7b-beta", "--json"], {
      env: { HF_ENDPOINT: hub.url },
    });
    const { document, warnings } = JSON.parse(r.stdout) as {
      document: LineageDocument;
      warnings: { code: string; message: string }[];
    };
    expect(document.bases.map((b) => b.id)).toEqual(["mistralai/Mistral-7B-v0.1"]);
    expect(document.steps.map((s) => (s.kind === "fine-tune" ? s.objective : s.kind))).toEqual([
      "sft",
      "dpo",
    ]);
    expect(document.steps[0]?.output?.id).toBe("HuggingFaceH4/mistral-7b-sft-beta");
    expect(document.steps[0]?.inputs?.datasets?.map((d) => d.id)).toEqual(["HuggingFaceH4/ultrachat_200k"]);
    expect(document.steps[1]?.inputs?.models?.[0]?.id).toBe("HuggingFaceH4/mistral-7b-sft-beta");
    expect(document.subject.id).toBe("HuggingFaceH4/zephyr-7b-beta");
    expect(validateLineage(document).valid).toBe(true);
    expect(warnings.filter((w) => w.code === "extract.invalid-document")).toEqual([]);
  });
});
