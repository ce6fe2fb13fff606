/** Small YAML configuration files (policies, licence maps): parsed against a zod schema, problems as data. */
import { parse as parseYaml } from "yaml";
import type { z } from "zod";

export type ConfigParse<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/**
 * Parses YAML text against a schema. An empty file is an empty map. Each problem names the field (`deny.1`, or
 * `(top level)`); `explain` may word an issue better than zod does, else zod's message is used.
 */
export function parseYamlConfig<S extends z.ZodType>(
  schema: S,
  text: string,
  explain: (issue: z.core.$ZodIssue) => string | undefined = () => undefined,
): ConfigParse<z.infer<S>> {
  let value: unknown;
  try {
    value = parseYaml(text, { logLevel: "error" });
  } catch (error) {
    return {
      ok: false,
      problems: [`not YAML: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`],
    };
  }
  const result = schema.safeParse(value ?? {});
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => {
      const at = issue.path.length > 0 ? issue.path.join(".") : "(top level)";
      return `${at}: ${explain(issue) ?? issue.message}`;
    }),
  };
}
