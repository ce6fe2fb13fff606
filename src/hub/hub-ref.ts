/** Hub model references: `hf:ORG/NAME[@REVISION]` on the command line, and `base_model` values in cards. */
import { cutInLastLine, trimEnd } from "../model/trim.js";
import { HubError } from "./hub-error.js";

export interface HubRef {
  id: string;
  revision?: string;
}

const ID = /^(?:[A-Za-z0-9][A-Za-z0-9._-]*\/)?[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Is this a Hub model id (`org/name`, or a legacy single name such as `gpt2`)? */
export function isHubModelId(value: string): boolean {
  return value.length <= 96 && ID.test(value) && !value.includes("..") && !value.endsWith(".");
}

/**
 * Parses `hf:ORG/NAME[@REVISION]` (the `hf:` prefix is optional here).
 *
 * @example
 * parseHubRef("hf:HuggingFaceH4/zephyr-7b-beta@main") // { id: "HuggingFaceH4/zephyr-7b-beta", revision: "main" }
 */
export function parseHubRef(ref: string): HubRef {
  const body = ref.startsWith("hf:") ? ref.slice(3) : ref;
  const at = body.indexOf("@");
  const id = at === -1 ? body : body.slice(0, at);
  const revision = at === -1 ? undefined : body.slice(at + 1);
  if (!isHubModelId(id))
    throw new HubError(
      "bad-reference",
      `'${ref}' is not a Hub model reference: expected hf:ORG/NAME or hf:ORG/NAME@REVISION`,
    );
  if (revision !== undefined && !/^[\w./-]{1,256}$/.test(revision))
    throw new HubError("bad-reference", `'${ref}': the revision after '@' must be a branch, tag or commit`);
  return revision === undefined ? { id } : { id, revision };
}

/**
 * Reads a `base_model` value written by people: a Hub id, possibly as a `https://huggingface.co/ID` link.
 * Returns undefined for what cannot be a Hub model (local paths, empty strings).
 */
export function normalizeParentId(value: string): string | undefined {
  const trimmed = trimEnd(
    cutInLastLine(
      value.trim().replace(/^https?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co)\//, ""),
      /\/(?:tree|blob|resolve)\//,
    ),
    "/",
  );
  return isHubModelId(trimmed) ? trimmed : undefined;
}
