#!/usr/bin/env node
import { runMain } from "../dist/cli/main.js";

await runMain(process.argv.slice(2));
