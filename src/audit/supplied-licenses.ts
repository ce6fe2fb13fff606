/** Licence maps supplied from outside a document: `models: {ID: LICENCE}` and `datasets: {ID: LICENCE}` in YAML. */
import { z } from "zod";
import { type ConfigParse, parseYamlConfig } from "./yaml-config.js";

const licenseMap = z.record(z.string().min(1), z.string().trim().min(1, "must be a licence id, not empty"));
export const SuppliedLicensesSchema = z.strictObject({
  models: licenseMap.optional(),
  datasets: licenseMap.optional(),
});
export type SuppliedLicenseFile = z.infer<typeof SuppliedLicensesSchema>;

/** Parses a licence map file. Problems name the field and what was expected. */
export function parseSuppliedLicenses(text: string): ConfigParse<SuppliedLicenseFile> {
  return parseYamlConfig(SuppliedLicensesSchema, text, (issue) =>
    issue.code === "unrecognized_keys"
      ? `unknown key(s) ${issue.keys.join(", ")}; expected models: {ID: LICENCE} and/or datasets: {ID: LICENCE}`
      : undefined,
  );
}
