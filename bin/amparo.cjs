#!/usr/bin/env node
// The `amparo` command in a checkout (`bin/amparo.cjs …`, or `amparo` after `npm link`). Runs the built CLI
// (npm run build); without a build it runs the TypeScript directly through tsx. Run it directly, not through
// npx/npm exec: npm logs every argument (docs/cli.md).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const built = join(__dirname, '..', 'out', 'main', 'cli.js');
if (existsSync(built)) {
  require(built);
} else {
  require('tsx/cjs');
  require(join(__dirname, '..', 'electron', 'cli', 'index.ts'));
}
