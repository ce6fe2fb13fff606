/**
 * Licences of the datasets a chain names, read from the Hub's dataset cards (`cardData.license`): the Hub import
 * fills what the model cards leave out, so that `ftl audit hf:…` knows the terms of the training data.
 */
import { datasetInfo } from "@huggingface/hub";
import type { ExtractWarning } from "../extract/types.js";
import type { DatasetRef, LineageDocument } from "../schema/lineage.js";
import type { HubClient } from "./fetch-model.js";
import { toHubError } from "./hub-error.js";

const HUB_ID = /^[\w.-]+\/[\w.-]+$/;

/** What the Hub says about one dataset's licence: an id (several joined with OR), and for `other` its name. */
interface HubDatasetLicense {
  license?: string;
  note?: string;
}

function licenseOf(cardData: unknown): HubDatasetLicense {
  if (!cardData || typeof cardData !== "object") return {};
  const card = cardData as Record<string, unknown>;
  const raw = Array.isArray(card.license) ? card.license.filter((l) => typeof l === "string") : card.license;
  const license = Array.isArray(raw) ? (raw.length > 0 ? raw.join(" OR ") : undefined) : raw;
  const out: HubDatasetLicense = {};
  if (typeof license === "string" && license.trim() !== "") out.license = license.trim();
  const named = [card.license_name, card.license_link].filter(
    (v) => typeof v === "string" && v.trim() !== "",
  );
  if (named.length > 0) out.note = `the card names the licence: ${named.join(", ")}`;
  return out;
}

/**
 * Returns the document with the licence of every Hub dataset that has none filled from the dataset's card,
 * with provenance pointing at the Hub. A dataset the Hub does not have, or will not show, keeps no licence and
 * gets a warning; failures never take the import down.
 */
export async function fillDatasetLicenses(
  client: HubClient,
  document: LineageDocument,
): Promise<{ document: LineageDocument; warnings: ExtractWarning[] }> {
  const wanted = new Set<string>();
  for (const step of document.steps)
    for (const d of step.inputs?.datasets ?? [])
      if (d.id !== undefined && d.license === undefined && HUB_ID.test(d.id)) wanted.add(d.id);
  const warnings: ExtractWarning[] = [];
  const found = new Map<string, HubDatasetLicense>();
  for (const id of [...wanted].sort()) {
    client.onProgress?.(`dataset info ${id}`);
    try {
      const info = await datasetInfo({
        name: id,
        hubUrl: client.endpoint,
        fetch: client.polite.fetch,
        additionalFields: ["cardData"],
        ...(client.accessToken ? { accessToken: client.accessToken } : {}),
      });
      const license = licenseOf((info as { cardData?: unknown }).cardData);
      if (license.license === undefined)
        warnings.push({
          code: "hub.dataset-no-license",
          message: `dataset ${id}: its Hub card declares no licence`,
        });
      else found.set(id, license);
    } catch (error) {
      const failure = client.polite.lastFailure();
      const hubError = toHubError(error, {
        model: id,
        endpoint: client.endpoint,
        what: "dataset info",
        ...(failure ? { response: failure } : {}),
      });
      warnings.push({
        code: `hub.dataset-${hubError.code}`,
        message: `dataset ${id}: licence not read from the Hub (${hubError.message})`,
      });
    }
  }
  if (found.size === 0) return { document, warnings };
  const fill = (d: DatasetRef): DatasetRef => {
    const license = d.id !== undefined && d.license === undefined ? found.get(d.id) : undefined;
    if (!license) return d;
    return {
      ...d,
      license: license.license as string,
      sources: {
        ...d.sources,
        license: {
          source: "extracted",
          file: `${client.endpoint}/api/datasets/${d.id}`,
          field: "cardData.license",
          url: `${client.endpoint}/datasets/${d.id}`,
          confidence: 0.9,
          ...(license.note ? { note: license.note } : {}),
        },
      },
    };
  };
  return {
    document: {
      ...document,
      steps: document.steps.map((step) =>
        step.inputs?.datasets
          ? { ...step, inputs: { ...step.inputs, datasets: step.inputs.datasets.map(fill) } }
          : step,
      ),
    },
    warnings,
  };
}
