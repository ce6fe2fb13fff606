import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { rubricMarkdown } from "./rubric-markdown.js";

it("the README's rubric table is the one the code uses", () => {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const table = /<!-- rubric:start -->\n([\s\S]*?)\n<!-- rubric:end -->/.exec(readme)?.[1];
  expect(table).toBe(rubricMarkdown());
});
