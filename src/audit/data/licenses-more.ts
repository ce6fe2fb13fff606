/**
 * Licences some widely used training sets carry that the main table (licenses.ts) lacks, each reduced to the
 * facts the audit reasons with and linked to its full text. A summary for triage, not legal advice.
 */
import type { LicenseEntry } from "../terms.js";

export const MORE_LICENSES: readonly LicenseEntry[] = [
  {
    // The Naver Sentiment Movie Corpus (e9t/nsmc) is tagged cc-by-2.0 on the Hub.
    id: "cc-by-2.0",
    name: "Creative Commons Attribution 2.0 Generic",
    spdx: "CC-BY-2.0",
    kind: "attribution",
    commercial: "allowed",
    derivatives: "any",
    conditions: ["attribution"],
    limitations: ["the licence notice and the original author's credit must be kept when the work is shared"],
    source: "https://creativecommons.org/licenses/by/2.0/legalcode",
  },
  {
    // Microsoft's data licence (microsoft/orca-agentinstruct-1M-v1 carries it on the Hub).
    id: "cdla-permissive-2.0",
    name: "Community Data License Agreement - Permissive, Version 2.0",
    spdx: "CDLA-Permissive-2.0",
    aliases: ["cdla-permissive-2", "community data license agreement permissive 2.0"],
    kind: "permissive",
    commercial: "allowed",
    derivatives: "any",
    conditions: ["include-license"],
    limitations: [
      "sharing the data needs the agreement's text or a link to it; Results (such as a trained model) are not restricted",
    ],
    source: "https://cdla.dev/permissive-2-0/",
  },
];
