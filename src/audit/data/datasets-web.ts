/**
 * Text from public websites whose own terms license every copy of it, for cards that name the site as training
 * data without a Hub dataset ("fine-tune GPT-2 on Wikipedia articles", "[中文維基百科](https://dumps.wikimedia.org/zhwiki/)").
 * Each entry's licence is what the site states for its text, with the page it is stated on. A Hub copy of the
 * same text keeps its own entry (`wikimedia/wikipedia`). A summary for triage, not legal advice.
 */
import type { DatasetEntry } from "../terms.js";

/** A site's text, with the words a card uses for it (`card-web-text.ts` reads them only as training data). */
export interface WebTextSource {
  id: string;
  mention: RegExp;
}

export const WEB_DATASETS: readonly DatasetEntry[] = [
  {
    id: "wikipedia",
    license: "cc-by-sa-4.0",
    source: "https://en.wikipedia.org/wiki/Wikipedia:Copyrights",
    note: "Wikipedia's text: 'Most of Wikipedia's text and many of its images are co-licensed under the Creative Commons Attribution-ShareAlike' licence and the GNU Free Documentation License (CC BY-SA 4.0 since the 2023 terms of use, CC BY-SA 3.0 before: share-alike either way)",
  },
  {
    id: "stackexchange",
    license: "cc-by-sa-4.0",
    source: "https://meta.stackexchange.com/questions/347758/creative-commons-licensing-ui-and-data-updates",
    note: "Stack Exchange network posts (Stack Overflow included): 'Content contributed on or after 2018-05-02 (UTC) is distributed under the terms of CC BY-SA 4.0', from 2011-04-08 CC BY-SA 3.0, before it CC BY-SA 2.5 (share-alike in every version)",
  },
];

/** How cards name each site's text, in the languages of the corpus. */
export const WEB_TEXT_SOURCES: readonly WebTextSource[] = [
  { id: "wikipedia", mention: /\bwikipedia\b|维基百科|維基百科|위키백과|ウィキペディア|википеди/i },
  { id: "stackexchange", mention: /\bstack[\s-]?(?:exchange|overflow)\b/i },
];
