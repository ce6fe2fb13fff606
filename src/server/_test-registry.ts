/**
 * Test support (not exported): a registry for the server's tests — the bundled examples, the hostile-ids
 * fixture, and `fixture/base` with 60 descendants of every relation (enough to page through).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { LineageDocument } from "../schema/lineage.js";
import { oneStep } from "../store/_test-stores.js";
import { openStore } from "../store/index.js";
import type { AddInput, Store } from "../store/store.js";

const root = new URL("../../", import.meta.url).pathname;

export const HOSTILE_ID = `local:<script>window.__pwned=1</script>"q'--><b>x`;
export const HOSTILE_DATASET = `evil/<script>window.__pwned=4</script>--> "'`;
export const FAN_OUT = 60;

function read(path: string): LineageDocument {
  return JSON.parse(readFileSync(path, "utf8")) as LineageDocument;
}

/** The documents of the test registry. */
export function testDocuments(): AddInput[] {
  const examples = readdirSync(join(root, "examples"))
    .filter((f) => f.endsWith(".lineage.json"))
    .map((f) => ({ document: read(join(root, "examples", f)), source: `examples/${f}` }));
  const hostile = {
    document: read(join(root, "test/fixtures/serve/hostile.lineage.json")),
    source: "hostile",
  };
  const kinds = [
    { kind: "fine-tune", objective: "sft", parameterization: "full" },
    { kind: "fine-tune", objective: "dpo", parameterization: "lora" },
    { kind: "merge", method: "slerp" },
    { kind: "quantization", method: "gguf" },
  ] as const;
  const fan: AddInput[] = [];
  for (let i = 1; i <= FAN_OUT; i++) {
    const shape = kinds[i % kinds.length]!;
    const id = `fixture/child-${String(i).padStart(2, "0")}`;
    const parents = shape.kind === "merge" ? ["fixture/base", "fixture/other"] : ["fixture/base"];
    fan.push({
      document: oneStep(id, parents, { ...shape, datasets: i % 3 === 0 ? ["fixture/data"] : [] }),
      source: "fixture",
    });
  }
  // A second source tells Zephyr's last step differently: the two documents disagree (about content).
  const other: AddInput = {
    document: {
      format: "ftl/v1",
      subject: { id: "HuggingFaceH4/zephyr-7b-beta", license: "mit" },
      bases: [{ id: "HuggingFaceH4/mistral-7b-sft-beta" }],
      steps: [
        {
          id: "dpo",
          kind: "fine-tune",
          objective: "dpo",
          parameterization: "full",
          inputs: {
            models: [{ id: "HuggingFaceH4/mistral-7b-sft-beta" }],
            datasets: [{ id: "HuggingFaceH4/ultrafeedback_binarized" }],
          },
          hyperparameters: { learningRate: 5e-7, epochs: 3, beta: 0.1 },
          output: { id: "HuggingFaceH4/zephyr-7b-beta" },
          provenance: { source: "declared", by: "a registry curator" },
        },
      ],
    },
    source: "curated",
  };
  return [...examples, hostile, other, ...fan];
}

/** A new registry at `location` filled with {@link testDocuments}. */
export async function testRegistry(location: string): Promise<Store> {
  const store = await openStore(location);
  await store.addDocuments(testDocuments());
  return store;
}
