/**
 * Whether a dataset value names a Hub dataset (`org/name`) or a file or folder on disk (`data/train.jsonl`,
 * `dataset/warship.json`, `outputs/x`): one test for the readers that meet both in the same field.
 */
const ID = /^[A-Za-z0-9][\w.-]{0,95}\/[\w.-]{1,96}$/;
const FILE = /\.(?:jsonl?|csv|tsv|txt|parquet|arrow|zip|gz|tar|xlsx?|py)$/i;
const PATH_ROOT = /^(?:data|datasets?|train|output|outputs|home|mnt|tmp|root|content|workspace|src)\//i;

/** Is the value a Hub dataset id, not a file or a path under a usual project folder? */
export function isHubDataset(value: string): boolean {
  return ID.test(value) && !FILE.test(value) && !PATH_ROOT.test(value);
}

/** The value as a dataset reference: a Hub id as itself, anything else as `local:`. */
export function datasetRef(value: string): string {
  return isHubDataset(value) ? value : `local:${value}`;
}
