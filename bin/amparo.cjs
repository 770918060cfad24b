#!/usr/bin/env node
// The `amparo` command. Runs the built CLI (npm run build); in a source checkout without a build it runs
// the TypeScript directly through tsx, so `npx amparo` works right after `npm install`.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const built = join(__dirname, '..', 'out', 'main', 'cli.js');
if (existsSync(built)) {
  require(built);
} else {
  require('tsx/cjs');
  require(join(__dirname, '..', 'electron', 'cli', 'index.ts'));
}
