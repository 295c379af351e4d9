// Bundles the CLI into one CommonJS file, dist/bundle/estimate.cjs: Node loads a single
// CommonJS file faster than a graph of ES modules (measured in bench/, see README). The
// prompt library and the YAML parser stay outside and load only on the paths that use them.
import { rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
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

/**
 * The bundle is split in two (README, Performance): estimate.cjs holds what the main paths run
 * (`estimate <template>`, calc, list, show, ref and the table, Markdown, JSON and CSV
 * renderers); extras.cjs holds the modules below and what only they import: the what-if
 * analyses and their renderers, the HTML page, the interactive prompts, diff and the authoring
 * commands. Every start reads, and V8 deserializes, only the first. The core imports these
 * modules only with `await import()`; the build fails on a static import, which would load the
 * chunk on every start.
 */
const LAZY = [
  'src/cli/commands/analyze.ts',
  'src/cli/commands/interactive.ts',
  'src/cli/commands/diff.ts',
  'src/cli/commands/schema.ts',
  'src/cli/commands/check.ts',
  'src/cli/commands/new.ts',
  'src/cli/commands/completion.ts',
  'src/cli/commands/repl.ts',
  'src/render/html.ts',
];
const ROOT = process.cwd();
const rel = (path) => relative(ROOT, path).split(sep).join('/');

/** Resolves an import as esbuild would, to a path relative to the repository (undefined: not a file). */
async function resolved(b, args) {
  if (args.pluginData === 'resolving' || args.kind === 'entry-point') return undefined;
  const r = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'resolving' });
  return r.errors.length === 0 && !r.external && r.namespace === 'file' ? rel(r.path) : undefined;
}

/**
 * The core's side of the split: an import of a LAZY module becomes a stub that takes it from
 * the chunk, which bin/estimate.js loads (with its code cache) on first use. The chunk reaches
 * back into the core through `shared`: its imports of core modules, so both use one instance of
 * each (one EstimateError class, one unit registry).
 */
const coreSide = (shared) => ({
  name: 'core-side',
  setup(b) {
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.namespace !== 'file' || !args.importer.startsWith(join(ROOT, 'src'))) return undefined;
      const path = await resolved(b, args);
      if (path === undefined || !LAZY.includes(path)) return undefined;
      if (args.kind !== 'dynamic-import') return { errors: [{ text: `${rel(args.importer)} imports ${path} statically: the extras chunk would load on every start (scripts/bundle.mjs)` }] };
      return { path, namespace: 'extras-stub' };
    });
    b.onResolve({ filter: /^estimate-extras$/ }, () => ({ path: 'estimate-extras', namespace: 'extras-loader' }));
    b.onLoad({ filter: /.*/, namespace: 'extras-stub' }, (args) => ({ contents: `module.exports = require('estimate-extras')[${JSON.stringify(args.path)}];`, loader: 'js' }));
    b.onLoad({ filter: /.*/, namespace: 'extras-loader' }, () => ({
      contents: [
        '// The core modules the extras chunk imports, by path; each initialized on first use.',
        'const core = {',
        ...[...shared].sort().map((p) => `  ${JSON.stringify(p)}: () => require(${JSON.stringify('./' + p)}),`),
        '};',
        'let chunk;',
        '// __estimateLoad is bin/estimate.js\'s loader, passed to the bundle with the usual CommonJS arguments.',
        "module.exports = (chunk ??= __estimateLoad('extras', (path) => core[path]()));",
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'js',
    }));
  },
});

/** The chunk's side: imports of core modules become `require('estimate-core:path')`, served by the core. */
const chunkSide = (core, shared) => ({
  name: 'chunk-side',
  setup(b) {
    b.onResolve({ filter: /.*/ }, async (args) => {
      const path = await resolved(b, args);
      if (path === undefined || !core.has(path)) return undefined;
      shared.add(path);
      return { path: `estimate-core:${path}`, external: true };
    });
  },
});

const common = {
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
};
const coreOptions = (shared) => ({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/bundle/estimate.cjs', plugins: [lazyChildProcess, cheapTableDebug, coreSide(shared)] });

rmSync('dist/bundle', { recursive: true, force: true });
// 1. Which modules the core holds (the chunk must not have copies of them).
const probe = await build({ ...coreOptions(new Set()), write: false, metafile: true });
const core = new Set(Object.keys(probe.metafile.inputs).filter((p) => !p.includes(':')));
// 2. The chunk: one entry that hands out each LAZY module, evaluated on first use.
const shared = new Set();
await build({
  ...common,
  stdin: {
    contents: `module.exports = {\n${LAZY.map((p) => `  get ${JSON.stringify(p)}() { return require(${JSON.stringify('./' + p)}); },`).join('\n')}\n};\n`,
    resolveDir: ROOT,
    sourcefile: 'extras-entry.js',
    loader: 'js',
  },
  outfile: 'dist/bundle/extras.cjs',
  plugins: [lazyChildProcess, cheapTableDebug, chunkSide(core, shared)],
});
// 3. The core, serving the modules the chunk imports.
await build(coreOptions(shared));

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

// The V8 code caches, each made by a run (bin/estimate.js): the core's by the main job, the
// chunk's by an analysis, so each holds the functions its run compiled and no other's.
const { execFileSync } = await import('node:child_process');
const warmUp = (name, args) => execFileSync(process.execPath, ['bin/estimate.js', ...args], { env: { ...process.env, ESTIMATE_WRITE_CODE_CACHE: name }, stdio: 'ignore' });
warmUp('extras', ['twitter', '--sensitivity']);
warmUp('estimate', ['twitter']);
