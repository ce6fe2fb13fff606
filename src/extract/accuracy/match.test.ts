/** Dataset labels written as named match a Hub id by its name part; files, paths and other names do not. */
import { describe, expect, it } from "vitest";
import { datasetsMatch } from "./match.js";

describe("datasetsMatch", () => {
  it("matches ids exactly, case and URL prefix aside", () => {
    expect(datasetsMatch("tatsu-lab/alpaca", "https://huggingface.co/datasets/Tatsu-Lab/alpaca")).toBe(true);
    expect(datasetsMatch("tatsu-lab/alpaca", "yahma/alpaca")).toBe(false);
  });

  it("matches a label written as named with a Hub id's name part", () => {
    expect(datasetsMatch("databricks/databricks-dolly-15k", "Databricks Dolly 15k")).toBe(true);
    expect(datasetsMatch("HuggingFaceH4/ultrachat_200k", "name:UltraChat 200k")).toBe(true);
    expect(datasetsMatch("tatsu-lab/alpaca", "Alpaca")).toBe(true);
  });

  it("does not match other names, files or paths", () => {
    expect(datasetsMatch("nyu-mll/multi_nli", "MNLI")).toBe(false);
    expect(datasetsMatch("yahma/alpaca-cleaned", "Alpaca")).toBe(false);
    expect(datasetsMatch("someone/alpaca.json", "alpaca.json")).toBe(false);
    expect(datasetsMatch("alpaca", "Alpaca")).toBe(true);
    expect(datasetsMatch("local:data/alpaca", "Alpaca")).toBe(false);
  });
});
