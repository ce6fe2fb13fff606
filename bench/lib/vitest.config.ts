/**
 * Runs the bench's own tests (`bench/**\/*.test.ts`), which the root config does not include:
 * `npx vitest run --config bench/lib/vitest.config.ts`.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: {
    include: ["bench/**/*.test.ts"],
    testTimeout: 120_000,
    pool: "forks",
  },
});
