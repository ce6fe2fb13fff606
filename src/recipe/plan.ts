/**
 * The shared bookkeeping of every writer: the entries written so far and the three lists of what the lineage
 * does not say (unknown required values, facts the format cannot carry, settings left to the framework).
 */

import type { Entry } from "./emit-yaml.js";
import type { Defaulted, NotCarried, UnknownValue } from "./model.js";

export const NOT_RECORDED = "not recorded in the lineage";

export class Plan {
  readonly entries: Entry[] = [];
  readonly unknown: UnknownValue[] = [];
  readonly notCarried: NotCarried[] = [];
  readonly defaulted: Defaulted[] = [];

  /** A key with its value. */
  put(key: string, value: unknown, comment?: string): void {
    this.entries.push(comment ? { key, value, comment } : { key, value });
  }

  /** A section comment before the next key. */
  section(text: string): void {
    this.entries.push({ comment: text, blankBefore: true });
  }

  /** A required value the lineage lacks: a commented placeholder, listed as unknown. */
  placeholder(
    key: string,
    what: string,
    reason = NOT_RECORDED,
    example = "",
    line = `${key}: ${example}`,
  ): void {
    this.unknown.push({ key, what, reason });
    this.entries.push({ comment: `UNKNOWN: ${what} — ${reason}\n${line}`.trimEnd() });
  }

  /** An optional setting the lineage lacks: the framework's default applies, and the list says so. */
  leaveDefault(key: string, what: string): void {
    this.defaulted.push({ key, what });
  }

  /** A fact of the step that the format has no key for. */
  drop(field: string, value: unknown, reason: string): void {
    this.notCarried.push({ field, value, reason });
  }
}
