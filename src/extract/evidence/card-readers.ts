/**
 * The card's evidence readers. Each reads one kind of statement (Trainer lists, prose in another language,
 * commands, merge tables, …) from the parsed card and adds evidence to the shared `CardState`: prose steps
 * with their objective and parameterisation, bases, datasets, hyperparameters under the trainer's key names,
 * each with its file, line and confidence. `readCard` then resolves the evidence into steps. A reader never
 * builds steps of its own chain and never decides between readers: that is resolution's job.
 *
 * To add a category: write `(blocks, state) => void` in its own module beside this one, test it alone, and
 * list it here.
 */

import type { CardState } from "../card-body.js";
import type { Block } from "../markdown.js";
import { readAdapterMergeProse } from "./adapter-merge-prose.js";
import { readCommandBlocks } from "./commands.js";
import { readDatasetCode } from "./dataset-code.js";
import { readDatasetFiles } from "./dataset-files.js";
import { readDatasetLines } from "./dataset-lines.js";
import { readDatasetLinkFallback } from "./dataset-link-fallback.js";
import { readDatasetMentions } from "./dataset-mentions.js";
import { readDatasetTables } from "./dataset-tables.js";
import { readDatasetTree } from "./dataset-tree.js";
import { readDownloads } from "./download-refs.js";
import { dropFailedStages } from "./failed-stages.js";
import { readGgufExportProse } from "./gguf-export-prose.js";
import { readKeyCellTables } from "./key-cell-tables.js";
import { readMergeProse } from "./merge-prose.js";
import { readPublishedSelf } from "./ml-self-id.js";
import { readMultilingual } from "./multilingual.js";
import { readBaseCells } from "./named-base-cells.js";
import { readNamedBaseFallback, readNamedBases, readNamedBasesOtherLanguages } from "./named-bases.js";
import { readNamedDatasets } from "./named-datasets.js";
import { readPeftLoadBase } from "./peft-load-base.js";
import { readPipelineDiagram } from "./pipeline-diagram.js";
import { readProseMethods } from "./prose-methods.js";
import { readProseSettings } from "./prose-settings.js";
import { readQuantizedBase } from "./quantized-base.js";
import { readQuantExport } from "./quantized-export.js";
import { readProseExport } from "./quantized-prose-export.js";
import { readQuantizedUpload } from "./quantized-upload.js";
import { readSectionBase } from "./section-base.js";
import { readCodeArgumentLists, readSettingsPairs, readWordSettingsList } from "./settings-pairs.js";
import { readTrainingCode } from "./training-code.js";
import { readWordSettingsCells } from "./word-settings-cells.js";

export type CardEvidenceReader = (blocks: Block[], state: CardState) => void;

export const CARD_READERS: readonly CardEvidenceReader[] = [
  // A table row labelled as the base ("| **Modelo base** | Meta-Llama-3-8B-Instruct |") before a name in a sentence
  // ("# Fine-Tuning Llama 3 8B con QLoRA": dev y7-ne-es-okla-llama3-8b-qlora-gguf-colab).
  readBaseCells,
  readNamedBases,
  readSectionBase,
  readQuantizedBase,
  readMergeProse,
  readQuantizedUpload,
  readQuantExport,
  readProseExport,
  readCommandBlocks,
  readTrainingCode,
  readProseMethods,
  readSettingsPairs,
  readWordSettingsList,
  readCodeArgumentLists,
  readProseSettings,
  readKeyCellTables,
  readMultilingual,
  readNamedBasesOtherLanguages,
  readNamedDatasets,
  readDatasetTables,
  readDatasetLines,
  readDatasetMentions,
  readDatasetCode,
  readDatasetFiles,
  readDatasetTree,
  readDatasetLinkFallback,
  // After every reader of settings: it fills only what they did not find, at its lower confidence.
  readWordSettingsCells,
  readPublishedSelf,
  readPipelineDiagram,
  // After the readers of bases in words: only a card that names none.
  readPeftLoadBase,
  // After every reader that adds prose steps: a stage a heading marks failed is not a step.
  dropFailedStages,
  // After every reader that finds a base: a name the table does not know is the last resort.
  readNamedBaseFallback,
  // After every reader that says a training happened: a GGUF export said in words follows it, and so does
  // an adapter merge.
  readGgufExportProse,
  readAdapterMergeProse,
  // Last: it rewrites the local folders and names the readers above found.
  readDownloads,
];
