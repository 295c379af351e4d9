/**
 * Redteam F10: --sensitivity kept a full evaluation of every slot for each input moved, and
 * re-ran every quantity: 12,000 inputs took 59 s and 5 GB. Now each input re-runs only the
 * quantities downstream of it, from one shared buffer. These tests pin that the shortcut gives
 * the same bits as a full re-evaluation, and that the output stays proportional to the template.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Evaluator } from '../../src/analysis/evaluator.js';
import { source } from '../../src/diagnostics/source.js';
import { buildModel } from '../../src/model/build.js';
import { parseTemplate } from '../../src/template/load.js';
import { cli, ROOT, tempDir } from '../helpers.js';

const TEMPLATES = readdirSync(`${ROOT}/templates`).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
const load = (name: string) => buildModel(parseTemplate(source(`templates/${name}.yaml`, readFileSync(`${ROOT}/templates/${name}.yaml`, 'utf8')), { name, folder: `${ROOT}/templates` }));

describe('moving one input re-runs only what reads it (F10)', () => {
  it.each(TEMPLATES)('%s: every input doubled gives the bits of a full re-evaluation', (name) => {
    const model = load(name);
    let ev: Evaluator;
    try {
      ev = new Evaluator(model, new Map());
    } catch {
      return; // a template whose quantities hold ranges themselves has no what-if analyses (E0744)
    }
    const center = ev.at([]);
    for (const input of model.inputs) {
      const value = center[input.slot]! * 2;
      const full = ev.at([{ slot: input.slot, value }]);
      const downstream = ev.downstreamOf(input);
      const moved = ev.moved(center, input.slot, value, downstream);
      const changed = new Map(downstream.map((q, k) => [q.slot, moved[k]!]));
      for (const q of model.quantities) {
        const got = changed.has(q.slot) ? changed.get(q.slot)! : center[q.slot]!;
        expect(Object.is(got, full[q.slot]!), `${name}: ${input.name} -> ${q.name}`).toBe(true);
      }
      // The shared buffer is put back for the next input.
      expect(Array.from(center)).toEqual(Array.from(ev.at([])));
    }
  });
});

describe('a tornado of 2,000 inputs and 500 outputs', () => {
  it('names at most 20 inputs that do not move an output, then counts the rest', async () => {
    const n = 2000;
    const inputs = Array.from({ length: n }, (_, i) => `  i${i}:\n    label: In ${i}\n    default: ${i + 1}\n    help: h\n`).join('');
    const quantities = Array.from({ length: n / 4 }, (_, i) => `  q${i}: i${i} * 2 + i${(i * 7) % n}\n`).join('');
    const file = join(tempDir('estimate-tornado-'), 'big.yaml');
    writeFileSync(file, `name: big\ntitle: big\ninputs:\n${inputs}quantities:\n${quantities}sections:\n  S: [${Array.from({ length: n / 4 }, (_, i) => `q${i}`).join(', ')}]\n`);
    const r = await cli([file, '--sensitivity', '--format', 'md']);
    expect(r.code).toBe(0);
    // q1 reads i1 and i7: the other 1,998 inputs leave it alone.
    expect(r.stdout.includes('q1 does not depend on i0, i2, i3, i4, i5, i6, i8,')).toBe(true);
    expect(r.stdout.includes('i21 and 1,978 more inputs.')).toBe(true);
    // Proportional to the template: each output's table and note, not 2,000 names each.
    expect(r.stdout.length).toBeLessThan(2_000_000);
  });
});
