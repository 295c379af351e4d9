/**
 * The border characters of terminal tables: box drawing, or ASCII under --ascii or TERM=dumb.
 * A module of its own, without cli-table3, so commands can decide the style without loading
 * the table code (a JSON run never draws a table).
 */

/** ASCII borders when asked (--ascii) or when the terminal cannot draw lines (TERM=dumb). */
export function wantsAsciiBorders(flag: boolean | undefined, term: string | undefined): boolean {
  return flag === true || term === 'dumb';
}

const BOX = { top: '─', topMid: '┬', topLeft: '┌', topRight: '┐', bottom: '─', bottomMid: '┴', bottomLeft: '└', bottomRight: '┘', side: '│' };
const ASCII = { top: '-', topMid: '+', topLeft: '+', topRight: '+', bottom: '-', bottomMid: '+', bottomLeft: '+', bottomRight: '+', side: '|' };

/**
 * cli-table3's border characters; no rule between rows (the `mid` ones are empty), and no top
 * or bottom rule for a slice of rows that does not start or end the table.
 */
export function borderChars(ascii: boolean, top: boolean, bottom: boolean): Record<string, string> {
  const c = ascii ? ASCII : BOX;
  return {
    top: top ? c.top : '',
    'top-mid': top ? c.topMid : '',
    'top-left': top ? c.topLeft : '',
    'top-right': top ? c.topRight : '',
    bottom: bottom ? c.bottom : '',
    'bottom-mid': bottom ? c.bottomMid : '',
    'bottom-left': bottom ? c.bottomLeft : '',
    'bottom-right': bottom ? c.bottomRight : '',
    left: c.side,
    middle: c.side,
    right: c.side,
    'left-mid': '',
    mid: '',
    'mid-mid': '',
    'right-mid': '',
  };
}
