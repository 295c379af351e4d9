#!/usr/bin/env node
// Runs the CLI bundle (dist/bundle/estimate.cjs, built by `npm run build`) with the V8 code
// cache made at build time: compiling the bundle is most of the start-up cost (README,
// Performance). A cache from another Node version is rejected by V8 and simply not used.
// The bundle loads its second part, dist/bundle/extras.cjs (the analyses, prompts and authoring
// commands), through the same loader when one of those runs.
// This file is CommonJS (bin/package.json): a CommonJS entry starts faster than an ES module.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

/**
 * Runs dist/bundle/<name>.cjs as a CommonJS module and returns its exports. `serveCore`, for a
 * chunk, hands out the core's modules that the chunk imports as `estimate-core:<path>`.
 */
function load(name, serveCore) {
  const filename = join(__dirname, '..', 'dist', 'bundle', `${name}.cjs`);
  const cacheFile = filename.replace(/\.cjs$/, '.v8cache');
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const source = readFileSync(filename, 'utf8');
  // The script's name is stored in the code cache: a fixed name, not this checkout's path, keeps
  // the build machine's folders out of the published package (and the cache valid wherever it lands).
  const script = new Script(`(function (exports, require, module, __filename, __dirname, __estimateLoad) {${source}\n})`, {
    filename: `estimate-cli/dist/bundle/${name}.cjs`,
    cachedData,
  });
  if (process.env.ESTIMATE_CODE_CACHE_REPORT === '1') process.stderr.write(`code cache ${name} ${cachedData === undefined ? 'missing' : script.cachedDataRejected ? 'rejected' : 'used'}\n`);
  const write = process.env.ESTIMATE_WRITE_CODE_CACHE;
  if (write === '1' || write === name) {
    // Written after a run, so the cache also holds the functions that the run compiled.
    process.on('exit', () => writeFileSync(cacheFile, script.createCachedData()));
  }
  const requireHere = createRequire(filename);
  const require = serveCore ? (id) => (id.startsWith('estimate-core:') ? serveCore(id.slice('estimate-core:'.length)) : requireHere(id)) : requireHere;
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, require, mod, filename, dirname(filename), load);
  return mod.exports;
}

load('estimate');
