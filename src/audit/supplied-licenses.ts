/** Licence maps supplied from outside a document: `models: {ID: LICENCE}` and `datasets: {ID: LICENCE}` in YAML. */
import { parse as parseYaml } from "yaml";
import { z } from "zod";

const licenseMap = z.record(z.string().min(1), z.string().trim().min(1, "must be a licence id, not empty"));
export const SuppliedLicensesSchema = z.strictObject({
  models: licenseMap.optional(),
  datasets: licenseMap.optional(),
});
export type SuppliedLicenseFile = z.infer<typeof SuppliedLicensesSchema>;

/** Parses a licence map file. Problems name the field and what was expected. */
export function parseSuppliedLicenses(
  text: string,
): { ok: true; value: SuppliedLicenseFile } | { ok: false; problems: string[] } {
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    return {
      ok: false,
      problems: [`not YAML: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`],
    };
  }
  const result = SuppliedLicensesSchema.safeParse(value ?? {});
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => {
      const at = issue.path.length > 0 ? issue.path.join(".") : "(top level)";
      if (issue.code === "unrecognized_keys")
        return `${at}: unknown key(s) ${issue.keys.join(", ")}; expected models: {ID: LICENCE} and/or datasets: {ID: LICENCE}`;
      return `${at}: ${issue.message}`;
    }),
  };
}
