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
  // Names (E03xx)
  E0301: 'unknown unit or name',
  E0302: 'ambiguous unit',
  E0303: 'byte where billion was meant',
  E0304: 'unknown function',
  E0305: 'wrong number of arguments',
  E0306: 'a quantity used as a unit',
  // Dimensions (E05xx)
  E0501: 'incompatible dimensions',
  E0502: 'cannot convert between dimensions',
  E0503: 'function needs a dimensionless value',
  E0504: 'bad exponent',
  E0505: 'percent on the left of + or -',
  // Ranges (E0520-E0529)
  E0520: 'range ends or parameters differ in dimension',
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
  // Ranges (E0720-E0729)
  E0720: 'range where an exact value is needed',
  E0721: 'range: is not uncertain',
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
  // Ranges (E0920-E0929)
  E0920: 'bad --samples',
  E0921: 'bad --seed',
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
