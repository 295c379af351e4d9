/** `estimate ref [card]`: the reference cards (latency, powers of two, nines). */
import { EstimateError } from '../../diagnostics/error.js';
import { suggest } from '../../diagnostics/suggest.js';
import { CARDS } from '../../reference/index.js';
import { renderCardJson, renderCardMarkdown, renderCardTable } from '../../render/card.js';
import { wantsAsciiBorders } from '../../render/borders.js';
import { tableWidth } from '../../render/grid.js';
import { type Io } from '../io.js';
import { checkOutputPath, formatFromPath, writeAtomically } from '../write-output.js';

/** Options of `estimate ref`. */
export interface RefOptions {
  readonly format?: 'table' | 'markdown' | 'json' | 'csv';
  readonly output?: string;
  /** Table borders in ASCII (also under TERM=dumb). */
  readonly ascii?: boolean;
}

/** Lists the cards, or prints one. */
export async function runRef(name: string | undefined, opts: RefOptions, io: Io): Promise<number> {
  if (name === undefined) {
    for (const [n, c] of CARDS) io.out(`${n.padEnd(8)}  ${c.summary}\n`);
    return 0;
  }
  const entry = CARDS.get(name);
  if (!entry) {
    const close = suggest(name, CARDS.keys());
    throw new EstimateError('E0908', `unknown reference card \`${name}\``, {
      where: 'ref argument',
      help: [close.length ? `did you mean \`${close[0]}\`?` : `the cards are ${[...CARDS.keys()].join(', ')}`],
    });
  }
  const format = opts.format ?? (opts.output ? formatFromPath(opts.output) : 'table');
  if (format === 'csv' || !format) {
    throw new EstimateError('E0904', 'reference cards export to table, markdown or json', { where: opts.output ? `--output ${opts.output}` : '--format' });
  }
  const card = entry.build();
  const text = format === 'json' ? renderCardJson(card) : format === 'markdown' ? renderCardMarkdown(card) : renderCardTable(card, tableWidth(io.columns), wantsAsciiBorders(opts.ascii, io.env['TERM']));
  if (opts.output) {
    writeAtomically(checkOutputPath(opts.output, io.cwd, []), text);
    io.err(`wrote ${opts.output}\n`);
  } else {
    io.out(text);
  }
  return 0;
}
