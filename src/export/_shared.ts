/**
 * Private helpers of the exporters: stable names, deterministic ids and times, and the `ftl:` properties that
 * carry the fields a format has no place for (read back by the importers).
 */
import { createHash } from "node:crypto";
import { HYPERPARAMETER_KEYS } from "../model/hyperparameters.js";
import type { Hyperparameters } from "../schema/lineage.js";

/** Namespace of ftl's own terms (PROV, schema.org extensions) and of `ftl:` property names. */
/** A JSON object as the readers and writers handle it. */
export type Json = Record<string, unknown>;

/** Is the value a JSON object (not null, not an array)? */
export const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** The value when it is a string with something in it, else undefined. */
export const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value : undefined;

export const FTL_NS = "https://github.com/fine-tune-lineage/ftl/ns#";
/** Prefix of the name/value properties that carry fields without a native place. */
export const FTL_PREFIX = "ftl:";
/** Where ftl comes from, for `producer`-like fields. */
export const FTL_PRODUCER = "https://github.com/fine-tune-lineage/ftl";
/** Used where a format requires a time and the document records none (and `--timestamp` was not given). */
export const NO_TIME = "1970-01-01T00:00:00Z";

/** Options shared by every exporter. */
export interface ExportOptions {
  /** A creation time for the export (ISO 8601); omitted or replaced by a fixed value when absent. */
  timestamp?: string;
}

/** Percent-encodes one IRI segment (lone surrogates replaced first, so that it never throws). */
export function segment(text: string): string {
  const wellFormed = text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    "\uFFFD",
  );
  return encodeURIComponent(wellFormed).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);
}

/** A deterministic version-5-shaped UUID from a name (sha-256 based, for reproducible output). */
export function stableUuid(name: string): string {
  const hex = createHash("sha256").update(name).digest("hex");
  const variant = ((Number.parseInt(hex[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** `2023-10-26T12:00:00Z` when the time is already in that canonical UTC form, else undefined. */
export function canonicalUtc(time: string | undefined): string | undefined {
  return time !== undefined && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(time) ? time : undefined;
}

/** Any RFC 3339 time normalised to UTC seconds (`…Z`), for formats that accept no other form. */
export function toUtcSeconds(time: string): string {
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? NO_TIME : `${date.toISOString().slice(0, 19)}Z`;
}

/** A name/value pair as CycloneDX (and SPDX's CdxPropertiesExtension) write them. */
export interface Property {
  name: string;
  value: string;
}

/**
 * The fields of `object` a format has no native place for, as `ftl:<field>` properties with JSON values,
 * sorted by name.
 */
export function carry(object: object | undefined, native: readonly string[]): Property[] {
  if (object === undefined) return [];
  return Object.entries(object)
    .filter(([key, value]) => !native.includes(key) && value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => ({ name: `${FTL_PREFIX}${key}`, value: JSON.stringify(value) }));
}

/** Reads `ftl:<field>` properties back into an object (other properties are ignored). */
export function uncarry(
  properties: readonly Property[] | undefined,
  skip: readonly string[] = [],
): {
  fields: Record<string, unknown>;
  problems: string[];
} {
  const fields: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const { name, value } of properties ?? []) {
    if (!name.startsWith(FTL_PREFIX)) continue;
    const key = name.slice(FTL_PREFIX.length);
    if (skip.includes(key) || key.includes(":")) continue;
    try {
      fields[key] = JSON.parse(value);
    } catch {
      problems.push(`property ${name}: value is not JSON`);
    }
  }
  return { fields, problems };
}

/** The value of one property, if present. */
export function propertyValue(properties: readonly Property[] | undefined, name: string): string | undefined {
  return properties?.find((p) => p.name === name)?.value;
}

/** Hyperparameters as name → JSON value entries: typed keys first (in schema order), then `other` sorted. */
export function hyperparameterEntries(hp: Hyperparameters | undefined): [string, string][] {
  if (hp === undefined) return [];
  const entries: [string, string][] = [];
  for (const key of HYPERPARAMETER_KEYS) {
    const value = hp[key];
    if (value !== undefined) entries.push([key, JSON.stringify(value)]);
  }
  for (const key of Object.keys(hp.other ?? {}).sort())
    entries.push([otherName(key), JSON.stringify(hp.other?.[key])]);
  return entries;
}

const OTHER = "other.";

/** An `other` hyperparameter's entry name: its own, unless that would read back as a typed key. */
function otherName(key: string): string {
  return (HYPERPARAMETER_KEYS as readonly string[]).includes(key) || key.startsWith(OTHER)
    ? `${OTHER}${key}`
    : key;
}
/** The inverse of `hyperparameterEntries`: typed keys back to their place, everything else to `other`. */
export function hyperparametersFromEntries(
  entries: readonly [string, string][],
): Hyperparameters | undefined {
  if (entries.length === 0) return undefined;
  const hp: Record<string, unknown> = {};
  const other: Record<string, unknown> = {};
  for (const [key, raw] of entries) {
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      value = raw;
    }
    if (key.startsWith(OTHER)) other[key.slice(OTHER.length)] = value;
    else if ((HYPERPARAMETER_KEYS as readonly string[]).includes(key)) hp[key] = value;
    else other[key] = value;
  }
  if (Object.keys(other).length > 0) hp.other = other;
  return hp as Hyperparameters;
}

/** Compares keys for stable ordering. */
export function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Deep equality of JSON-like values, ignoring key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => byString(a, b))
      .map(([k, v]) => [k, sortKeys(v)]),
  );
}

/** JSON.parse that reports instead of throwing (for values inside files people may have edited). */
export function parseCarried(text: string, where: string, warnings: string[]): unknown {
  try {
    return JSON.parse(text);
  } catch {
    warnings.push(`${where}: carried value is not JSON; not kept`);
    return undefined;
  }
}
