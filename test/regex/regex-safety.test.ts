/**
 * No regular expression in src/ backtracks super-linearly (issue 15's class fix for stalls): each literal that
 * recheck has not already called safe (test/regex/safe-patterns.json, written by `npm run audit:regex --
 * --write-cache`) is checked here, and the test fails on a vulnerable or undecided pattern, naming file and line.
 */
import { checkSync } from "recheck";
import { describe, expect, it } from "vitest";
import { readSafeCache, regexLiterals } from "./regex-literals.js";

describe("regular expressions in src/", () => {
  const literals = regexLiterals("src");
  const cached = readSafeCache();

  it("finds the patterns (the walk works)", () => {
    expect(literals.length).toBeGreaterThan(300);
    expect(literals.every((l) => l.text.startsWith("/"))).toBe(true);
  });

  it("are all safe from super-linear backtracking (recheck)", () => {
    const unsafe: string[] = [];
    for (const l of literals.filter((x) => !cached.has(x.text))) {
      const res = checkSync(l.source, l.flags, { timeout: 10_000 });
      if (res.status !== "safe") {
        const why =
          res.status === "vulnerable" ? `${res.complexity.type}, e.g. ${res.attack.pattern}` : res.status;
        unsafe.push(`${l.file}:${l.line} ${l.text.slice(0, 80)} (${why})`);
      }
    }
    expect(unsafe).toEqual([]);
  }, 300_000);

  it("recheck itself flags a known super-linear pattern (the check can fail)", () => {
    expect(checkSync("^(a+)+$", "", { timeout: 10_000 }).status).toBe("vulnerable");
    expect(checkSync(String.raw`\s*,?\s*x`, "", { timeout: 10_000 }).status).toBe("vulnerable");
  });
});
