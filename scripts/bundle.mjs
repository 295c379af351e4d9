// Bundles the CLI into one CommonJS file, dist/bundle/estimate.cjs: Node loads a single
// CommonJS file faster than a graph of ES modules (measured in bench/, see README). The
// prompt library and the YAML parser stay outside and load only on the paths that use them.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

/**
 * commander requires node:child_process at load time for executable subcommands, which this
 * CLI has none of; loading it (and node:net behind it) cost ~7 ms of every start. commander
 * gets a stand-in that loads the real module on first use.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-builtin' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      contents: "const load = () => require('node:child_process');\nmodule.exports = { get spawn() { return load().spawn; } };",
      loader: 'js',
    }));
  },
};

/**
 * cli-table3 draws every line of a cell after cutting the cell's whole text to 10 columns, only
 * for a debug message that it keeps at debug level (never on for us). When a line's length
 * and width differ (wide characters, emoji) that cut is quadratic: 900 rows of CJK labels took
 * 6 s instead of 1. The bundle leaves the cell's text out of that message; the build fails
 * if cli-table3 changes, so this is looked at again.
 */
const cheapTableDebug = {
  name: 'cheap-table-debug',
  setup(b) {
    b.onLoad({ filter: /[\\/]cli-table3[\\/]src[\\/]cell\.js$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const text = await readFile(args.path, 'utf8');
      const slow = 'let content = utils.truncate(this.content, 10, this.truncate);\n    if (!lineNum) {';
      if (!text.includes(slow)) throw new Error(`${args.path}: the debug cut to patch is gone; see scripts/bundle.mjs`);
      return { contents: text.replace(slow, "let content = '';\n    if (!lineNum) {"), loader: 'js' };
    });
  },
};

rmSync('dist/bundle', { recursive: true, force: true });
await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/bundle/estimate.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // ESTIMATE_NO_MINIFY=1 keeps names readable in `node --cpu-prof` profiles.
  minify: process.env.ESTIMATE_NO_MINIFY !== '1',
  legalComments: 'linked',
  // cli-table3 requires @colors/colors only to colour cells and borders, which ours never are.
  external: ['yaml', '@inquirer/prompts', '@colors/colors'],
  // cli-table3's string-width is our width function (the npm override does this in
  // node_modules too); one copy in the bundle, the one src/render/text-width.ts imports.
  alias: { 'string-width': './vendor/fast-string-width/index.js' },
  // The sources are ES modules that locate files from import.meta.url.
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
  plugins: [lazyChildProcess, cheapTableDebug],
});

// esbuild escapes non-ASCII characters in strings but not in regular expression literals
// (`/^[x×*]/`); one such character made V8 decode the whole bundle from UTF-8 into a two-byte
// string at every start. Escaped here (\uXXXX means the same in a regular expression, with
// or without the u flag), the bundle is ASCII and bin/estimate.js reads it as Latin-1: a copy.
{
  const { readFileSync, writeFileSync } = await import('node:fs');
  const text = readFileSync('dist/bundle/estimate.cjs', 'utf8');
  const ascii = text.replace(/[^\x00-\x7f]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
  writeFileSync('dist/bundle/estimate.cjs', ascii);
}

// The built-in templates' YAML trees, so `estimate twitter` needs no YAML parser at run time.
const { mkdirSync, readdirSync, readFileSync, writeFileSync } = await import('node:fs');
const { readYaml } = await import('../dist/template/yaml-tree.js');
const { storeTree } = await import('../dist/template/tree-cache.js');
rmSync('dist/template-cache', { recursive: true, force: true });
mkdirSync('dist/template-cache', { recursive: true });
for (const file of readdirSync('templates').filter((f) => f.endsWith('.yaml')).sort()) {
  const text = readFileSync(`templates/${file}`, 'utf8');
  const { root, errors } = readYaml({ name: `templates/${file}`, text });
  if (errors.length > 0 || !root) throw new Error(`templates/${file} has errors: ${errors.map((e) => e.message).join('; ')}`);
  writeFileSync(`dist/template-cache/${file.slice(0, -5)}.json`, JSON.stringify({ text, tree: storeTree(root) }));
}

// `estimate list` reads the built-in templates' titles from one index (src/template/tree-cache.ts).
const { parseTemplate } = await import('../dist/template/load.js');
const { source } = await import('../dist/diagnostics/source.js');
const titles = {};
for (const file of readdirSync('templates').filter((f) => f.endsWith('.yaml')).sort()) {
  const text = readFileSync(`templates/${file}`, 'utf8');
  titles[file.slice(0, -5)] = { text, title: parseTemplate(source(`templates/${file}`, text)).title };
}
writeFileSync('dist/template-titles.json', JSON.stringify(titles));

// The V8 code cache of the bundle, made by running the main job once (bin/estimate.js).
const { execFileSync } = await import('node:child_process');
execFileSync(process.execPath, ['bin/estimate.js', 'twitter'], { env: { ...process.env, ESTIMATE_WRITE_CODE_CACHE: '1' }, stdio: 'ignore' });
