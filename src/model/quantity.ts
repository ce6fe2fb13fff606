/** Counts as people write them: `200k`, `1.5M`, `207,865`, `50 000`. */
import type { DatasetRef } from "../schema/lineage.js";
import { SIZE_UNITS, type SizeUnit } from "./vocabulary.js";

const SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, t: 1e12 };

/** Parses `200k` → 200000; undefined when it is not a count. */
export function parseCount(text: string): number | undefined {
  const match = /^(\d{1,3}(?:[, _]\d{3})+|\d+(?:\.\d+)?)\s*([kKmMbBtT])?$/.exec(text.trim());
  if (!match?.[1]) return undefined;
  const value =
    Number(match[1].replace(/[, _]/g, "")) * (match[2] ? (SUFFIX[match[2].toLowerCase()] ?? 1) : 1);
  return Number.isFinite(value) ? Math.round(value) : undefined;
}

/** Singular or plural unit names (`pair`, `Pairs`, `conversation`) → the vocabulary's unit. */
export function parseUnit(text: string): SizeUnit | undefined {
  const lower = text.trim().toLowerCase();
  const plural = lower.endsWith("s") ? lower : `${lower}s`;
  return (SIZE_UNITS as readonly string[]).includes(plural) ? (plural as SizeUnit) : undefined;
}

/**
 * Parses a `--dataset` argument: `ID`, or `ID:COUNT:UNIT` (`HuggingFaceH4/ultrachat_200k:207865:conversations`).
 * Returns an error message for a malformed count or unit.
 */
export function parseDatasetSpec(
  spec: string,
): { ok: true; dataset: DatasetRef } | { ok: false; message: string } {
  const [id, count, unit, ...rest] = spec.split(":");
  if (!id?.trim())
    return { ok: false, message: `--dataset ${JSON.stringify(spec)}: expected ID or ID:COUNT:UNIT` };
  if (rest.length > 0 || (count !== undefined && unit === undefined))
    return {
      ok: false,
      message: `--dataset ${JSON.stringify(spec)}: expected ID or ID:COUNT:UNIT, e.g. org/data:50k:pairs`,
    };
  if (count === undefined) return { ok: true, dataset: { id: id.trim() } };
  const parsedCount = parseCount(count);
  if (parsedCount === undefined)
    return {
      ok: false,
      message: `--dataset ${JSON.stringify(spec)}: "${count}" is not a count (e.g. 50000, 50k, 1.2M)`,
    };
  const parsedUnit = parseUnit(unit ?? "");
  if (parsedUnit === undefined)
    return {
      ok: false,
      message: `--dataset ${JSON.stringify(spec)}: unit "${unit}" is not one of ${SIZE_UNITS.join(", ")}`,
    };
  return { ok: true, dataset: { id: id.trim(), size: { count: parsedCount, unit: parsedUnit } } };
}
