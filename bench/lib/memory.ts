/** Peak memory of this process. */

/** Peak resident set size of this process so far, in MB (Linux reports maxRSS in KiB). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
