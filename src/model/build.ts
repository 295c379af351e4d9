/**
 * Builds a model from a template spec: declares count units, checks names, parses every
 * expression, orders quantities by their dependencies, and checks every dimension before
 * anything is evaluated. All problems are reported together, in file order: each step adds
 * its errors to one list through the shared collector (collectErrors) and goes on.
 */
import { collectErrors, EstimateError, EstimateErrors } from '../diagnostics/error.js';
import { absolute, type Span } from '../diagnostics/source.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { compile, unitScope, withByteHint, type Compiled, type Scope } from '../eval/compile.js';
import { resolveUnit } from '../eval/resolve-unit.js';
import { assertNever } from '../lang/assert-never.js';
import { type Expr, type UnitExpr } from '../lang/ast.js';
import { leftSpine } from '../lang/spine.js';
import { parse, parseUnit } from '../lang/parser.js';
import { formatQuantity } from '../units/format.js';
import { type Dimension } from '../units/dimension.js';
import { type ResolvedUnit } from '../units/quantity.js';
import { countNameProblem, UnitRegistry } from '../units/registry.js';
import { type InputSpec, type Located, type QuantitySpec, type TemplateSpec } from '../template/types.js';
import { type BuildOptions as ComposeOptions, expandSpec } from './compose.js';
import { DEFAULT_CONVENTIONS, unitExprNames, unitNames, type ConventionEntry, type Conventions } from '../units/conventions.js';
import { modelConventions } from './conventions.js';
import { topologicalOrder } from './graph.js';
import { type Model, type ModelInput, type ModelQuantity, type ModelSection } from './model.js';
import { checkQuantityName } from './names.js';
import { inUnitOf } from './overrides.js';
import { resolveDimension, writtenUnit } from './units-of.js';
import { traceCause } from './trace-dimension.js';
import { dimensionFix } from '../eval/check-rules.js';

/** Builds and checks the model; throws EstimateErrors with every problem. */
export function buildModel(written: TemplateSpec, options: BuildOptions = {}): Model {
  const spec = expandSpec(written, options);
  const errors: EstimateError[] = [];
  const attempt: Attempt = (f) => {
    let out: ReturnType<typeof f> | undefined;
    errors.push(
      ...collectErrors([
        () => {
          out = f();
        },
      ]),
    );
    return out;
  };
  let conventions: Conventions = DEFAULT_CONVENTIONS;
  attempt(() => (conventions = modelConventions(spec, options.conventions)));
  const registry = declareUnits(spec, errors).withSizes(conventions.sizes);
  const refused = new Set<string>();
  const slots = assignSlots(spec, registry, errors, refused);
  const inputs = buildInputs(spec, slots, registry, attempt);
  const byName = new Map<string, ModelInput | ModelQuantity>(inputs.map((i) => [i.name, i]));
  const graph = parseQuantities(spec, slots, refused, byName, attempt);
  const broken = reportCycles(graph, slots, errors);
  const scope: Scope = { registry, lookup: (n) => byName.get(n), names: () => slots.keys() };
  const quantities = buildQuantities(graph, broken, scope, byName, attempt);
  const sections = buildSections(spec, slots, refused, byName, errors);
  if (errors.length > 0) throw new EstimateErrors(sortByPlace(errors));
  const conventionsUsed = usedConventions(conventions, registry, inputs, quantities, byName);
  return { spec, registry, conventions, conventionsUsed, inputs, quantities, sections, slotCount: slots.size, byName };
}

/**
 * Which declared conventions changed each number: those of the units an input or quantity
 * writes or is shown in, and those of every value it reads (quantities come in evaluation order).
 */
function usedConventions(
  conventions: Conventions,
  registry: UnitRegistry,
  inputs: readonly ModelInput[],
  quantities: readonly ModelQuantity[],
  byName: ReadonlyMap<string, ModelInput | ModelQuantity>,
): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  if (conventions.declared.length === 0) return out;
  const text = new Map(conventions.declared.map((d) => [d.key as string, `${d.key}: ${d.written}`]));
  const keysOf = (names: readonly { name: string }[], extra: Iterable<string> = []): string[] => {
    const keys = new Set<string>(extra);
    for (const { name } of names) {
      if (byName.has(name)) {
        for (const k of out.get(name) ?? []) keys.add(k);
        continue;
      }
      const c = registry.lookup(name)?.convention;
      const t = c === undefined ? undefined : text.get(c);
      if (t) keys.add(t);
    }
    return [...keys];
  };
  const shownIn = (u: Located | undefined) => {
    try {
      return u ? unitExprNames(parseUnit(u.source)) : [];
    } catch {
      return [];
    }
  };
  for (const i of inputs) {
    const k = keysOf([...unitNames(i.defaultExpr), ...shownIn(i.spec.unit)]);
    if (k.length) out.set(i.name, k);
  }
  for (const q of quantities) {
    const k = keysOf([...unitNames(q.expr), ...shownIn(q.spec.unit)]);
    if (k.length) out.set(q.name, k);
  }
  return out;
}

/** What a run adds to a template: `--convention k=v`, after the template's own. */
export interface BuildOptions extends ComposeOptions {
  /** Conventions given for the run (`--convention month=730h`), over the template's. */
  readonly conventions?: readonly ConventionEntry[];
}

/** Runs a step, keeping the project's errors for the report; returns undefined after an error. */
type Attempt = <T>(f: () => T) => T | undefined;

function declareUnits(spec: TemplateSpec, errors: EstimateError[]): UnitRegistry {
  const names: string[] = [];
  // A set beside the list: `names.includes` made 50,000 units take 32 s (redteam F17).
  const seen = new Set<string>();
  for (const u of spec.units) {
    const problem = countNameProblem(u.text, UnitRegistry.BUILTIN);
    if (problem) {
      errors.push(new EstimateError(problem.includes('already') ? 'E0706' : 'E0714', `cannot declare the count unit \`${u.text}\`: ${problem}`, { span: u.span }));
    } else if (seen.has(u.text)) {
      errors.push(new EstimateError('E0705', `count unit \`${u.text}\` is declared twice`, { span: u.span }));
    } else {
      names.push(u.text);
      seen.add(u.text);
    }
  }
  return UnitRegistry.BUILTIN.withCounts(names);
}

function assignSlots(spec: TemplateSpec, registry: UnitRegistry, errors: EstimateError[], refused: Set<string>): Map<string, number> {
  const slots = new Map<string, number>();
  const declared: Span[] = []; // by slot: where each name is declared
  for (const name of [...spec.inputs.map((i) => i.name), ...spec.quantities.map((q) => q.name)]) {
    const problem = checkQuantityName(name, registry);
    if (problem) {
      errors.push(problem);
      refused.add(name.text);
      continue;
    }
    const earlier = slots.get(name.text);
    if (earlier !== undefined) {
      errors.push(
        new EstimateError('E0705', `\`${name.text}\` is declared twice`, {
          span: name.span,
          labels: [{ span: declared[earlier]!, text: 'first declared here' }],
          help: ['an input and a quantity cannot share a name'],
        }),
      );
      continue;
    }
    declared.push(name.span);
    slots.set(name.text, slots.size);
  }
  return slots;
}

function buildInputs(spec: TemplateSpec, slots: ReadonlyMap<string, number>, registry: UnitRegistry, attempt: Attempt): ModelInput[] {
  const inputs: ModelInput[] = [];
  for (const s of spec.inputs) {
    const slot = slots.get(s.name.text);
    if (slot === undefined) continue;
    const input = attempt(() => buildInput(s, slot, registry, attempt));
    if (input) inputs.push(input);
  }
  return inputs;
}

/** A quantity parsed, with the slots of the quantities it reads. */
interface Parsed {
  readonly spec: QuantitySpec;
  readonly expr: Expr;
  readonly reads: string[];
  readonly deps: number[];
  /** Reads a name that was refused, or declared but not built. */
  readsBroken: boolean;
}

/** The parsed quantities by slot, and the dependency order. */
interface Graph {
  readonly parsed: readonly (Parsed | undefined)[];
  readonly order: readonly number[];
  readonly cycles: readonly (readonly number[])[];
}

// From here on quantities are known by slot: the graph and the bookkeeping are arrays indexed
// by slot rather than maps keyed by name, which a large template looks up many times each.
function parseQuantities(spec: TemplateSpec, slots: ReadonlyMap<string, number>, refused: ReadonlySet<string>, built: ReadonlyMap<string, unknown>, attempt: Attempt): Graph {
  const parsed = new Array<Parsed | undefined>(slots.size);
  const parsedSlots: number[] = [];
  for (const q of spec.quantities) {
    const slot = slots.get(q.name.text);
    if (slot === undefined) continue;
    const expr = attempt(() => parse(q.value.source));
    if (!expr) continue;
    const reads = namesIn(expr);
    parsed[slot] = { spec: q, expr, reads, deps: [], readsBroken: refused.size > 0 && reads.some((n) => refused.has(n)) };
    parsedSlots.push(slot);
  }
  for (const slot of parsedSlots) {
    const p = parsed[slot]!;
    for (const n of p.reads) {
      const d = slots.get(n);
      if (d === undefined) continue;
      if (parsed[d] !== undefined) p.deps.push(d);
      // A declared input or quantity that did not build (its error is reported).
      else if (!built.has(n)) p.readsBroken = true;
    }
  }
  const { order, cycles } = topologicalOrder(parsedSlots, (slot) => parsed[slot]?.deps, slots.size);
  return { parsed, order, cycles };
}

/** Reports each cycle once; returns the slots that cannot be built (by slot, 1 = broken). */
function reportCycles(graph: Graph, slots: ReadonlyMap<string, number>, errors: EstimateError[]): Uint8Array {
  const names = [...slots.keys()];
  const broken = new Uint8Array(slots.size);
  for (const cycle of graph.cycles) {
    const first = graph.parsed[cycle[0]!]!;
    errors.push(
      new EstimateError('E0707', `dependency cycle: ${cycle.map((c) => names[c]).join(' -> ')}`, {
        span: first.spec.value.span,
        help: ['a quantity cannot depend on itself, directly or through others'],
      }),
    );
    for (const c of cycle) broken[c] = 1;
  }
  return broken;
}

function buildQuantities(graph: Graph, broken: Uint8Array, scope: Scope, byName: Map<string, ModelInput | ModelQuantity>, attempt: Attempt): ModelQuantity[] {
  const quantities: ModelQuantity[] = [];
  for (const slot of graph.order) {
    const p = graph.parsed[slot]!;
    // A quantity reading a refused or broken name would resolve it as a unit and report a
    // misleading error, or repeat that name's error: it is skipped.
    if (broken[slot] || p.readsBroken || p.deps.some((d) => broken[d])) {
      broken[slot] = 1;
      continue;
    }
    const q = attempt(() => buildQuantity(p.spec, p.expr, slot, scope, attempt, byName));
    if (q) {
      quantities.push(q);
      byName.set(q.name, q);
    } else {
      broken[slot] = 1;
    }
  }
  return quantities;
}

function buildSections(spec: TemplateSpec, slots: ReadonlyMap<string, number>, refused: ReadonlySet<string>, byName: ReadonlyMap<string, ModelInput | ModelQuantity>, errors: EstimateError[]): ModelSection[] {
  return spec.sections.map((s): ModelSection => ({
    title: s.title.text,
    items: s.items.flatMap((item) => {
      const found = byName.get(item.text);
      if (found) return [found];
      // A name declared but broken has its own error already.
      if (!slots.has(item.text) && !refused.has(item.text)) {
        // Searched only if shown (at most 50 errors are): 5,000 unknown items took 7 s.
        errors.push(
          new EstimateError('E0710', `section \`${s.title.text}\` names \`${item.text}\`, which is no input or quantity`, {
            span: item.span,
            lateHelp: () => {
              const hint = didYouMean(item.text, slots.keys());
              return hint ? [hint] : [];
            },
          }),
        );
      }
      return [];
    }),
  }));
}

function buildInput(s: InputSpec, slot: number, registry: UnitRegistry, attempt: Attempt): ModelInput {
  const defaultExpr = parse(s.default.source);
  const defaultValue = compile(defaultExpr, unitScope(registry));
  const what = `input \`${s.name.text}\``;
  if (defaultValue.uncertain) throw exactNeeded(s.default, `the \`default\` of ${what}`, `move it to \`range:\` and give an exact default`);
  const dimension = defaultValue.dimension;
  let unit: ResolvedUnit | undefined;
  if (s.unit) {
    unit = attempt(() => displayUnit(s.unit!, dimension, registry, what));
  } else {
    const written = writtenUnit(defaultExpr.kind === 'convert' ? defaultExpr.expr : defaultExpr, registry);
    unit = written ? resolveUnit(written, registry) : defaultValue.target;
  }
  const bound = (b: Located | undefined, which: string) => b && attempt(() => buildBound(b, `\`${which}\` of ${what}`, dimension, unit, registry));
  const min = bound(s.min, 'min');
  const max = bound(s.max, 'max');
  const range = s.range && attempt(() => buildRange(s.range!, what, dimension, unit, registry));
  return { kind: 'input', spec: s, name: s.name.text, slot, dimension, defaultExpr, defaultValue, ...(range ? { range } : {}), ...(unit ? { unit } : {}), ...(min ? { min } : {}), ...(max ? { max } : {}) };
}

/** A `min:` or `max:` bound: an exact value of the input's dimension. */
/** Why a `book:` is one figure: it is compared with the estimate, as the source printed it. */
const BOOK_RANGE_HELP = 'a book figure is the one number the source printed, compared with the estimate: for "3400-3600" write its middle, `~3500`, and keep the range in `help:`';

function buildBound(b: Located, what: string, dimension: Dimension, unit: ResolvedUnit | undefined, registry: UnitRegistry, help = 'a bound is one value: every sample is checked against it') {
  const expr = parse(b.source);
  // "3400-3600 tweets per second": a source's range, which would read as -200 (readers F14).
  const dashed = help === BOOK_RANGE_HELP ? /^\s*([0-9][0-9.,_]*)[-–]([0-9][0-9.,_]*)(?![0-9.,_])/.exec(b.source.text) : null;
  const num = (t: string) => Number(t.replace(/[,_]/g, ''));
  if (dashed && num(dashed[1]!) < num(dashed[2]!)) {
    throw new EstimateError('E0720', `${what} is \`${dashed[0].trim()}\`, a range as sources write it (here it would subtract): a book figure is one number`, { span: b.span, help: [help] });
  }
  const c = compile(expr, unitScope(registry));
  if (c.uncertain) throw exactNeeded(b, what, help);
  try {
    expectDimension(c.dimension, dimension, b.span, what);
  } catch (e) {
    // `book: 30m` for a duration: say that `m` is the metre (the spelling hints of compile).
    throw e instanceof EstimateError ? withByteHint(e, expr) : e;
  }
  const si = c.run([]);
  return { si, text: formatQuantity(si, dimension, unit).text };
}

/** A `range:`: uncertain, of the input's dimension; bare ends take the input's unit (`200M to 400M`). */
function buildRange(r: Located, what: string, dimension: Dimension, unit: ResolvedUnit | undefined, registry: UnitRegistry): Compiled {
  const expr = parse(r.source);
  const c = inUnitOf(expr, compile(expr, unitScope(registry)), dimension, unit);
  if (!c.uncertain) {
    throw new EstimateError('E0721', `the \`range\` of ${what} is one exact value`, {
      span: r.span,
      help: ['write a 90% interval, `200M to 400M user`, or a distribution, `normal(10 ms, 2 ms)`'],
    });
  }
  expectDimension(c.dimension, dimension, r.span, `the \`range\` of ${what}`);
  return c;
}

function exactNeeded(where: Located, what: string, help: string): EstimateError {
  return new EstimateError('E0720', `${what} must be exact, not a range`, { span: where.span, help: [help] });
}

function buildQuantity(s: QuantitySpec, written: Expr, slot: number, scope: Scope, attempt: Attempt, byName: ReadonlyMap<string, ModelInput | ModelQuantity>): ModelQuantity {
  const expr = s.unit ? sigInUnit(written, s.unit) : written;
  const compiled: Compiled = compile(expr, scope);
  const dimension = compiled.dimension;
  const what = () => `quantity \`${s.name.text}\``;
  if (s.dimension) {
    const declared = s.dimension;
    const want = attempt(() => resolveDimension(parseUnit(declared.source), scope.registry));
    // Thrown, not collected: the quantity is broken, so what reads it (a sub-model bound to a
    // value of the wrong dimension) is skipped rather than reported again and again.
    if (want && !want.equals(dimension)) {
      const message = `${what()} is ${dimension}, but its declared dimension is ${want}`;
      const traced = tracedMismatch(expr, dimension, want, byName, message, declared.text);
      if (traced) throw traced;
      throw new EstimateError('E0708', message, {
        span: s.value.span,
        spanLabel: dimension.toString(),
        labels: [],
        help: [...generalFix(dimension, want), `check the formula, or declare \`dimension: ${dimension}\``],
        data: { actual: dimension.canonical, expected: want.canonical, ...fixData(dimension, want) },
      });
    }
  }
  const unit = s.unit ? attempt(() => displayUnit(s.unit!, dimension, scope.registry, what(), (want, message) => tracedMismatch(expr, dimension, want, byName, message, s.unit!.text))) : compiled.target;
  const book = s.book ? attempt(() => buildBound(s.book!, `\`book\` of ${what()}`, dimension, undefined, scope.registry, BOOK_RANGE_HELP).si) : undefined;
  return { kind: 'quantity', spec: s, name: s.name.text, slot, expr, compiled, dimension, unit, book };
}

/**
 * `sig(x, 2)` counts figures in the unit the quantity is shown in: 364 GB/day becomes 360 GB/day,
 * not a rounding of bytes per second. The quantity's `unit:` becomes the call's third argument
 * (a `1 <unit>` literal, printed as the unit). A `unit:` that does not parse is reported elsewhere.
 */
function sigInUnit(e: Expr, unit: Located): Expr {
  let target: UnitExpr;
  try {
    target = parseUnit(unit.source);
  } catch {
    return e;
  }
  const one: Expr = { kind: 'quantity', amount: { kind: 'number', value: 1, span: unit.span }, unit: target, span: unit.span, attached: false };
  const walk = (x: Expr): Expr => {
    switch (x.kind) {
      case 'number':
      case 'percent':
      case 'name':
      case 'quantity':
        return x;
      case 'neg':
        return { ...x, operand: walk(x.operand) };
      case 'binary': {
        // Down a chain's left spine in a loop (lang/spine.ts), rebuilt bottom-up.
        const { base, steps } = leftSpine(x);
        let left = walk(base);
        for (const step of steps) left = { ...step, left, right: walk(step.right) };
        return left;
      }
      case 'range':
        return { ...x, low: walk(x.low), high: walk(x.high) };
      case 'call': {
        const args = x.args.map(walk);
        return { ...x, args: x.fn === 'sig' && args.length === 2 ? [...args, one] : args };
      }
      case 'convert':
        return { ...x, expr: walk(x.expr) };
      default:
        return assertNever(x);
    }
  };
  return walk(e);
}

/** Builds the error that blames an input (`dau` has no `user`), or undefined when none is to blame. */
type Tracer = (want: Dimension, message: string) => EstimateError | undefined;

/**
 * A display unit. It is a preference: the formatter may move its prefix (TB -> GB). A trailing
 * `!` fixes it (`unit: PB!`): the value always shows in exactly that unit.
 */
function displayUnit(u: Located, dimension: Dimension, registry: UnitRegistry, what: string, trace?: Tracer): ResolvedUnit {
  const bang = /!\s*$/.exec(u.source.text);
  // The `!` becomes a space, so spans into the unit text stay where they were.
  const text = bang ? u.source.text.slice(0, bang.index) + ' '.repeat(bang[0].length) : u.source.text;
  const unit = resolveUnit(parseUnit({ ...u.source, text }), registry);
  if (!unit.dimension.equals(dimension)) {
    const message = `display unit \`${u.text}\` is ${unit.dimension}, but ${what} is ${dimension}`;
    const traced = trace?.(unit.dimension, message);
    if (traced) throw traced;
    throw new EstimateError('E0709', message, {
      span: u.span,
      spanLabel: unit.dimension.toString(),
      // Never "remove `unit:`": that hides a wrong dimension (231,481 message/user/s).
      help: [...generalFix(dimension, unit.dimension), 'check the formula and the units of the inputs it reads'],
      data: { actual: dimension.canonical, expected: unit.dimension.canonical, unit: u.text.replace(/!\s*$/, ''), ...fixData(dimension, unit.dimension) },
    });
  }
  return bang ? { ...unit, text: unit.text.replace(/!\s*$/, '').trim(), fixed: true } : unit;
}

/** "the formula gives X; to make it Y, multiply by user", as a help line. */
function generalFix(have: Dimension, want: Dimension): string[] {
  const fix = dimensionFix(have, want);
  return fix ? [`to turn ${have} into ${want}, ${fix}`] : [];
}

function fixData(have: Dimension, want: Dimension): { suggestion?: string } {
  const fix = dimensionFix(have, want);
  return fix ? { suggestion: fix } : {};
}

/**
 * E0540: the mismatch traced to an input written without its count unit. The error points at
 * that input's default and says what to write there.
 */
function tracedMismatch(expr: Expr, have: Dimension, want: Dimension, byName: ReadonlyMap<string, ModelInput | ModelQuantity>, message: string, unit: string): EstimateError | undefined {
  const cause = traceCause(expr, have, want, byName, namesIn);
  if (!cause) return undefined;
  const d = cause.input.spec.default;
  return new EstimateError('E0540', `${message}: the input \`${cause.input.name}\` is a plain number with no \`${cause.unit}\``, {
    span: d.span,
    spanLabel: `a plain number; write \`${cause.fix}\``,
    help: [`write \`${cause.input.name}: ${cause.fix}\``, `to turn ${have} into ${want}, multiply by ${cause.unit}`],
    data: { actual: have.canonical, expected: want.canonical, unit: unit.replace(/!\s*$/, ''), suggestion: `multiply by ${cause.unit}`, cause: cause.input.name, fix: cause.fix },
  });
}

function expectDimension(have: Dimension, want: Dimension, where: Span, what: string): void {
  if (!have.equals(want)) {
    throw new EstimateError('E0708', `${what} is ${have}, but it should be ${want}`, { span: where, spanLabel: have.toString() });
  }
}

/** The names an expression reads (quantities or units; the caller filters), each once, in reading order. */
export function namesIn(e: Expr, out: string[] = []): string[] {
  collectNames(e, new Set(out), out);
  return out;
}

/** `namesIn` with a set beside the list: 30,000 different names in one chain stay linear. */
function collectNames(e: Expr, seen: Set<string>, out: string[]): void {
  switch (e.kind) {
    case 'name':
      if (!seen.has(e.name)) {
        seen.add(e.name);
        out.push(e.name);
      }
      return;
    case 'number':
    case 'percent':
      return;
    case 'neg':
      return collectNames(e.operand, seen, out);
    case 'binary': {
      // Down a chain's left spine in a loop (lang/spine.ts), in reading order.
      const { base, steps } = leftSpine(e);
      collectNames(base, seen, out);
      for (const step of steps) collectNames(step.right, seen, out);
      return;
    }
    case 'range':
      collectNames(e.low, seen, out);
      return collectNames(e.high, seen, out);
    case 'call':
      for (const a of e.args) collectNames(a, seen, out);
      return;
    case 'convert':
      return collectNames(e.expr, seen, out);
    case 'quantity':
      return collectNames(e.amount, seen, out);
    default:
      return assertNever(e);
  }
}

function sortByPlace(errors: EstimateError[]): EstimateError[] {
  const key = (e: EstimateError) => (e.span ? absolute(e.span).start : Number.MAX_SAFE_INTEGER);
  return [...errors].sort((a, b) => key(a) - key(b));
}
