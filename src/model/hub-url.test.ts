import { describe, expect, it } from "vitest";
import { hubModelId, hubRepo, isHubUrl } from "./hub-url.js";

describe("what a Hub address names", () => {
  it.each([
    ["https://huggingface.co/mistralai/Mistral-7B-v0.1", { kind: "model", id: "mistralai/Mistral-7B-v0.1" }],
    ["https://hf.co/Qwen/Qwen2.5-7B/tree/main", { kind: "model", id: "Qwen/Qwen2.5-7B" }],
    ["https://hf-mirror.com/THUDM/chatglm2-6b", { kind: "model", id: "THUDM/chatglm2-6b" }],
    ["https://huggingface.co/gpt2", { kind: "model", id: "gpt2" }],
    ["https://huggingface.co/datasets/tatsu-lab/alpaca", { kind: "dataset", id: "tatsu-lab/alpaca" }],
    ["https://huggingface.co/datasets/squad", { kind: "dataset", id: "squad" }],
  ])("%s", (url, expected) => {
    expect(hubRepo(url)).toEqual(expected);
  });

  it.each([
    "https://huggingface.co/spaces/HuggingFaceH4/open_llm_leaderboard",
    "https://huggingface.co/collections/Qwen/qwen25-66e81a666513e518adb90d9e",
    "https://huggingface.co/docs/transformers/index",
    "https://huggingface.co/papers/2305.14314",
    "https://huggingface.co/learn/nlp-course",
    "https://huggingface.co/blog/dpo-trl",
    "https://huggingface.co/Models",
    "https://huggingface.co/datasets",
    "https://github.com/org/name",
  ])("%s names no repository", (url) => {
    expect(hubRepo(url)).toBeUndefined();
    expect(hubModelId(url)).toBeUndefined();
  });

  it("gives a model's org/name, a clone address's too, and no one-part legacy name", () => {
    expect(hubModelId(" https://huggingface.co/google/gemma-2b.git ")).toBe("google/gemma-2b");
    expect(hubModelId("https://huggingface.co/gpt2")).toBeUndefined();
    expect(hubModelId("https://huggingface.co/datasets/tatsu-lab/alpaca")).toBeUndefined();
    expect(isHubUrl("https://www.huggingface.co/x")).toBe(true);
    expect(isHubUrl("https://example.com/huggingface.co/x")).toBe(false);
  });
});
