#!/usr/bin/env node
// Runs the CLI bundle (dist/bundle/estimate.cjs, built by `npm run build`) with the V8 code
// cache made at build time: compiling the bundle is most of the start-up cost (README,
// Performance). A cache from another Node version is rejected by V8 and simply not used.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const filename = fileURLToPath(new URL('../dist/bundle/estimate.cjs', import.meta.url));
const cacheFile = filename.replace(/\.cjs$/, '.v8cache');
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const source = readFileSync(filename, 'utf8');
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename, cachedData });
if (process.env.ESTIMATE_WRITE_CODE_CACHE === '1') {
  // Written after a run, so the cache also holds the functions that the run compiled.
  process.on('exit', () => writeFileSync(cacheFile, script.createCachedData()));
}
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(filename), module, filename, dirname(filename));
