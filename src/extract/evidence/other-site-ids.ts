/**
 * Where an `org/name` written in a card stands on another site than the Hub, and so names a repository there, not a
 * Hub model: inside another site's address, or in the text of a link to another site.
 */

/** The text before `at`, back to white space or a bracket (300 characters at most), is an address on a site other than the Hub. */
export function insideOtherUrl(text: string, at: number): boolean {
  let start = at;
  const floor = Math.max(0, at - 300);
  while (start > floor && !/[\s([<"']/.test(text[start - 1] ?? "")) start--;
  const before = text.slice(start, at);
  return before.includes("://") && !/^https?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co)\//i.test(before);
}

/** Is text[start, end) inside the label of a Markdown link whose target is not on the Hub? */
export function inOtherLinkLabel(text: string, start: number, end: number): boolean {
  const open = text.lastIndexOf("[", start);
  if (open === -1 || start - open > 100 || text.slice(open, start).includes("]")) return false;
  const close = text.indexOf("](", end);
  if (close === -1 || close - end > 60 || text.slice(end, close).includes("[")) return false;
  return !/^\]\(https?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co)\//.test(text.slice(close, close + 40));
}
