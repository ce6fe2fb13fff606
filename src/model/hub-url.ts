/**
 * What a Hugging Face Hub address names: a model repository, a dataset repository, or neither (a Space, a
 * collection, the docs, a paper, a site page). One list of the site's own first path parts serves the import and
 * the audit, so the two never disagree on whether a link names a model.
 */

/** First path parts of Hub pages that are not a model repository (`huggingface.co/learn/nlp-course`). */
export const SITE_PATHS: ReadonlySet<string> = new Set([
  "datasets",
  "models",
  "spaces",
  "collections",
  "docs",
  "blog",
  "papers",
  "organizations",
  "tasks",
  "learn",
  "course",
  "posts",
  "settings",
  "join",
  "login",
  "pricing",
  "chat",
  "api",
  "new",
  "enterprise",
  "hub",
]);

const HOST = /^https?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co|hf-mirror\.com)\//i;
const PART = /^[\w.-]+/;

/** Is this an address on the Hub (or one of its mirrors)? */
export function isHubUrl(url: string): boolean {
  return HOST.test(url);
}

/** The path parts after the host, each cut at the first character a repository name cannot hold. */
function parts(url: string): string[] {
  const host = HOST.exec(url);
  if (!host) return [];
  const out: string[] = [];
  let rest = url.slice(host[0].length);
  for (let k = 0; k < 3; k++) {
    const part = PART.exec(rest)?.[0];
    if (!part) break;
    out.push(part);
    if (rest[part.length] !== "/") break;
    rest = rest.slice(part.length + 1);
  }
  return out;
}

/**
 * `https://huggingface.co/datasets/ORG/NAME` → `{kind: "dataset", id: "ORG/NAME"}`, `…/ORG/NAME` → a model;
 * `undefined` for any other page of the site. A one-part id (`huggingface.co/gpt2`) is a model's legacy name.
 */
export function hubRepo(url: string): { kind: "model" | "dataset"; id: string } | undefined {
  const [first, second, third] = parts(url);
  if (first === undefined) return undefined;
  if (first.toLowerCase() === "datasets") {
    if (second === undefined) return undefined;
    return { kind: "dataset", id: third ? `${second}/${third}` : second };
  }
  if (SITE_PATHS.has(first.toLowerCase())) return undefined;
  return { kind: "model", id: second ? `${first}/${second}` : first };
}

/** The `org/name` of the model repository a Hub address names (a `.git` clone address included), else undefined. */
export function hubModelId(url: string): string | undefined {
  const repo = hubRepo(url.trim());
  if (repo?.kind !== "model" || !repo.id.includes("/")) return undefined;
  return repo.id.replace(/\.git$/, "");
}
