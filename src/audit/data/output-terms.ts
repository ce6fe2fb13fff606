/**
 * Terms of model services whose outputs often become training data (GPT-4 / ChatGPT, Gemini, Claude). They bind
 * the party that generated the data; how far they reach later users of that data is disputed, so the audit
 * reports them as warnings, never as a commercial-use verdict.
 */
import type { LicenseEntry } from "../terms.js";

const NOTE =
  "Binds the party that generated the data; how far it reaches later users of the data is disputed.";

export const OUTPUT_TERMS: readonly LicenseEntry[] = [
  {
    id: "openai-outputs",
    name: "OpenAI Terms of Use (model outputs)",
    aliases: ["openai", "openai terms of use", "openai-terms", "openai-tos"],
    kind: "terms-of-use",
    licensor: "OpenAI",
    commercial: "allowed",
    derivatives: "any",
    conditions: ["no-competing-models"],
    limitations: ["output may not be used to develop models that compete with OpenAI"],
    source: "https://openai.com/policies/terms-of-use",
    note: NOTE,
  },
  {
    id: "gemini-outputs",
    name: "Gemini API Additional Terms of Service (model outputs)",
    aliases: ["gemini api terms", "google gemini terms"],
    kind: "terms-of-use",
    licensor: "Google",
    commercial: "allowed",
    derivatives: "any",
    conditions: ["no-competing-models"],
    limitations: [
      "the Services may not be used to develop models that compete with them (Gemini API, Google AI Studio)",
    ],
    source: "https://ai.google.dev/gemini-api/terms",
    note: NOTE,
  },
  {
    id: "anthropic-outputs",
    name: "Anthropic Commercial Terms of Service (model outputs)",
    aliases: ["anthropic terms", "claude terms"],
    kind: "terms-of-use",
    licensor: "Anthropic",
    commercial: "allowed",
    derivatives: "any",
    conditions: ["no-competing-models"],
    limitations: [
      "the Services may not be used to build a competing product or service, including to train competing AI models",
    ],
    source: "https://www.anthropic.com/legal/commercial-terms",
    note: NOTE,
  },
];
