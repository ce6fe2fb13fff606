/** The API's answers as the page reads them (the server's zod schemas describe them in full). */
export type {
  AncestorsResult,
  CommonResult,
  DatasetsResult,
  DescendantsPage,
  StepEdge,
  TrainedOnResult,
} from "../store/store.js";

import type { DocumentsResult, LicenseClaim, ModelInfo } from "../store/store.js";

export type ModelAnswer = DocumentsResult & { model: ModelInfo; licenses: LicenseClaim[] };
export interface SearchAnswer {
  models: string[];
  datasets: string[];
}
export interface AuditAnswer {
  subject: { id: string; license?: string };
  verdict: { level: string; commercialUse: string; reasons: string[]; warnings: string[] };
  findings: { severity: "error" | "warning" | "info"; code: string; message: string }[];
}
