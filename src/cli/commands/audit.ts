import { auditLineage } from "../../audit/audit-lineage.js";
import type { UpstreamLookup } from "../../audit/collect-ancestors.js";
import { formatAudit } from "../../audit/format-audit.js";
import { documentFromStore, recordedLicenses } from "../../audit/from-store.js";
import { evaluatePolicy, FAIL_ON, type Policy, parsePolicy, REQUIREMENTS } from "../../audit/policy.js";
import { FINDING_CODES } from "../../audit/report.js";
import { auditSeveralLineages } from "../../audit/several-lineages.js";
import { parseSuppliedLicenses } from "../../audit/supplied-licenses.js";
import type { Store } from "../../store/store.js";
import { CliError, type Command, EXIT, flag, type Io, printJson, str } from "../command.js";
import { type Loaded, loadFile, loadFromHub, readText } from "./audit-load.js";

function loadPolicy(path: string): Policy {
  const parsed = parsePolicy(readText(path, "policy"));
  if (!parsed.ok)
    throw new CliError(
      `${path}: not a valid audit policy\n${parsed.problems.map((p) => `  ✗ ${p}`).join("\n")}`,
    );
  return parsed.policy;
}

function loadLicenseMap(path: string, key: "models" | "datasets"): Record<string, string> {
  const parsed = parseSuppliedLicenses(readText(path, "licence map"));
  if (!parsed.ok)
    throw new CliError(
      `${path}: not a valid licence map\n${parsed.problems.map((p) => `  ✗ ${p}`).join("\n")}`,
    );
  const map = parsed.value[key];
  if (map === undefined)
    throw new CliError(
      `${path}: expected a '${key}:' map of ${key === "models" ? "model" : "dataset"} ids to licences`,
    );
  return map;
}

async function openRegistry(location: string | undefined, io: Io): Promise<Store> {
  const { openStore, StoreError } = await import("../../store/index.js");
  try {
    return await openStore(location, { env: io.env, cwd: io.cwd, mustExist: true });
  } catch (error) {
    if (error instanceof StoreError) throw new CliError(`registry: ${error.message}`);
    throw error;
  }
}

export const auditCommand: Command = {
  path: ["audit"],
  summary: "check the licences along a model's chain: what it inherits, what it declares, commercial use",
  usage:
    "ftl audit FILE|hf:ID|registry:ID [--json] [--verbose] [--policy POLICY.yaml] [--dataset-licenses FILE] [--model-licenses FILE] [--db LOCATION] [--depth N]",
  positionals: { min: 1, max: 1, names: "FILE, hf:ID or registry:ID" },
  options: {
    json: {
      type: "boolean",
      description: "Print the report as JSON: {subject, verdict, findings, obligations, ancestors, policy}",
    },
    verbose: {
      type: "boolean",
      short: "v",
      description: "Also list notes (info findings) and each licence's conditions",
    },
    policy: {
      type: "string",
      value: "POLICY.yaml",
      description: "Fail (exit 6) when the audit breaks this policy",
    },
    "dataset-licenses": {
      type: "string",
      value: "FILE",
      description: "YAML 'datasets: {ID: LICENCE}' for datasets the document leaves without one",
    },
    "model-licenses": {
      type: "string",
      value: "FILE",
      description: "YAML 'models: {ID: LICENCE}' for models the document leaves without one",
    },
    db: {
      type: "string",
      value: "LOCATION",
      description:
        "Registry (SQLite path or postgres:// URL) to follow ancestry through; default FTL_DB or .ftl/registry.db for registry:ID",
    },
    depth: {
      type: "string",
      value: "N",
      description: "hf:ID only: parent links to follow on the Hub [default: 16]",
    },
  },
  details: `FILE is an ftl/v1 lineage document or anything 'ftl import' reads (a model card, a trainer config).
hf:ID imports the model and its ancestors from the Hub; registry:ID audits a registered model with its whole
ancestry. With --db, the bases of any input are followed into the registry too.

Commercial use is one of: allowed; allowed, with warnings (data with no known licence, provider output terms,
share-alike data); NOT allowed (a known term forbids it, quoted); unclear (a model's licence unknown, or the
chain not read: a base the card names that nothing resolves, a derived model with no ancestor read). Triage,
not legal advice. A card's own text and the LICENSE file next to it are read too.

Findings are errors (an inherited obligation the subject breaks: license-conflict, naming-rule), warnings
(relicensing, non-commercial or share-alike data, unknown licences, missing data) and notes (obligations,
inferred licences). Policy file (every key optional):
  deny: [${FINDING_CODES.slice(0, 4).join(", ")}, …]   finding codes that fail the audit
  require: [${REQUIREMENTS.join(", ")}]
  licenses: {allow: [apache-2.0, mit], deny: [agpl-3.0]}
  fail-on: ${FAIL_ON.join(" | ")}   (default error)
Exit codes: 0 passed, 6 an error finding or a violated policy, 1 invalid lineage document, 2 usage error
(missing file, bad policy or licence map, unknown registry model, Hub model not found), 5 Hub unreachable.`,
  examples: [
    "ftl audit examples/zephyr-7b-beta.lineage.json",
    "ftl audit README.md --policy release-policy.yaml --json",
    "ftl audit hf:HuggingFaceH4/zephyr-7b-beta --dataset-licenses datasets.yaml",
    "ftl audit registry:HuggingFaceH4/zephyr-7b-beta --db .ftl/registry.db",
  ],
  async run({ positionals, values, io }) {
    const target = positionals[0]!;
    const policyFile = str(values, "policy");
    const policy = policyFile ? loadPolicy(policyFile) : undefined;
    const modelsFile = str(values, "model-licenses");
    const datasetsFile = str(values, "dataset-licenses");
    const models = modelsFile ? loadLicenseMap(modelsFile, "models") : undefined;
    const datasets = datasetsFile ? loadLicenseMap(datasetsFile, "datasets") : undefined;
    const depthText = str(values, "depth");
    const depth = depthText === undefined ? undefined : Number(depthText);
    if (depth !== undefined && (!Number.isInteger(depth) || depth < 0))
      throw new CliError(`--depth: expected a whole number ≥ 0, got '${depthText}'`);
    const db = str(values, "db");
    const isRegistry = target.startsWith("registry:");
    const store = isRegistry || db !== undefined ? await openRegistry(db, io) : undefined;
    try {
      let loaded: Loaded;
      if (isRegistry) {
        const id = target.slice("registry:".length);
        const built = await documentFromStore(store!, id);
        if (!built) throw new CliError(`${id}: not in the registry ${store!.location}`);
        loaded = { document: built.document, complete: built.complete, warnings: [], from: "registry" };
      } else if (target.startsWith("hf:")) {
        loaded = await loadFromHub(target, depth, io);
      } else {
        loaded = await loadFile(target);
      }
      const upstream: UpstreamLookup | undefined =
        store && !isRegistry ? async (id) => (await documentFromStore(store, id))?.document : undefined;
      const recorded = store && !isRegistry ? await recordedLicenses(store, loaded.document) : undefined;
      const options = {
        ...(recorded ? { recorded } : {}),
        ...(models ? { models } : {}),
        ...(datasets ? { datasets } : {}),
        ...(upstream ? { upstream } : {}),
        ...(loaded.complete ? {} : { complete: false }),
        ...(loaded.cardText !== undefined ? { cardText: loaded.cardText } : {}),
        ...(loaded.licenseFile ? { licenseFile: loaded.licenseFile } : {}),
        ...(loaded.dataLicenseFile ? { dataLicenseFile: loaded.dataLicenseFile } : {}),
        ...(loaded.otherTexts ? { otherTexts: loaded.otherTexts } : {}),
      };
      const report = loaded.lineages
        ? await auditSeveralLineages(loaded.lineages, options)
        : await auditLineage(loaded.document, options);
      const result = evaluatePolicy(report, policy ?? {});
      const exitCode = result.passed ? EXIT.ok : EXIT.auditFailed;
      if (flag(values, "json")) {
        printJson(io, {
          ...report,
          input: { target, from: loaded.from, complete: loaded.complete, warnings: loaded.warnings },
          policy: { ...(policyFile ? { file: policyFile } : {}), ...result },
          exitCode,
        });
      } else {
        for (const w of loaded.warnings) io.stderr(`warning: ${w.message}\n`);
        io.stdout(
          `${formatAudit(report, {
            verbose: flag(values, "verbose"),
            ...(policyFile ? { policy: { file: policyFile, result } } : {}),
          })}\n`,
        );
        if (!policyFile && !result.passed)
          io.stdout("\nExit 6: an inherited obligation is broken (error findings above).\n");
      }
      return exitCode;
    } finally {
      await store?.close();
    }
  },
};
