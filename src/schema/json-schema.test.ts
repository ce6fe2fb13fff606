import { readdirSync, readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { lineageJsonSchema } from "./json-schema.js";

const committedPath = new URL("../../schema/ftl-v1.schema.json", import.meta.url);
const examplesDir = new URL("../../examples/", import.meta.url);

describe("published JSON Schema", () => {
  it("matches the zod source of truth (run `npm run schema:write` after changing src/schema)", () => {
    const committed = JSON.parse(readFileSync(committedPath, "utf8"));
    expect(committed).toEqual(lineageJsonSchema());
  });

  it("accepts every bundled example and rejects a broken one, with ajv (an independent validator)", () => {
    const ajv = new Ajv2020.default({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(committedPath, "utf8")));
    const files = readdirSync(examplesDir).filter((f) => f.endsWith(".lineage.json"));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      const doc = JSON.parse(readFileSync(new URL(file, examplesDir), "utf8"));
      expect(validate(doc), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(
      validate({
        format: "ftl/v1",
        subject: { id: "x" },
        bases: [],
        steps: [{ id: "s", kind: "fine-tune", objective: "magic" }],
      }),
    ).toBe(false);
  });
});
