/**
 * Reading a licence as written (an SPDX expression, a Hub licence id, `other` with a name, or free text)
 * into knowledge-base terms. Never throws: what cannot be read becomes an `unknown` term.
 */
import { createRequire } from "node:module";
import parse from "spdx-expression-parse";
import { licenseEntry } from "./knowledge.js";
import { nonCommercialInName, nonCommercialInProse } from "./license-text.js";
import type { LicenseEntry } from "./terms.js";

const require = createRequire(import.meta.url);
const SPDX_IDS = new Map(
  (require("spdx-license-ids") as string[]).map((id) => [id.toLowerCase(), id] as const),
);

/** One licence inside an expression. */
export type LicenseTerm =
  | { kind: "known"; text: string; entry: LicenseEntry }
  | { kind: "spdx"; text: string; spdx: string }
  | { kind: "unknown"; text: string };

/** A licence as written and what it means: alternatives (OR) of conjunctions (AND). */
export interface ResolvedLicense {
  text: string;
  link?: string;
  options: LicenseTerm[][];
  /** known: every term reviewed; unknown: at least one term is not. */
  status: "known" | "unknown";
  /** Set when a licence the knowledge base does not know was read as non-commercial from its own words. */
  inferred?: { evidence: string };
}

const UNKNOWN_WORDS = new Set([
  "unknown",
  "none",
  "n/a",
  "na",
  "?",
  "unspecified",
  "license",
  "licence",
  "other",
]);
const MAX_OPTIONS = 64;

/** The term for one licence word. */
function termFor(word: string): LicenseTerm {
  const text = word.trim();
  const plain = text.replace(/\+$/, "").replace(/^LicenseRef-/i, "");
  const entry = licenseEntry(plain) ?? licenseEntry(plain.replace(/-(only|or-later)$/i, ""));
  if (entry) return { kind: "known", text, entry };
  const spdx = SPDX_IDS.get(plain.toLowerCase());
  if (spdx) return { kind: "spdx", text, spdx };
  return { kind: "unknown", text };
}

type Tree = parse.Info;

function toOptions(tree: Tree, terms: Map<string, LicenseTerm>): LicenseTerm[][] {
  if ("license" in tree) {
    const term = terms.get(tree.license) ?? termFor(tree.license);
    return [[term]];
  }
  const left = toOptions(tree.left, terms);
  const right = toOptions(tree.right, terms);
  if (tree.conjunction === "or") return [...left, ...right].slice(0, MAX_OPTIONS);
  const product: LicenseTerm[][] = [];
  for (const a of left) for (const b of right) if (product.length < MAX_OPTIONS) product.push([...a, ...b]);
  return product;
}

/** Parses an expression of licence names joined by AND / OR / WITH, with parentheses. Names may hold spaces. */
function parseExpression(text: string): LicenseTerm[][] | undefined {
  const tokens = text
    .split(/(\(|\)|(?<!\s)\s+(?:AND|OR|WITH)\s+)/i)
    .map((t) => t.trim())
    .filter((t) => t !== "");
  const terms = new Map<string, LicenseTerm>();
  const rewritten = tokens.map((token, i) => {
    const upper = token.toUpperCase();
    if (token === "(" || token === ")" || upper === "AND" || upper === "OR" || upper === "WITH") return upper;
    if (tokens[i - 1]?.toUpperCase() === "WITH") return "Classpath-exception-2.0";
    const ref = `LicenseRef-t${terms.size}`;
    terms.set(ref, termFor(token));
    return ref;
  });
  try {
    return toOptions(parse(rewritten.join(" ")), terms);
  } catch {
    return undefined;
  }
}

/**
 * Resolves a licence field. `name` and `link` are the Hub's `license_name` / `license_link`, used when the
 * licence is `other`. Returns undefined when nothing is written.
 *
 * @example resolveLicense("llama3.1").options[0][0].entry.name // "Llama 3.1 Community License Agreement"
 */
export function resolveLicense(
  license: string | undefined,
  extra: { name?: string | undefined; link?: string | undefined } = {},
): ResolvedLicense | undefined {
  const written = license?.trim() ?? "";
  const name = extra.name?.trim();
  if (written === "" && !name) return undefined;
  const link = extra.link;
  const base = { ...(link ? { link } : {}) };
  // `other` (or nothing) with a licence name: the name is what identifies it.
  if ((written === "" || written.toLowerCase() === "other") && name) {
    const term = termFor(name);
    const text = written === "" ? name : `other (${name})`;
    return {
      text,
      ...base,
      options: [[{ ...term, text: name }]],
      status: term.kind === "known" ? "known" : "unknown",
    };
  }
  if (UNKNOWN_WORDS.has(written.toLowerCase())) {
    return { text: written, ...base, options: [[{ kind: "unknown", text: written }]], status: "unknown" };
  }
  const single = termFor(written);
  let options: LicenseTerm[][] = [[single]];
  if (single.kind !== "known" && /[()]|\s(and|or|with)\s/i.test(written)) {
    options = parseExpression(written) ?? [[{ kind: "unknown", text: written }]];
  }
  const status = options.every((o) => o.every((t) => t.kind === "known")) ? "known" : "unknown";
  return { text: written, ...base, options, status };
}

const COMMERCIAL_RANK = { allowed: 0, conditional: 1, "not-allowed": 3 } as const;
const DERIVATIVE_RANK = { any: 0, "carry-restrictions": 1, same: 2, "non-commercial": 3, none: 4 } as const;

function termCost(term: LicenseTerm): number {
  if (term.kind !== "known") return 50;
  return COMMERCIAL_RANK[term.entry.commercial] * 10 + DERIVATIVE_RANK[term.entry.derivatives];
}

/** The option a recipient would choose: the least restrictive alternative of the expression. */
export function mostPermissiveOption(license: ResolvedLicense): LicenseTerm[] {
  let best: LicenseTerm[] = license.options[0] ?? [];
  let bestCost = Number.POSITIVE_INFINITY;
  for (const option of license.options) {
    const cost = option.reduce((sum, term) => Math.max(sum, termCost(term)), 0);
    if (cost < bestCost) {
      best = option;
      bestCost = cost;
    }
  }
  return best;
}

/** The reviewed entries of a licence (every option), for membership tests. */
export function knownEntries(license: ResolvedLicense | undefined): LicenseEntry[] {
  if (!license) return [];
  return license.options.flatMap((o) => o.flatMap((t) => (t.kind === "known" ? [t.entry] : [])));
}

/** The id of a licence read as non-commercial from its wording (not a knowledge-base entry). */
export const INFERRED_NON_COMMERCIAL = "non-commercial (inferred)";

function inferredEntry(evidence: string, source: string | undefined): LicenseEntry {
  return {
    id: INFERRED_NON_COMMERCIAL,
    name: "non-commercial licence (inferred from its wording)",
    kind: "non-commercial",
    commercial: "not-allowed",
    derivatives: "non-commercial",
    conditions: [],
    limitations: [`non-commercial use only, as its wording says: '${evidence}'`],
    source: source ?? "the licence as written",
  };
}

/**
 * A licence the knowledge base does not know (`other` with a `license_name`, a bespoke id, an unreviewed SPDX
 * id) whose name, link or licence text says non-commercial or research-only: read as non-commercial, with the
 * evidence kept. Known licences are returned as they are.
 *
 * @example inferNonCommercial(resolveLicense("other", { name: "fair-noncommercial-research-license" })!)
 *   .inferred // { evidence: "fair-noncommercial-research-license" }
 */
export function inferNonCommercial(license: ResolvedLicense, prose: readonly string[] = []): ResolvedLicense {
  if (license.status === "known") return license;
  const unknown = license.options.flat().filter((t) => t.kind !== "known");
  const evidence =
    unknown.find((t) => nonCommercialInName(t.text) && !UNKNOWN_WORDS.has(t.text.toLowerCase()))?.text ??
    (license.link && nonCommercialInName(license.link.replace(/^https?:\/\/[^/]+/, ""))
      ? license.link
      : undefined) ??
    prose.map(nonCommercialInProse).find((e) => e !== undefined);
  if (evidence === undefined) return license;
  const source = license.link?.startsWith("https://") ? license.link : undefined;
  const entry = inferredEntry(evidence, source);
  return {
    ...license,
    options: [[{ kind: "known", text: license.text, entry }]],
    status: "known",
    inferred: { evidence },
  };
}
