#!/usr/bin/env node
// The switchboard CLI; the code is in src/cli.ts (built to dist/ by `npm ci` via the root prepare script).
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2));
