/**
 * Turns zod's issues into ftl issues with messages people understand, e.g.
 * `steps[1].hyperparameters.learningRate: expected a number, got "fast"`.
 */
import type { z } from "zod";
import { hyperparameterKeyFor } from "../model/hyperparameters.js";
import { lineageJsonSchema } from "../schema/json-schema.js";
import { formatPath, issue, type ValidationIssue } from "./issue.js";
import { didYouMean } from "./suggest.js";

const TYPE_NAMES: Record<string, string> = {
  number: "a number",
  int: "a whole number",
  string: "a string",
  object: "an object",
  array: "a list",
  boolean: "true or false",
  record: "an object",
};

/** A short description of a received value: `"fast"`, `a list`, `nothing`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") {
    const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return JSON.stringify(shown);
  }
  return String(value);
}

function suggestOption(input: unknown, options: readonly unknown[]): string {
  if (typeof input !== "string") return "";
  return didYouMean(
    input,
    options.filter((o): o is string => typeof o === "string"),
  );
}

function suggestKey(key: string, parentPath: readonly PropertyKey[]): string {
  if (parentPath.at(-1) === "hyperparameters") {
    const typed = hyperparameterKeyFor(key);
    if (typed !== undefined) return ` (did you mean \`${typed}\`? other names go under \`other\`)`;
    return " (put trainer-specific names under `other`)";
  }
  return didYouMean(key, knownFieldNames(), "`");
}

let fieldNames: string[] | undefined;

/** Every field name the ftl/v1 schema knows, at any level (for suggestions). */
function knownFieldNames(): string[] {
  if (fieldNames !== undefined) return fieldNames;
  const names = new Set<string>();
  const stack: unknown[] = [lineageJsonSchema()];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== "object") continue;
    const properties = (node as { properties?: unknown }).properties;
    if (properties !== null && typeof properties === "object")
      for (const name of Object.keys(properties)) names.add(name);
    stack.push(...Object.values(node));
  }
  fieldNames = [...names].sort();
  return fieldNames;
}

function describeFormat(format: string): string {
  switch (format) {
    case "url":
      return "a URL";
    case "datetime":
      return "an RFC 3339 date-time such as 2024-05-01T12:00:00Z";
    default:
      return `a value in ${format} format`;
  }
}

function convert(zodIssue: z.core.$ZodIssue): ValidationIssue[] {
  const path = formatPath(zodIssue.path);
  const at = path === "" ? "(document)" : path;
  const input = "input" in zodIssue ? zodIssue.input : undefined;
  switch (zodIssue.code) {
    case "invalid_type": {
      if (input === undefined)
        return [
          issue(
            "error",
            "schema.required",
            path,
            `${at}: is required (${TYPE_NAMES[zodIssue.expected] ?? zodIssue.expected})`,
          ),
        ];
      const expected = TYPE_NAMES[zodIssue.expected] ?? zodIssue.expected;
      return [
        issue(
          "error",
          "schema.invalid-type",
          path,
          `${at}: expected ${expected}, got ${describeValue(input)}`,
        ),
      ];
    }
    case "unrecognized_keys":
      return zodIssue.keys.map((key) => {
        const keyPath = formatPath([...zodIssue.path, key]);
        return issue(
          "error",
          "schema.unknown-field",
          keyPath,
          `${keyPath}: unknown field${suggestKey(key, zodIssue.path)}`,
        );
      });
    case "invalid_value": {
      const options = zodIssue.values.map((v) => JSON.stringify(v));
      const expected = options.length === 1 ? options[0] : `one of ${options.join(", ")}`;
      return [
        issue(
          "error",
          "schema.invalid-value",
          path,
          `${at}: expected ${expected}, got ${describeValue(input)}${suggestOption(input, zodIssue.values)}`,
        ),
      ];
    }
    case "invalid_union": {
      const details = zodIssue as unknown as { discriminator?: string; options?: unknown[] };
      if (details.discriminator !== undefined && Array.isArray(details.options)) {
        const given =
          typeof input === "object" && input !== null
            ? (input as Record<string, unknown>)[details.discriminator]
            : undefined;
        const where = path.endsWith(details.discriminator)
          ? path
          : formatPath([...zodIssue.path, details.discriminator]);
        return [
          issue(
            "error",
            given === undefined ? "schema.required" : "schema.invalid-value",
            where,
            `${where}: expected one of ${details.options.map((o) => JSON.stringify(o)).join(", ")}, got ${describeValue(given)}${suggestOption(given, details.options)}`,
          ),
        ];
      }
      return [issue("error", "schema.invalid-value", path, `${at}: does not match any allowed form`)];
    }
    case "too_small":
    case "too_big": {
      const message = zodIssue.message.startsWith("Too")
        ? zodIssue.message.replace(/^Too (small|big): /, "")
        : zodIssue.message;
      return [
        issue(
          "error",
          `schema.${zodIssue.code === "too_small" ? "too-small" : "too-large"}`,
          path,
          `${at}: ${message}`,
        ),
      ];
    }
    case "invalid_format": {
      const custom = zodIssue.format === "regex" || !zodIssue.message.startsWith("Invalid");
      const message = custom
        ? zodIssue.message
        : `expected ${describeFormat(zodIssue.format)}, got ${describeValue(input)}`;
      return [issue("error", "schema.invalid-format", path, `${at}: ${message}`)];
    }
    default:
      return [issue("error", "schema.invalid", path, `${at}: ${zodIssue.message}`)];
  }
}

/** Converts zod issues, dropping a second complaint about a path that already has one. */
export function schemaIssues(zodIssues: readonly z.core.$ZodIssue[]): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const seen = new Set<string>();
  for (const zodIssue of zodIssues) {
    for (const converted of convert(zodIssue)) {
      const key = `${converted.path}\u0000${converted.code === "schema.unknown-field" ? converted.code : ""}`;
      if (converted.code !== "schema.unknown-field" && seen.has(key)) continue;
      seen.add(key);
      out.push(converted);
    }
  }
  return out;
}
