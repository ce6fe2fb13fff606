import { z } from "zod";
import { LineageDocumentSchema } from "./lineage.js";

/** Public URL the schema is published under (its `$id`). */
export const SCHEMA_ID = "https://github.com/fine-tune-lineage/ftl/schema/ftl-v1.schema.json";

/**
 * The JSON Schema (draft 2020-12) of the ftl/v1 format, generated from the zod source of truth.
 *
 * @example
 * JSON.stringify(lineageJsonSchema(), null, 2)
 */
export function lineageJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(LineageDocumentSchema, {
    target: "draft-2020-12",
    io: "input",
    unrepresentable: "any",
  }) as Record<string, unknown>;
  return { ...generated, $id: SCHEMA_ID };
}
