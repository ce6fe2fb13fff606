import { describe, expect, it } from "vitest";
import { cutInLastLine, isSpace, spaceOr, trimChars, trimEnd, trimStart } from "./trim.js";

describe("linear trimming (in place of /[…]+$/ replaces)", () => {
  it("does what the regular expressions it replaces did", () => {
    const samples = [
      "",
      "/",
      "a//",
      "//a//",
      "a.,",
      "**x**",
      " (`x`). ",
      "a\n/tree/b",
      "a/tree/b\nc/blob/d",
      "x@1@2",
    ];
    for (const s of samples) {
      expect(trimEnd(s, "/")).toBe(s.replace(/\/+$/, ""));
      expect(trimStart(s, "/")).toBe(s.replace(/^\/+/, ""));
      expect(trimChars(s, "*_`")).toBe(s.replace(/^[*_`]+|[*_`]+$/g, ""));
      expect(trimChars(s, spaceOr("(`"), spaceOr(").`"))).toBe(s.replace(/^[\s(`]+|[\s).`]+$/g, ""));
      expect(cutInLastLine(s, /\/(?:tree|blob)\//)).toBe(s.replace(/\/(?:tree|blob)\/.*$/, ""));
      expect(cutInLastLine(s, /@/)).toBe(s.replace(/@.*$/, ""));
    }
    expect(isSpace("\u00a0")).toBe(true);
    expect(isSpace("x")).toBe(false);
  });

  it("stays linear on a long run of the trimmed characters", () => {
    const s = `${"/".repeat(200_000)}x`;
    const start = performance.now();
    expect(trimEnd(s, "/")).toBe(s);
    expect(trimStart(s, "/")).toBe("x");
    expect(performance.now() - start).toBeLessThan(500);
  });
});
