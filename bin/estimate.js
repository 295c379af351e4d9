#!/usr/bin/env node
// Runs the CLI bundle (dist/bundle/estimate.cjs, built by `npm run build`) with the V8 code
// cache made at build time: compiling the bundle is most of the start-up cost (README,
// Performance). A cache from another Node version is rejected by V8 and simply not used.
// This file is CommonJS (bin/package.json): a CommonJS entry starts faster than an ES module.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const filename = join(__dirname, '..', 'dist', 'bundle', 'estimate.cjs');
const cacheFile = filename.replace(/\.cjs$/, '.v8cache');
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
// ASCII (scripts/bundle.mjs sees to it): read as Latin-1, V8 takes the bytes as they are.
const source = readFileSync(filename, 'latin1');
// The script's name is stored in the code cache: a fixed name, not this checkout's path, keeps
// the build machine's folders out of the published package (and the cache valid wherever it lands).
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: 'estimate-cli/dist/bundle/estimate.cjs',
  cachedData,
});
if (process.env.ESTIMATE_CODE_CACHE_REPORT === '1') process.stderr.write(`code cache ${cachedData === undefined ? 'missing' : script.cachedDataRejected ? 'rejected' : 'used'}\n`);
if (process.env.ESTIMATE_WRITE_CODE_CACHE === '1') {
  // Written after a run, so the cache also holds the functions that the run compiled.
  process.on('exit', () => writeFileSync(cacheFile, script.createCachedData()));
}
const bundle = { exports: {} };
script.runInThisContext()(bundle.exports, createRequire(filename), bundle, filename, dirname(filename));
