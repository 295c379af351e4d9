// Bundles the CLI into one CommonJS file, dist/bundle/estimate.cjs: Node loads a single
// CommonJS file faster than a graph of ES modules (measured in bench/, see README). The
// prompt library and the YAML parser stay outside and load only on the paths that use them.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/bundle', { recursive: true, force: true });
await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/bundle/estimate.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'linked',
  external: ['yaml', '@inquirer/prompts'],
  // The sources are ES modules that locate files from import.meta.url.
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});

// The built-in templates' YAML trees, so `estimate twitter` needs no YAML parser at run time.
const { mkdirSync, readdirSync, readFileSync, writeFileSync } = await import('node:fs');
const { readYaml } = await import('../dist/template/yaml-tree.js');
const { storeTree, textHash } = await import('../dist/template/tree-cache.js');
rmSync('dist/template-cache', { recursive: true, force: true });
mkdirSync('dist/template-cache', { recursive: true });
for (const file of readdirSync('templates').filter((f) => f.endsWith('.yaml')).sort()) {
  const text = readFileSync(`templates/${file}`, 'utf8');
  const { root, errors } = readYaml({ name: `templates/${file}`, text });
  if (errors.length > 0 || !root) throw new Error(`templates/${file} has errors: ${errors.map((e) => e.message).join('; ')}`);
  writeFileSync(`dist/template-cache/${file.slice(0, -5)}.json`, JSON.stringify({ hash: textHash(text), tree: storeTree(root) }));
}

// The V8 code cache of the bundle, made by running the main job once (bin/estimate.js).
const { execFileSync } = await import('node:child_process');
execFileSync(process.execPath, ['bin/estimate.js', 'twitter'], { env: { ...process.env, ESTIMATE_WRITE_CODE_CACHE: '1' }, stdio: 'ignore' });
