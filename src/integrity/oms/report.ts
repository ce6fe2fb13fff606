/** The result of `ftl verify` as data: one entry per check, in the order they run, each with its problems. */
import type { Signer } from "./verify-signature.js";

export type CheckName = "signature" | "statement" | "files" | "custody";
export type CheckStatus = "passed" | "failed" | "skipped";

export interface Problem {
  /** Stable kind, e.g. `changed`, `missing`, `extra`, `renamed`, `bad-signature`, `digest-mismatch`. */
  code: string;
  message: string;
  /** The file (or step) concerned. */
  path?: string;
  expected?: string;
  actual?: string;
}

export interface Check {
  name: CheckName;
  status: CheckStatus;
  /** One line for people: what was checked, or why it was not. */
  summary: string;
  problems: Problem[];
  notes: string[];
}

export interface VerifyReport {
  /** True only when every check that ran passed and the signature check ran. */
  verified: boolean;
  predicateType?: string;
  subject?: { name: string; digest?: string };
  signer?: Signer;
  checks: Check[];
}

export function check(
  name: CheckName,
  status: CheckStatus,
  summary: string,
  problems: Problem[] = [],
  notes: string[] = [],
): Check {
  return { name, status, summary, problems, notes };
}

/** A failed check with one problem whose message is also the summary. */
export function failed(name: CheckName, code: string, message: string): Check {
  return check(name, "failed", message, [{ code, message }]);
}

/** A call that cannot be verified as given (no key for a key signature, a model path that does not exist). */
export class VerifyUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "VerifyUsageError";
  }
}
