import type { Command } from "../command.js";
import { auditCommand } from "./audit.js";
import { exportCommand } from "./export.js";
import { initCommand } from "./init.js";
import { schemaCommand } from "./schema.js";
import { showCommand } from "./show.js";
import { stepAddCommand } from "./step-add.js";
import { validateCommand } from "./validate.js";

/** Every command, in the order `ftl --help` lists them. */
export const COMMANDS: Command[] = [
  validateCommand,
  showCommand,
  initCommand,
  stepAddCommand,
  schemaCommand,
  exportCommand,
  auditCommand,
];
