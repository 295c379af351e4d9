/** The catalogue of error codes: each code's meaning and the exit status it leads to. */

/** How an error ends the program: 1 the estimate failed, 2 bad usage, 70 internal bug, 74 output lost, 130 cancelled. */
export type ErrorClass = 'input' | 'usage' | 'internal' | 'io' | 'cancelled';

/** Every error code the program emits, with a one-line title. docs/errors.md lists them with examples. */
export const ERROR_CODES = {
  // Lexing (E01xx)
  E0101: 'unexpected character',
  E0102: 'malformed number',
  E0103: 'empty expression',
  E0104: 'input too long',
  // Parsing (E02xx)
  E0201: 'expected an expression',
  E0202: 'unclosed parenthesis',
  E0203: 'unexpected token',
  E0204: 'nesting too deep',
  E0205: 'range written where it cannot go',
  E0206: 'percent sign in the wrong place',
  E0207: 'too many terms in one expression',
  // Ranges (E0210-E0219, reserved for ranges and distributions)
  E0210: 'uncertain range end or parameter',
  // Spellings of sources (E0220-E0229, issue 13)
  E0220: 'malformed ratio',
  E0221: 'ratio ends in zero',
  // Names (E03xx)
  E0301: 'unknown unit or name',
  E0302: 'ambiguous unit',
  E0303: 'byte where billion was meant',
  E0304: 'unknown function',
  E0305: 'wrong number of arguments',
  E0306: 'a quantity used as a unit',
  // Spellings of sources (E0310-E0319, issue 13)
  E0310: 'metres where million was meant',
  // Dimensions (E05xx)
  E0501: 'incompatible dimensions',
  E0502: 'cannot convert between dimensions',
  E0503: 'function needs a dimensionless value',
  E0504: 'bad exponent',
  E0505: 'percent on the left of + or -',
  // Ranges (E0520-E0529)
  E0520: 'range ends or parameters differ in dimension',
  // Rounding (E0530-E0539, issue 13)
  E0530: 'rounding step does not fit the value',
  E0531: 'bad significant-figure count',
  // Output fidelity (E0540-E0549, issue 13)
  E0540: 'dimension mismatch traced to an input without its unit',
  // Numbers (E06xx)
  E0601: 'division by zero',
  E0602: 'number too large',
  E0603: 'result is not a number',
  // Ranges (E0620-E0629)
  E0620: 'range or distribution parameters out of order',
  // Templates (E07xx)
  E0701: 'YAML syntax error',
  E0702: 'unknown key',
  E0703: 'missing field',
  E0704: 'wrong kind of value',
  E0705: 'duplicate name',
  E0706: 'name already taken by a unit or function',
  E0707: 'dependency cycle',
  E0708: 'dimension differs from the declared one',
  E0709: 'display unit does not fit',
  E0710: 'section names no quantity',
  E0711: 'unsupported YAML feature',
  E0712: 'template too large',
  E0713: 'value out of bounds',
  E0714: 'invalid name',
  // Conventions (E0730-E0739, issue 13)
  E0730: 'unknown convention',
  E0731: 'convention value does not fit',
  E0732: 'convention refers to itself or a later one',
  // Ranges (E0720-E0729)
  E0720: 'range where an exact value is needed',
  E0721: 'range: is not uncertain',
  // Template lint (estimate check; E0754 is an error, the others warnings)
  E0750: 'input nothing uses',
  E0751: 'quantity neither shown nor used',
  E0752: 'count without its count unit',
  E0753: 'input without help',
  E0754: 'book figure no longer reproduced',
  E0755: 'mixed conventions',
  // Model library: prices, sizing, sub-models (E0760-E0779)
  E0760: 'unknown price',
  E0761: 'unknown price in a prices file',
  E0762: 'price of the wrong dimension',
  E0763: 'prices file of the wrong shape',
  E0764: 'bad sizing entry',
  E0765: 'unknown sub-model template',
  E0766: 'sub-model cycle',
  E0767: 'binding names no input of the sub-model',
  // What-if analyses, template side (E0740-E0749)
  E0740: 'accumulate: on a quantity that is not a rate',
  E0741: 'goal cannot be met',
  E0742: 'output does not depend on the input',
  E0743: 'output is not monotone in the input',
  E0744: 'analysis needs exact quantities',
  E0745: 'grown input leaves its bounds',
  // Input and output (E08xx, exit 74: EX_IOERR of sysexits.h)
  E0801: 'writing the output file failed',
  E0802: 'standard output lost',
  // Usage (E09xx)
  E0901: 'unknown template',
  E0902: 'malformed --set',
  E0903: 'unknown input',
  E0904: 'bad option value',
  E0905: 'cannot read file',
  E0906: 'cannot write output',
  E0907: 'needs a terminal',
  E0908: 'bad command line',
  // Conventions (E0950-E0954, issue 13)
  E0950: 'malformed --convention',
  // Ranges (E0920-E0929)
  E0920: 'bad --samples',
  E0921: 'bad --seed',
  E0922: 'too many samples for the model',
  // Authoring commands (check, new, completion, repl)
  E0980: 'no templates to check',
  E0981: 'unknown shell',
  E0982: 'file already exists',
  E0983: 'bad template name',
  E0984: 'REPL line refused',
  E0985: 'unknown REPL command',
  // What-if analyses, usage (E0960-E0979)
  E0960: 'unknown output',
  E0961: 'malformed --sweep',
  E0962: 'sweep has too few or too many points',
  E0963: 'malformed --grow',
  E0964: 'analysis of a name that is not an input',
  E0965: 'malformed goal or threshold',
  E0966: 'conflicting analysis options',
  E0967: 'nothing to analyse',
  E0968: 'malformed --compare',
  // Output fidelity (E0955-E0959, issue 13)
  E0955: 'bad --digits',
  // Other
  E0130: 'cancelled',
  E9999: 'internal error',
} as const;

/** A stable error code. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** Which class of failure a code belongs to. */
export function classOf(code: ErrorCode): ErrorClass {
  if (code === 'E9999') return 'internal';
  if (code === 'E0130') return 'cancelled';
  if (code.startsWith('E09')) return 'usage';
  if (code.startsWith('E08')) return 'io';
  return 'input';
}

/** The process exit status for a class of failure. */
export function exitStatus(cls: ErrorClass): number {
  switch (cls) {
    case 'input':
      return 1;
    case 'usage':
      return 2;
    case 'internal':
      return 70;
    case 'io':
      return 74;
    case 'cancelled':
      return 130;
  }
}
