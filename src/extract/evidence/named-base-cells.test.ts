/** A base given as a table row under its label: a Hub id as written, a known name resolved, anything else left. */
import { describe, expect, it } from "vitest";
import type { CardState } from "../card-body.js";
import { readWith } from "./_test-card.js";
import { readBaseCells } from "./named-base-cells.js";

const bases = (s: CardState) => s.proseBases.map((b) => [b.value, b.source.source]);
const table = (label: string, value: string) =>
  ["| Setting | Value |", "| --- | --- |", `| ${label} | ${value} |`, "| Epochs | 3 |"].join("\n");

describe("base model table rows", () => {
  it("reads a Hub id, a Hub link and a known name", () => {
    expect(bases(readWith(readBaseCells, table("Base model", "Qwen/Qwen2.5-7B")))).toEqual([
      ["Qwen/Qwen2.5-7B", "extracted"],
    ]);
    expect(
      bases(
        readWith(
          readBaseCells,
          table("**Base Model**", "[Qwen2.5-7B](https://huggingface.co/Qwen/Qwen2.5-7B)"),
        ),
      ),
    ).toEqual([["Qwen/Qwen2.5-7B", "extracted"]]);
    expect(bases(readWith(readBaseCells, table("基础模型", "Llama 3.2 3B Instruct")))).toEqual([
      ["meta-llama/Llama-3.2-3B-Instruct", "inferred"],
    ]);
  });

  it("leaves other rows and unknown names alone", () => {
    expect(bases(readWith(readBaseCells, table("Model", "Qwen/Qwen2.5-7B")))).toEqual([]);
    expect(bases(readWith(readBaseCells, table("Base model", "our in-house 7B model")))).toEqual([]);
  });
});
