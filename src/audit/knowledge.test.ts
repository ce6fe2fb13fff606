import { describe, expect, it } from "vitest";
import { DATASETS } from "./data/datasets.js";
import { FAMILIES } from "./data/families.js";
import { LICENSES } from "./data/licenses.js";
import { datasetEntry, familyFor, licenseEntry } from "./knowledge.js";
import { mostPermissiveOption, resolveLicense } from "./resolve-license.js";

describe("the knowledge base", () => {
  it("gives every licence, family and dataset an https source", () => {
    for (const entry of [...LICENSES, ...FAMILIES, ...DATASETS])
      expect(entry.source).toMatch(/^https:\/\/\S+$/);
  });

  it("has unique licence keys (id, SPDX id, aliases)", () => {
    const keys = LICENSES.flatMap((e) => [
      ...new Set(
        [e.id, e.spdx, ...(e.aliases ?? [])].filter((k) => k !== undefined).map((k) => k.toLowerCase()),
      ),
    ]);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it("names only reviewed licences in the family and dataset tables", () => {
    for (const f of FAMILIES) {
      expect(licenseEntry(f.license), f.family).toBeDefined();
      expect(() => new RegExp(f.pattern, "i")).not.toThrow();
      for (const up of f.upstream ?? []) expect(licenseEntry(up.license)).toBeDefined();
    }
    for (const d of DATASETS) {
      expect(licenseEntry(d.license), d.id).toBeDefined();
      if (d.outputsOf) expect(licenseEntry(d.outputsOf)).toBeDefined();
    }
  });

  it("covers the Hub licence ids the issue lists", () => {
    for (const id of [
      "llama2",
      "llama3",
      "llama3.1",
      "llama3.2",
      "llama3.3",
      "llama4",
      "gemma",
      "openrail",
      "openrail++",
      "creativeml-openrail-m",
      "bigscience-openrail-m",
      "bigscience-bloom-rail-1.0",
      "apple-ascl",
      "deepseek",
      "qwen",
      "tongyi-qianwen",
      "cc-by-4.0",
      "cc-by-sa-4.0",
      "cc-by-nc-4.0",
      "cc-by-nc-sa-4.0",
      "odc-by",
      "apache-2.0",
      "mit",
      "openai",
    ])
      expect(licenseEntry(id), id).toBeDefined();
  });

  it.each([
    ["meta-llama/Llama-3.1-8B", "llama3.1", true],
    ["meta-llama/Meta-Llama-3.1-8B-Instruct", "llama3.1", true],
    ["meta-llama/Meta-Llama-3-8B", "llama3", true],
    ["meta-llama/Llama-3.2-1B", "llama3.2", true],
    ["meta-llama/Llama-3.3-70B-Instruct", "llama3.3", true],
    ["meta-llama/Llama-4-Scout-17B-16E-Instruct", "llama4", true],
    ["meta-llama/Llama-2-13b-chat-hf", "llama2", true],
    ["mistralai/Mistral-7B-v0.1", "apache-2.0", true],
    ["mistralai/Mixtral-8x7B-Instruct-v0.1", "apache-2.0", true],
    ["mistralai/Mistral-Large-Instruct-2407", "mrl", true],
    ["google/gemma-2-9b-it", "gemma", true],
    ["google/gemma-3-27b-it", "gemma", true],
    ["Qwen/Qwen2.5-7B-Instruct", "apache-2.0", true],
    ["Qwen/Qwen2.5-3B-Instruct", "qwen-research", true],
    ["Qwen/Qwen2.5-72B-Instruct", "qwen", true],
    ["Qwen/Qwen2-72B", "tongyi-qianwen", true],
    ["Qwen/Qwen1.5-7B-Chat", "tongyi-qianwen", true],
    ["Qwen/CodeQwen1.5-7B", "qwen-research", true],
    ["Qwen/Qwen3-14B", "apache-2.0", true],
    ["microsoft/Phi-3-mini-4k-instruct", "mit", true],
    ["allenai/OLMo-2-1124-7B", "apache-2.0", true],
    ["tiiuae/falcon-7b", "apache-2.0", true],
    ["tiiuae/falcon-180B", "falcon-180b", true],
    ["deepseek-ai/DeepSeek-R1", "mit", true],
    ["deepseek-ai/deepseek-llm-7b-base", "deepseek", true],
    ["01-ai/Yi-34B", "apache-2.0", true],
    ["HuggingFaceTB/SmolLM2-1.7B-Instruct", "apache-2.0", true],
    ["TinyLlama/TinyLlama-1.1B-Chat-v1.0", "apache-2.0", true],
    ["facebook/musicgen-small", "cc-by-nc-4.0", true],
    ["internlm/internlm2_5-7b-chat", "apache-2.0", true],
    ["internlm/internlm3-8b-instruct", "apache-2.0", true],
    ["internlm/internlm2-chat-7b", "internlm", true],
    ["unsloth/llama-3-8b-bnb-4bit", "llama3", false],
    ["unsloth/Meta-Llama-3.1-8B-bnb-4bit", "llama3.1", false],
    ["NousResearch/Llama-2-7b-hf", "llama2", false],
    ["TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF", "apache-2.0", false],
    ["unsloth/gemma-2-9b", "gemma", false],
  ])("matches %s to %s", (id, license, official) => {
    const match = familyFor(id);
    expect(match?.license.id).toBe(license);
    expect(match?.entry.official).toBe(official);
  });

  it("does not match unrelated ids", () => {
    expect(familyFor("vaiv/GeM2-Llamion-14B-Chat")).toBeUndefined();
    // Zephyr 7B β has its own entry (MIT, stop 27): never the Mistral family's by its base.
    expect(familyFor("HuggingFaceH4/zephyr-7b-beta")?.entry.family).toBe("Zephyr 7B β");
  });
});

describe("resolveLicense", () => {
  it("reads Hub ids, SPDX ids in any case, aliases and `other` with a name", () => {
    expect(resolveLicense("Apache-2.0")?.options[0]?.[0]).toMatchObject({
      kind: "known",
      entry: { id: "apache-2.0" },
    });
    expect(resolveLicense("ODC-By-1.0")?.status).toBe("known");
    expect(resolveLicense("other", { name: "tongyi-qianwen" })?.options[0]?.[0]).toMatchObject({
      entry: { id: "tongyi-qianwen" },
    });
    expect(resolveLicense("other", { name: "llama3" })?.text).toBe("other (llama3)");
    expect(resolveLicense(undefined)).toBeUndefined();
  });

  it("reads expressions, including names with spaces, and picks the most permissive option", () => {
    const either = resolveLicense("Apache 2.0 OR cc-by-nc-4.0")!;
    expect(either.status).toBe("known");
    expect(mostPermissiveOption(either).map((t) => t.text)).toEqual(["Apache 2.0"]);
    const both = resolveLicense("(MIT AND llama3.1)")!;
    expect(both.options).toHaveLength(1);
    expect(both.options[0]?.map((t) => (t.kind === "known" ? t.entry.id : t.text))).toEqual([
      "mit",
      "llama3.1",
    ]);
  });

  it("keeps unknown and unreviewed SPDX licences as data", () => {
    expect(resolveLicense("EPL-2.0")?.options[0]?.[0]).toMatchObject({ kind: "spdx", spdx: "EPL-2.0" });
    expect(resolveLicense("my own licence")).toMatchObject({ status: "unknown" });
    expect(resolveLicense("other")).toMatchObject({ status: "unknown" });
    expect(resolveLicense("((mit")).toMatchObject({ status: "unknown" });
  });
});

describe("datasetEntry", () => {
  it("finds a dataset by Hub id, or by a bare name (as trainer configs give it) that only one entry has", () => {
    expect(datasetEntry("allenai/sciq")?.license).toBe("cc-by-nc-3.0");
    expect(datasetEntry("sciq")?.id).toBe("allenai/sciq");
    expect(datasetEntry("Sci-Q")?.id).toBe("allenai/sciq");
    expect(datasetEntry("alpaca_gpt4_data")?.id).toBe("vicgalle/alpaca-gpt4");
    expect(datasetEntry("someone/sciq")).toBeUndefined();
    expect(datasetEntry("databricks_dolly_15k")?.id).toBe("databricks/databricks-dolly-15k");
    expect(datasetEntry("code_alpaca_20k")?.outputsOf).toBe("openai-outputs");
    expect(datasetEntry("my_data")).toBeUndefined();
  });
});

describe("familyFor a model named without an id", () => {
  it("reads the name as ids spell it, as an inference, with the size's own licence", () => {
    const qwen3b = familyFor("name:Qwen2.5 3B Instruct");
    expect([qwen3b?.entry.license, qwen3b?.entry.official]).toEqual(["qwen-research", false]);
    expect(familyFor("name:Llama 2 7B Chat")?.entry.license).toBe("llama2");
    expect(familyFor("name:Some Unknown Model 7B")).toBeUndefined();
  });
});
