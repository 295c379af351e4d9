/**
 * The text of a new template: a commented starter, or a copy of an existing template renamed,
 * with its book figures dropped (they belong to the book's assumptions, which the copy will
 * change) and its schema line pointing at the installed schema.
 */
import { EstimateError } from '../diagnostics/error.js';
import { type Source } from '../diagnostics/source.js';
import { buildModel } from '../model/build.js';
import { parseTemplate } from '../template/load.js';
import { readYaml, type YValue } from '../template/yaml-tree.js';

/** The first line of a template that editors with the YAML language server read. */
export function schemaLine(schemaRef: string): string {
  return `# yaml-language-server: $schema=${schemaRef}`;
}

const SCHEMA_LINE = /^# yaml-language-server:.*\r?\n/;

/** A commented template that passes `estimate check` without a warning and runs. */
export function starterTemplate(name: string, schemaRef: string): string {
  return `${schemaLine(schemaRef)}
# A capacity estimate: inputs (assumptions) -> quantities (derived) -> sections (shown).
# Run it with \`estimate ${name}.yaml\`, lint it with \`estimate check ${name}.yaml\`.
# Every key is described in docs/templates.md; your editor shows the same help on hover.
name: ${name}
title: "${name}: QPS and storage"
description: >-
  What this model estimates, in a sentence or two (shown in exports).
source: Where the assumptions come from (a book, a design review, a measurement).
units: [user, item, server]          # count units: each is its own dimension (users, items)

inputs:                              # the assumptions; override with --set name=value
  dau:
    label: Daily active users
    default: 1M user                 # an expression with its unit
    help: Users active on a given day.
    min: 0 user                      # optional bounds, checked on every --set
  items_per_user:
    label: Items per user per day
    default: 5 item/user/day
    help: Items an average daily user creates per day.
    min: 0 item/user/day
  item_size:
    label: Size of an item
    default: 10 KB/item
    help: Average stored size of one item.
    min: 0 B/item
  retention:
    label: Retention
    default: 3 year
    help: How long items are kept.
    min: 0 day
  peak_factor:
    label: Peak to average
    default: 2
    help: Peak traffic as a multiple of the daily average.
    min: 1
  server_capacity:
    label: Items per second one server handles
    default: 1000 item/s/server
    help: Sustained write rate of one application server.
    min: 1 item/s/server

quantities:                          # derived from the inputs, in any order
  item_qps:
    label: Item QPS
    value: dau * items_per_user      # an expression over inputs and other quantities
    unit: item/s                     # display unit
  peak_qps:
    label: Peak item QPS
    value: item_qps * peak_factor
    unit: item/s
  storage:
    label: Storage over the retention
    value: item_qps * item_size * retention
    unit: TB
  server_count:
    label: Servers for the peak
    value: ceil(peak_qps / server_capacity)
    unit: server

sections:                            # what the tables show, grouped
  Traffic: [item_qps, peak_qps]
  Storage: [storage]
  Servers: [server_count]
`;
}

/**
 * A template's text renamed to \`name\`, without \`book:\` figures, with the schema line given.
 * Comments and layout are kept: the edits are made in the text at the places the YAML tree
 * gives, not by re-serialising the YAML.
 */
export function copiedTemplate(from: Source, name: string, schemaRef: string): string {
  // The original must be a working template: its own errors are reported as they are.
  buildModel(parseTemplate(from));
  const { root } = readYaml(from);
  if (!root || root.kind !== 'map') throw new EstimateError('E0704', `${from.name} is not a template`, { where: from.name });
  const edits: { start: number; end: number; text: string }[] = [];
  const text = from.text;
  for (const e of root.entries) {
    if (e.key === 'name') edits.push({ start: e.value.span.start, end: e.value.span.end, text: name });
    if (e.key === 'quantities' && e.value.kind === 'map') {
      for (const q of e.value.entries) if (q.value.kind === 'map') for (const f of q.value.entries) if (f.key === 'book') edits.push(removal(text, f.keySpan.start, f.value));
    }
  }
  let out = text;
  for (const ed of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, ed.start) + ed.text + out.slice(ed.end);
  out = schemaLine(schemaRef) + '\n' + out.replace(/^\uFEFF/, '').replace(SCHEMA_LINE, '');
  // The copy must load and build as the original did: a failure here is a bug of this function.
  try {
    buildModel(parseTemplate({ name: `${name}.yaml`, text: out }));
  } catch (e) {
    throw new EstimateError('E9999', `the copy of ${from.name} does not load: ${(e as Error).message}`);
  }
  return out;
}

/** The text to cut for a `book:` entry: its whole lines in block style, else the entry and its comma. */
function removal(text: string, keyStart: number, value: YValue): { start: number; end: number; text: string } {
  const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
  let lineEnd = text.indexOf('\n', value.span.end);
  if (lineEnd < 0) lineEnd = text.length;
  const before = text.slice(lineStart, keyStart);
  const after = text.slice(value.span.end, lineEnd);
  if (before.trim() === '' && (after.trim() === '' || after.trim().startsWith('#'))) return { start: lineStart, end: Math.min(text.length, lineEnd + 1), text: '' };
  // Flow style: `{ value: x, book: y }`.
  const comma = /,\s*$/.exec(text.slice(0, keyStart));
  return comma ? { start: comma.index, end: value.span.end, text: '' } : { start: keyStart, end: value.span.end + (/^\s*,\s*/.exec(after)?.[0].length ?? 0), text: '' };
}
