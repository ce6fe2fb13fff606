/** The one rule every reference goes through, and the stated rule that links a local folder to a Hub id. */
import { describe, expect, it } from "vitest";
import { extractGroups } from "./extract-from-files.js";
import { emptyStep, extracted, type FileFacts, fact } from "./facts.js";
import { localHubLink, normaliseRefs } from "./normalise-refs.js";

describe("a local folder linked to a Hub id", () => {
  it("links the same name at 0.7 and a shortened name (family and size words) at 0.6", () => {
    expect(localHubLink("local:/home/u/Llama-2-7b-chat-hf", "meta-llama/Llama-2-7b-chat-hf")).toMatchObject({
      hub: "meta-llama/Llama-2-7b-chat-hf",
      confidence: 0.7,
      rule: "same name",
    });
    expect(
      localHubLink("kakaocorp/kanana-1.5-8b-instruct-2505", "local:/mnt/c/x/models/kanana-8b"),
    ).toMatchObject({ confidence: 0.6, rule: "shortened name" });
  });

  it("links nothing for generic folders, a family word alone, another model, or two Hub ids", () => {
    expect(localHubLink("local:/tmp/sft/epoch_0", "meta-llama/Llama-3.2-3B")).toBeUndefined();
    expect(localHubLink("local:./checkpoint-500", "meta-llama/Llama-3.2-3B")).toBeUndefined();
    expect(localHubLink("local:/models/llama", "meta-llama/Llama-3.2-3B")).toBeUndefined();
    expect(localHubLink("local:/models/qwen-7b", "meta-llama/Llama-2-7b-hf")).toBeUndefined();
    expect(localHubLink("Qwen/Qwen2-7B", "meta-llama/Llama-2-7b-hf")).toBeUndefined();
  });

  it("a chain starting from a local folder starts from the Hub base the run's card names (inferred)", () => {
    const card = "---\nbase_model: meta-llama/Llama-2-7b-chat-hf\nlibrary_name: peft\n---\n# My adapter\n";
    const config = JSON.stringify({
      base_model_name_or_path: "/data/Llama-2-7b-chat-hf",
      peft_type: "LORA",
      r: 8,
    });
    const r = extractGroups([
      { path: "out/README.md", text: card },
      { path: "out/adapter_config.json", text: config },
    ]);
    expect(r.documents).toHaveLength(1);
    const doc = r.documents[0]?.document;
    expect(doc?.bases.map((b) => b.id)).toEqual(["meta-llama/Llama-2-7b-chat-hf"]);
    expect(doc?.steps[0]?.notes).toContain("loaded from local:/data/Llama-2-7b-chat-hf");
  });
});

describe("placeholders", () => {
  it("drops a step whose only parent was a placeholder and that says nothing but its output", () => {
    const src = extracted("README.md");
    const hollow = emptyStep("fine-tune", src);
    hollow.inputs.push(fact({ id: "None" }, src));
    hollow.output = fact("/mnt/models/kanana-8b", src);
    const real = emptyStep("fine-tune", src);
    real.inputs.push(fact({ id: "None" }, src));
    real.objective = fact("sft", src);
    const file: FileFacts = {
      file: "README.md",
      kind: "model-card",
      bases: [],
      steps: [hollow, real],
      warnings: [],
    };
    const warnings = normaliseRefs(file);
    expect(file.steps).toEqual([real]);
    expect(warnings.some((w) => w.code === "extract.placeholder")).toBe(true);
  });
});
