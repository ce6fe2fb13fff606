/**
 * Step 2 of verifying: the bundle and its in-toto statement checked against the published OMS v1.0 JSON
 * Schemas with a JSON Schema (2020-12) validator. Problems are returned as data, `path: message`.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { BUNDLE_SCHEMA } from "./schemas/bundle.js";
import { ENVELOPE_SCHEMA } from "./schemas/envelope.js";
import { PREDICATE_SCHEMA } from "./schemas/predicate.js";
import { STATEMENT_SCHEMA } from "./schemas/statement.js";

let compiled: { bundle: ValidateFunction; statement: ValidateFunction } | undefined;

function validators(): { bundle: ValidateFunction; statement: ValidateFunction } {
  if (compiled === undefined) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    ajv.addSchema(PREDICATE_SCHEMA).addSchema(ENVELOPE_SCHEMA);
    compiled = { bundle: ajv.compile(BUNDLE_SCHEMA), statement: ajv.compile(STATEMENT_SCHEMA) };
  }
  return compiled;
}

function describe(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const where = e.instancePath === "" ? "(top level)" : e.instancePath.slice(1).replaceAll("/", ".");
    const extra =
      e.keyword === "additionalProperties"
        ? ` '${String((e.params as { additionalProperty?: string }).additionalProperty)}'`
        : e.keyword === "const"
          ? ` ${JSON.stringify((e.params as { allowedValue?: unknown }).allowedValue)}`
          : "";
    return `${where}: ${e.message ?? "invalid"}${extra}`;
  });
}

/** Problems of a bundle against `bundle.schema.json` (empty when it conforms). */
export function bundleSchemaProblems(bundle: unknown): string[] {
  const check = validators().bundle;
  return check(bundle) ? [] : describe(check.errors);
}

/** Problems of an in-toto statement against `statement.schema.json` + `predicate.schema.json`. */
export function statementSchemaProblems(statement: unknown): string[] {
  const check = validators().statement;
  return check(statement) ? [] : describe(check.errors);
}
