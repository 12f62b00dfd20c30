#!/usr/bin/env node
// The installed `stance`: the built CLI in ../dist (built by `pnpm install`; `node apps/cli/build.mjs` rebuilds it).
// Source maps are read only for --debug, the one time a stack trace is shown: parsing them costs start-up time.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
await import('../dist/stance.js');
