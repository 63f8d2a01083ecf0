#!/usr/bin/env node
// Runs the bundled CLI (dist/, made by `npm run build`).
import { main } from '../dist/cli.js';

await main();
