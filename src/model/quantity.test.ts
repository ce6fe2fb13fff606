import { describe, expect, it } from "vitest";
import { parseCount, parseDatasetSpec, parseUnit } from "./quantity.js";

describe("counts and dataset specs", () => {
  it("reads counts as people write them", () => {
    expect(parseCount("200k")).toBe(200_000);
    expect(parseCount("1.5M")).toBe(1_500_000);
    expect(parseCount("207,865")).toBe(207_865);
    expect(parseCount("50 000")).toBe(50_000);
    expect(parseCount("12")).toBe(12);
    expect(parseCount("lots")).toBeUndefined();
    expect(parseCount("1,23")).toBeUndefined();
  });

  it("reads units in singular and plural", () => {
    expect(parseUnit("pair")).toBe("pairs");
    expect(parseUnit("Conversations")).toBe("conversations");
    expect(parseUnit("rows")).toBeUndefined();
  });

  it("parses --dataset ID[:COUNT:UNIT]", () => {
    expect(parseDatasetSpec("org/data")).toEqual({ ok: true, dataset: { id: "org/data" } });
    expect(parseDatasetSpec("org/data:50k:pairs")).toEqual({
      ok: true,
      dataset: { id: "org/data", size: { count: 50_000, unit: "pairs" } },
    });
    expect(parseDatasetSpec("org/data:50k")).toMatchObject({ ok: false });
    expect(parseDatasetSpec("org/data:50k:rows")).toMatchObject({
      ok: false,
      message: expect.stringContaining('unit "rows"'),
    });
    expect(parseDatasetSpec(":1:pairs")).toMatchObject({ ok: false });
  });
});
