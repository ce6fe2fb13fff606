import type { Command } from "../command.js";
import { addCommand } from "./add.js";
import { auditCommand } from "./audit.js";
import { captureCommand } from "./capture.js";
import { crawlCommand } from "./crawl.js";
import { exportCommand } from "./export.js";
import { hashCommand } from "./hash.js";
import { importCommand } from "./import.js";
import { ingestCommand } from "./ingest.js";
import { initCommand } from "./init.js";
import { keygenCommand } from "./keygen.js";
import { QUERY_COMMANDS } from "./query.js";
import { queryByDigestCommand } from "./query-by-digest.js";
import { querySearchCommand } from "./query-search.js";
import { recipeCommand } from "./recipe.js";
import { schemaCommand } from "./schema.js";
import { serveCommand } from "./serve.js";
import { showCommand } from "./show.js";
import { signCommand } from "./sign.js";
import { stepAddCommand } from "./step-add.js";
import { TOKEN_COMMANDS } from "./token.js";
import { treeCommand } from "./tree.js";
import { validateCommand } from "./validate.js";
import { verifyCommand } from "./verify.js";

/** Every command, in the order `ftl --help` lists them. */
export const COMMANDS: Command[] = [
  // one document
  validateCommand,
  showCommand,
  initCommand,
  stepAddCommand,
  importCommand,
  exportCommand,
  auditCommand,
  recipeCommand,
  // integrity: digests of model folders
  captureCommand,
  hashCommand,
  keygenCommand,
  signCommand,
  verifyCommand,
  // the registry
  addCommand,
  ingestCommand,
  ...QUERY_COMMANDS,
  querySearchCommand,
  queryByDigestCommand,
  treeCommand,
  crawlCommand,
  serveCommand,
  ...TOKEN_COMMANDS,
  schemaCommand,
];
