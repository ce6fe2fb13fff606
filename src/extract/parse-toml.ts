/**
 * TOML training configs (`flan_t5_small_finetune.toml`: a project's settings under one `[section]`), read with
 * smol-toml into the same plain object a YAML or JSON config gives. A file whose only content is one table is
 * that table's settings (the section name is the run's, not a setting). Errors come back as data, with the line.
 */
import { parse, TomlError } from "smol-toml";

export type TomlResult = { value: Record<string, unknown> } | { error: string; line?: number };

export function parseTomlSettings(text: string): TomlResult {
  let value: Record<string, unknown>;
  try {
    value = parse(text) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof TomlError) return { error: error.message.split("\n")[0] ?? "", line: error.line };
    return { error: error instanceof Error ? error.message : String(error) };
  }
  const keys = Object.keys(value);
  const only = keys.length === 1 ? value[keys[0] as string] : undefined;
  const isTable =
    typeof only === "object" && only !== null && !Array.isArray(only) && !(only instanceof Date);
  return { value: isTable ? (only as Record<string, unknown>) : value };
}
