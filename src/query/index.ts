/**
 * Registry queries for people and programs. The queries themselves are methods of a {@link Store}
 * (`ancestors`, `descendants`, `trainedOn`, `datasetsOf`, `common`, `licenses` …); this module adds what
 * sits on top of them: the descendant tree, text renderings, and one-call helpers that open a registry.
 */
import { type OpenStoreOptions, openStore } from "../store/index.js";
import type { Store } from "../store/store.js";

export { renderAncestors } from "./ancestors-text.js";
export { describeEdge, describeEdgeMethod } from "./describe-edge.js";
export { buildTree, renderTree, type TreeNode, type TreeOptions } from "./tree.js";

/**
 * Opens a registry, runs `fn` on it and closes it, even when `fn` throws.
 *
 * @example
 * const up = await withRegistry("registry.db", (store) => store.ancestors("HuggingFaceH4/zephyr-7b-beta"));
 */
export async function withRegistry<T>(
  location: string | undefined,
  fn: (store: Store) => Promise<T>,
  options: OpenStoreOptions = {},
): Promise<T> {
  const store = await openStore(location, options);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
