/** `estimate ref [card]`: the reference cards (latency, powers of two, nines), in every output format. */
import { EstimateError } from '../../diagnostics/error.js';
import { sanitize } from '../../diagnostics/sanitize.js';
import { suggest } from '../../diagnostics/suggest.js';
import { type Card } from '../../reference/card.js';
import { CARDS } from '../../reference/index.js';
import { wantsAsciiBorders } from '../../render/borders.js';
import { outputFormat } from '../../render/formats.js';
import { type Io } from '../io.js';
import { quotedArg, type RefOptions } from '../options.js';
import { checkOutputPath, writeAtomically } from '../write-output.js';
import { chosenFormat } from './estimate.js';

/** Lists the cards, or prints one. */
export async function runRef(name: string | undefined, opts: RefOptions, io: Io): Promise<number> {
  if (name === undefined && opts.format === undefined && opts.output === undefined) {
    const width = Math.max(...[...CARDS.keys()].map((n) => n.length));
    for (const [n, c] of CARDS) io.out(`${n.padEnd(width)}  ${c.summary}\n`);
    return 0;
  }
  // The list of cards is itself a card, so `ref --format json` is JSON like every card.
  const entry = name === undefined ? { build: cardList } : CARDS.get(name);
  if (!entry || name === '') {
    const close = suggest(name ?? '', CARDS.keys());
    throw new EstimateError('E0908', `unknown reference card ${quotedArg(name ?? '')}`, {
      where: 'ref argument',
      help: [close.length ? `did you mean \`${close[0]}\`?` : `the cards are ${[...CARDS.keys()].join(', ')}`],
    });
  }
  const format = chosenFormat(opts.format, opts.output);
  const render = await outputFormat(format).card();
  const text = render(entry.build(), { columns: io.columns, explain: false, ascii: wantsAsciiBorders(opts.ascii, io.env['TERM']) });
  if (opts.output) {
    writeAtomically(checkOutputPath(opts.output, io.cwd, []), text);
    io.err(`wrote ${sanitize(opts.output)}\n`);
  } else {
    io.out(text);
  }
  return 0;
}

/** The cards as a card of their own: name and content. */
function cardList(): Card {
  return {
    name: 'cards',
    title: 'Reference cards',
    source: 'estimate ref <card> shows one',
    columns: ['Card', 'Content'],
    rows: [...CARDS].map(([n, c]) => [n, c.summary]),
    notes: [],
  };
}
