/**
 * How a labelled reference is compared with what ftl wrote: Hub ids by case-insensitive equality (revision and
 * URL prefix ignored), local paths by their normalised path, and names written without an org by their letters
 * and digits (`name:Mistral 7B` matches `mistralai/Mistral-7B-v0.1`).
 */

import { trimEnd } from "../../model/trim.js";

const HF_URL = /^https?:\/\/(?:www\.)?huggingface\.co\/(?:datasets\/)?/i;

export type RefKind = "hub" | "local" | "name";

export interface NormalRef {
  kind: RefKind;
  value: string;
}

function localPath(p: string): string {
  return trimEnd(p.replace(/\\/g, "/").replace(/^\.\//, ""), "/").toLowerCase();
}

/** Letters and digits only, lower case: `Llama-2 7B` → `llama27b`. */
export function squash(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

export function normalRef(raw: string): NormalRef {
  const s = raw.trim();
  if (s.startsWith("local:")) return { kind: "local", value: localPath(s.slice(6)) };
  if (s.startsWith("name:")) return { kind: "name", value: squash(s.slice(5)) };
  const hub = trimEnd(s.replace(HF_URL, "").replace(/@[\w.-]+$/, ""), "/");
  if (/^[.~/]|^[A-Za-z]:[\\/]|\\/.test(hub)) return { kind: "local", value: localPath(hub) };
  return { kind: "hub", value: hub.toLowerCase() };
}

/** Does the reference ftl wrote (`predicted`) denote the labelled one (`label`)? */
export function refsMatch(predicted: string, label: string): boolean {
  const p = normalRef(predicted);
  const l = normalRef(label);
  if (l.kind === "name") {
    const name = squash(p.value.split("/").pop() ?? p.value);
    return (
      name === l.value || (l.value.length >= 4 && name.startsWith(l.value)) || squash(p.value) === l.value
    );
  }
  if (p.kind === "name") return false;
  if (p.value === l.value) return true;
  // The Hub redirects a legacy root-level id (`bert-base-uncased`) to its org (`google-bert/bert-base-uncased`).
  const legacy = (x: NormalRef, y: NormalRef) =>
    x.kind === "hub" && y.kind === "hub" && !x.value.includes("/") && y.value.endsWith(`/${x.value}`);
  if (legacy(p, l) || legacy(l, p)) return true;
  // A local copy of a Hub model (`/models/mistralai/Mistral-7B-v0.1`) is not the Hub id: kept apart.
  return (
    p.kind === l.kind &&
    p.kind === "local" &&
    (p.value.endsWith(`/${l.value}`) || l.value.endsWith(`/${p.value}`))
  );
}

/**
 * Datasets compared by id, case-insensitive, URL prefix and `local:` ignored. A dataset labelled as named, without
 * an org (`Databricks Dolly 15k`, `name:UltraChat 200k`; LABELING.md), also matches a predicted Hub id whose name
 * part has the same letters and digits (`databricks/databricks-dolly-15k`), as `name:` labels of models do; a
 * file name or a local path never does.
 */
export function datasetsMatch(predicted: string, label: string): boolean {
  if (exactDatasetsMatch(predicted, label.replace(/^name:/, ""))) return true;
  const named = label.replace(/^name:/, "").trim();
  if (named.includes("/") || named.startsWith("local:") || /\.\w{2,5}$/.test(named)) return false;
  const p = normalRef(predicted);
  const name = p.value.split("/").pop() ?? "";
  return p.kind === "hub" && p.value.includes("/") && name !== "" && squash(name) === squash(named);
}

function exactDatasetsMatch(predicted: string, label: string): boolean {
  const norm = (s: string) =>
    trimEnd(
      s
        .trim()
        .replace(/^local:/, "")
        .replace(HF_URL, "")
        .replace(/\\/g, "/")
        .replace(/^\.\//, ""),
      "/",
    ).toLowerCase();
  return norm(predicted) === norm(label);
}

export function valuesMatch(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number")
    return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
  const num = (x: unknown) => (typeof x === "string" && x.trim() !== "" ? Number(x) : x);
  if (
    typeof num(a) === "number" &&
    typeof num(b) === "number" &&
    !Number.isNaN(num(a)) &&
    !Number.isNaN(num(b))
  )
    return valuesMatch(num(a), num(b));
  return String(a).trim().toLowerCase() === String(b).trim().toLowerCase();
}

/** Pairs predicted items with expected ones (each used once); returns the matched predicted indexes. */
export function pair<P, E>(predicted: P[], expected: E[], eq: (p: P, e: E) => boolean): boolean[] {
  const used = new Array<boolean>(expected.length).fill(false);
  return predicted.map((p) => {
    const i = expected.findIndex((e, k) => !used[k] && eq(p, e));
    if (i === -1) return false;
    used[i] = true;
    return true;
  });
}
