/**
 * Capture: a training output folder → a lineage step whose output carries the folder's OMS root digest and
 * per-file manifest. `captureFolder(dir, options)`; `isModelFile` says what a model file is.
 */
export { captureFolder } from "./capture-folder.js";
export { isModelFile, MODEL_FILES_DESCRIPTION } from "./model-files.js";
export { CaptureError, type CaptureErrorCode, type CaptureOptions, type CaptureResult } from "./types.js";
