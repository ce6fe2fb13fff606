import { describe, expect, it } from "vitest";
import { median, medianOfRounds, percentile } from "./stats.js";
import { formatNumber, markdownTable, textTable } from "./table.js";

describe("bench statistics", () => {
  it("takes nearest-rank percentiles and medians", () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("takes the median of each figure over rounds", () => {
    expect(
      medianOfRounds([
        { p50: 1, p99: 9 },
        { p50: 3, p99: 5 },
        { p50: 2, p99: 7 },
      ]),
    ).toEqual({ p50: 2, p99: 7 });
  });
});

describe("bench tables", () => {
  it("formats numbers with three significant digits and groups large counts", () => {
    expect(formatNumber(0.012345)).toBe("0.0123");
    expect(formatNumber(12.345)).toBe("12.3");
    expect(formatNumber(114456)).toBe("114,456");
    expect(formatNumber(Number.NaN)).toBe("—");
  });

  it("aligns text tables and writes Markdown tables", () => {
    const text = textTable(
      ["query", "ms"],
      [
        ["ancestors", 0.5],
        ["common", 12],
      ],
    );
    expect(text.split("\n")).toEqual([
      "query      ms",
      "---------  -----",
      "ancestors  0.500",
      "common      12.0",
    ]);
    expect(markdownTable(["a", "b"], [["x", 1]])).toBe("| a | b |\n|---|---|\n| x | 1.00 |");
  });
});
