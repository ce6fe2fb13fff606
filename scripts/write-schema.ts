/** Writes schema/ftl-v1.schema.json from the zod source of truth (`npm run schema:write`). */
import { writeFileSync } from "node:fs";
import { lineageJsonSchema } from "../src/schema/json-schema.js";

const path = new URL("../schema/ftl-v1.schema.json", import.meta.url);
writeFileSync(path, `${JSON.stringify(lineageJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.pathname}`);
