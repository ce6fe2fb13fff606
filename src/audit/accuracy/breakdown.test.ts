import { describe, expect, it } from "vitest";
import { confusionTable, disagreementWarningTable, errorKindTable, type Outcome } from "./breakdown.js";

const outcomes: Outcome[] = [
  { expected: "allowed", got: "allowed", expectedErrors: [], raised: [] },
  {
    expected: "not-allowed",
    got: "unclear",
    expectedErrors: ["non-commercial-ancestor"],
    raised: ["unresolved-base"],
  },
  {
    expected: "not-allowed",
    got: "not-allowed",
    expectedErrors: ["non-commercial-ancestor"],
    raised: ["non-commercial-ancestor"],
  },
  { expected: "unclear", got: "exit 2", expectedErrors: [], raised: [] },
];

describe("audit corpus breakdown", () => {
  it("counts ftl's verdicts under each labelled verdict, with unexpected outputs as their own column", () => {
    expect(confusionTable(outcomes)).toEqual([
      "| label \\ ftl | allowed | allowed-with-warnings | not-allowed | unclear | exit 2 |",
      "| --- | ---: | ---: | ---: | ---: | ---: |",
      "| allowed | 1 | 0 | 0 | 0 | 0 |",
      "| not-allowed | 0 | 0 | 1 | 1 | 0 |",
      "| unclear | 0 | 0 | 0 | 0 | 1 |",
    ]);
  });

  it("gives each error kind its right/raised and found/expected counts", () => {
    expect(errorKindTable(outcomes).slice(2)).toEqual([
      "| non-commercial-ancestor | 1/1 | 1/2 |",
      "| unresolved-base | 0/1 | 0/0 |",
    ]);
  });
});

describe("what ftl's disagreeing verdicts rested on", () => {
  it("counts each warning code once per situation, per label → ftl pair, agreements left out", () => {
    const rows = disagreementWarningTable([
      { expected: "allowed", got: "allowed", expectedErrors: [], raised: [], warnings: ["x"] },
      {
        expected: "allowed",
        got: "allowed-with-warnings",
        expectedErrors: [],
        raised: [],
        warnings: ["undocumented-data", "undocumented-data", "unknown-license (dataset)"],
      },
      {
        expected: "allowed",
        got: "allowed-with-warnings",
        expectedErrors: [],
        raised: [],
        warnings: ["unknown-license (dataset)"],
      },
      { expected: "not-allowed", got: "unclear", expectedErrors: [], raised: [] },
    ]);
    expect(rows.slice(2)).toEqual([
      "| allowed → allowed-with-warnings | 2 | unknown-license (dataset) 2, undocumented-data 1 |",
      "| not-allowed → unclear | 1 | none |",
    ]);
  });
});
