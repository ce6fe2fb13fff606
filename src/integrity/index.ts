/**
 * Integrity: tying lineage to bytes. Hashing and capture (manifests, root digests, `ftl capture`) and OMS
 * signing and verifying.
 */

// Capture: a training output folder read and hashed into a lineage step.
export * from "./capture/index.js";
// Hashing models the OMS v1.0 way: manifests, root digests, the canonical order.
export * from "./hash/index.js";
// Signed lineage (`readSignedLineage`, `signLineage`, chain of custody); OMS signatures: ./oms/index.js.
export * from "./lineage-signing/index.js";
