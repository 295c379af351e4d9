/** Property: a sized fleet is the largest per-resource count plus the spares, and the first largest binds. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { source } from '../../src/diagnostics/source.js';
import { buildModel } from '../../src/model/build.js';
import { evaluate } from '../../src/model/evaluate.js';
import { buildReport } from '../../src/render/report.js';
import { parseTemplate } from '../../src/template/load.js';

function fleetTemplate(needs: readonly number[], per: readonly number[], fill: number, spare: number): string {
  const inputs = needs.map((n, k) => `  need_${k}: ${n} req/s\n  per_${k}: ${per[k]} req/s/node\n`).join('');
  const resources = needs.map((_, k) => `      r${k}:\n        need: need_${k}\n        per_server: per_${k}\n        fill: ${fill}%\n`).join('');
  const shown = ['web', ...needs.map((_, k) => `web.r${k}`)].join(', ');
  return `name: p\ntitle: P\nunits: [node]\ninputs:\n${inputs}quantities:\n  one: need_0\nsizing:\n  web:\n    unit: node\n    spare: ${spare} node\n    resources:\n${resources}sections:\n  S: [${shown}]\n`;
}

describe('sizing by the binding resource (property)', () => {
  it('fleet = max over resources of ceil(need / (per_server × fill)) + spare; the first largest binds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: 1, max: 5_000 }), { minLength: 6, maxLength: 6 }),
        fc.integer({ min: 10, max: 100 }),
        fc.integer({ min: 0, max: 3 }),
        (needs, per, fill, spare) => {
          const model = buildModel(parseTemplate(source('p.yaml', fleetTemplate(needs, per, fill, spare))));
          const results = evaluate(model);
          const counts = needs.map((n, k) => {
            const raw = n / ((per[k]! * fill) / 100);
            const r = Math.round(raw);
            return Math.abs(raw - r) <= 1e-12 * Math.abs(raw) ? r : Math.ceil(raw);
          });
          const top = Math.max(...counts);
          expect(results.values[model.byName.get('web')!.slot]).toBe(top + spare);
          const row = buildReport(model, results).sections[0]!.rows[0]!;
          expect(row.sizing!.binds).toBe(`r${counts.indexOf(top)}`);
        },
      ),
      { numRuns: 150 },
    );
  });
});
