import { lineageJsonSchema } from "../../schema/json-schema.js";
import { type Command, printJson } from "../command.js";

export const schemaCommand: Command = {
  path: ["schema"],
  summary: "print the JSON Schema (draft 2020-12) of the ftl/v1 format",
  usage: "ftl schema [--json]",
  options: { json: { type: "boolean", description: "Accepted for symmetry; the schema is always JSON" } },
  examples: ["ftl schema > ftl-v1.schema.json"],
  rawStdout: true,
  run({ io }) {
    printJson(io, lineageJsonSchema());
    return 0;
  },
};
