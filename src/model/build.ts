/**
 * Builds a model from a template spec: declares count units, checks names, parses every
 * expression, orders quantities by their dependencies, and checks every dimension before
 * anything is evaluated. All problems are reported together, in file order.
 */
import { EstimateError, EstimateErrors, projectErrors } from '../diagnostics/error.js';
import { absolute, type Span } from '../diagnostics/source.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { compile, unitScope, type Compiled, type Scope } from '../eval/compile.js';
import { resolveUnit } from '../eval/resolve-unit.js';
import { type Expr } from '../lang/ast.js';
import { parse, parseUnit } from '../lang/parser.js';
import { formatQuantity } from '../units/format.js';
import { type Dimension } from '../units/dimension.js';
import { type ResolvedUnit } from '../units/quantity.js';
import { countNameProblem, UnitRegistry } from '../units/registry.js';
import { type Located, type TemplateSpec } from '../template/types.js';
import { topologicalOrder } from './graph.js';
import { type Model, type ModelInput, type ModelQuantity, type ModelSection } from './model.js';
import { checkQuantityName } from './names.js';
import { resolveDimension, writtenUnit } from './units-of.js';

/** Builds and checks the model; throws EstimateErrors with every problem. */
export function buildModel(spec: TemplateSpec): Model {
  const errors: EstimateError[] = [];
  /** Keeps the project's errors to report together; anything else is a bug and goes on. */
  const collect = (e: unknown): void => {
    const ours = projectErrors(e);
    if (!ours) throw e;
    errors.push(...ours);
  };
  const attempt = <T>(f: () => T): T | undefined => {
    try {
      return f();
    } catch (e) {
      collect(e);
      return undefined;
    }
  };

  const registry = declareUnits(spec, errors);
  const refused = new Set<string>();
  const slots = assignSlots(spec, registry, errors, refused);

  const inputs: ModelInput[] = [];
  for (const s of spec.inputs) {
    const slot = slots.get(s.name.text);
    if (slot === undefined) continue;
    const input = attempt(() => buildInput(s, slot, registry, attempt));
    if (input) inputs.push(input);
  }
  const byName = new Map<string, ModelInput | ModelQuantity>(inputs.map((i) => [i.name, i]));

  // From here on quantities are known by slot: the graph and the bookkeeping are arrays indexed
  // by slot rather than maps keyed by name, which a large template looks up many times each.
  const parsed: (Parsed | undefined)[] = new Array<Parsed | undefined>(slots.size);
  const parsedSlots: number[] = [];
  for (const q of spec.quantities) {
    const slot = slots.get(q.name.text);
    if (slot === undefined) continue;
    let expr: Expr;
    try {
      expr = parse(q.value.source);
    } catch (e) {
      collect(e);
      continue;
    }
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
      else if (!byName.has(n)) p.readsBroken = true;
    }
  }
  const { order, cycles } = topologicalOrder(parsedSlots, (slot) => parsed[slot]?.deps, slots.size);
  const names = [...slots.keys()];
  const broken = new Uint8Array(slots.size);
  for (const cycle of cycles) {
    const first = parsed[cycle[0]!]!;
    errors.push(
      new EstimateError('E0707', `dependency cycle: ${cycle.map((c) => names[c]).join(' -> ')}`, {
        span: first.spec.value.span,
        help: ['a quantity cannot depend on itself, directly or through others'],
      }),
    );
    for (const c of cycle) broken[c] = 1;
  }

  const quantities: ModelQuantity[] = [];
  const scope: Scope = {
    registry,
    lookup: (n) => byName.get(n),
    names: () => names,
  };
  for (const slot of order) {
    const p = parsed[slot]!;
    // A quantity reading a refused or broken name would resolve it as a unit and report a
    // misleading error, or repeat that name's error: it is skipped.
    if (broken[slot] || p.readsBroken || readsBrokenSlot(p.deps, broken)) {
      broken[slot] = 1;
      continue;
    }
    let q: ModelQuantity | undefined;
    try {
      q = buildQuantity(p.spec, p.expr, slot, scope, attempt);
    } catch (e) {
      collect(e);
    }
    if (q) {
      quantities.push(q);
      byName.set(q.name, q);
    } else {
      broken[slot] = 1;
    }
  }

  const sections = spec.sections.map((s): ModelSection => ({
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

  if (errors.length > 0) throw new EstimateErrors(sortByPlace(errors));
  return { spec, registry, inputs, quantities, sections, slotCount: slots.size, byName };
}

function declareUnits(spec: TemplateSpec, errors: EstimateError[]): UnitRegistry {
  const names: string[] = [];
  for (const u of spec.units) {
    const problem = countNameProblem(u.text, UnitRegistry.BUILTIN);
    if (problem) {
      errors.push(new EstimateError(problem.includes('already') ? 'E0706' : 'E0714', `cannot declare the count unit \`${u.text}\`: ${problem}`, { span: u.span }));
    } else if (names.includes(u.text)) {
      errors.push(new EstimateError('E0705', `count unit \`${u.text}\` is declared twice`, { span: u.span }));
    } else {
      names.push(u.text);
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

type Attempt = <T>(f: () => T) => T | undefined;

function readsBrokenSlot(deps: readonly number[], broken: Uint8Array): boolean {
  for (const d of deps) if (broken[d]) return true;
  return false;
}

/** A quantity parsed, with the slots of the quantities it reads. */
interface Parsed {
  readonly spec: TemplateSpec['quantities'][number];
  readonly expr: Expr;
  readonly reads: string[];
  readonly deps: number[];
  /** Reads a name that was refused, or declared but not built. */
  readsBroken: boolean;
}

function buildInput(s: TemplateSpec['inputs'][number], slot: number, registry: UnitRegistry, attempt: Attempt): ModelInput {
  const defaultExpr = parse(s.default.source);
  const defaultValue = compile(defaultExpr, unitScope(registry));
  const dimension = defaultValue.dimension;
  let unit: ResolvedUnit | undefined;
  if (s.unit) {
    unit = attempt(() => displayUnit(s.unit!, dimension, registry, `input \`${s.name.text}\``));
  } else {
    const written = writtenUnit(defaultExpr.kind === 'convert' ? defaultExpr.expr : defaultExpr, registry);
    unit = written ? resolveUnit(written, registry) : defaultValue.target;
  }
  const bound = (b: Located | undefined, which: string) =>
    b &&
    attempt(() => {
      const c = compile(parse(b.source), unitScope(registry));
      expectDimension(c.dimension, dimension, b.span, `\`${which}\` of input \`${s.name.text}\``);
      const si = c.run([]);
      return { si, text: formatQuantity(si, dimension, unit).text };
    });
  const min = bound(s.min, 'min');
  const max = bound(s.max, 'max');
  return {
    kind: 'input',
    spec: s,
    name: s.name.text,
    slot,
    dimension,
    defaultExpr,
    defaultValue,
    ...(unit ? { unit } : {}),
    ...(min ? { min } : {}),
    ...(max ? { max } : {}),
  };
}

function buildQuantity(s: TemplateSpec['quantities'][number], expr: Expr, slot: number, scope: Scope, attempt: Attempt): ModelQuantity {
  const compiled: Compiled = compile(expr, scope);
  const dimension = compiled.dimension;
  const what = () => `quantity \`${s.name.text}\``;
  if (s.dimension) {
    const declared = s.dimension;
    attempt(() => {
      const want = resolveDimension(parseUnit(declared.source), scope.registry);
      if (!want.equals(dimension)) {
        throw new EstimateError('E0708', `${what()} is ${dimension}, but its declared dimension is ${want}`, {
          span: s.value.span,
          spanLabel: dimension.toString(),
          labels: [],
          help: [`check the formula, or declare \`dimension: ${dimension}\``],
        });
      }
    });
  }
  const unit = s.unit ? attempt(() => displayUnit(s.unit!, dimension, scope.registry, what())) : compiled.target;
  const book = s.book
    ? attempt(() => {
        const c = compile(parse(s.book!.source), unitScope(scope.registry));
        expectDimension(c.dimension, dimension, s.book!.span, `\`book\` of ${what()}`);
        return c.run([]);
      })
    : undefined;
  return {
    kind: 'quantity',
    spec: s,
    name: s.name.text,
    slot,
    expr,
    compiled,
    dimension,
    unit,
    book,
  };
}

function displayUnit(u: Located, dimension: Dimension, registry: UnitRegistry, what: string): ResolvedUnit {
  const unit = resolveUnit(parseUnit(u.source), registry);
  if (!unit.dimension.equals(dimension)) {
    throw new EstimateError('E0709', `display unit \`${u.text}\` is ${unit.dimension}, but ${what} is ${dimension}`, {
      span: u.span,
      spanLabel: unit.dimension.toString(),
      help: ['pick a unit of the same dimension, or remove `unit:` to let the formatter choose'],
    });
  }
  return unit;
}

function expectDimension(have: Dimension, want: Dimension, where: Span, what: string): void {
  if (!have.equals(want)) {
    throw new EstimateError('E0708', `${what} is ${have}, but it should be ${want}`, { span: where, spanLabel: have.toString() });
  }
}

/** The names an expression reads (quantities or units; the caller filters). */
export function namesIn(e: Expr, out: string[] = []): string[] {
  switch (e.kind) {
    case 'name':
      if (!out.includes(e.name)) out.push(e.name);
      break;
    case 'neg':
      namesIn(e.operand, out);
      break;
    case 'binary':
      namesIn(e.left, out);
      namesIn(e.right, out);
      break;
    case 'call':
      for (const a of e.args) namesIn(a, out);
      break;
    case 'convert':
      namesIn(e.expr, out);
      break;
    case 'quantity':
      namesIn(e.amount, out);
      break;
    default:
      break;
  }
  return out;
}

function sortByPlace(errors: EstimateError[]): EstimateError[] {
  const key = (e: EstimateError) => (e.span ? absolute(e.span).start : Number.MAX_SAFE_INTEGER);
  return [...errors].sort((a, b) => key(a) - key(b));
}
