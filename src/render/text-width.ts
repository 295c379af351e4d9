/**
 * Terminal columns of text, and wrapping to a width. One width function for the whole program:
 * the one cli-table3 measures cells with (vendor/fast-string-width, put under cli-table3 by the
 * npm override in package.json), so a cell wrapped here is never re-measured differently there.
 */
import stringWidth from '../../vendor/fast-string-width/index.js';

/** Columns a string takes in a terminal: marks and escape sequences 0, wide characters and emoji 2. */
export function textWidth(text: string): number {
  return stringWidth(text);
}

/** The text cut to `columns`, ending in `…` when it was longer; never cut inside a character. */
export function cutWithEllipsis(text: string, columns: number): string {
  if (stringWidth(text) <= columns) return text;
  return columns < 1 ? '' : stringWidth.cutToWidth(text, columns - 1) + '…';
}

/**
 * Greedy word wrap to `width` columns (`firstWidth` for the first line), keeping the spaces
 * between the words of a line. A word wider than its line is cut with `…`: the whole text is
 * in --format json and markdown. Words are split at ASCII spaces only: the text is sanitized,
 * so tabs are spaces already, and other spaces (U+3000 takes two columns) are measured with
 * their word.
 */
export function wrapText(text: string, width: number, firstWidth = width, maxLines = Infinity): string[] {
  if (maxLines >= 1 && textWidth(text) <= firstWidth) return [text];
  const parts = text.split(/( +)/);
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  let space = '';
  const limit = () => (lines.length === 0 ? firstWidth : width);
  for (let i = 0; i < parts.length; i += 2) {
    const word = parts[i]!;
    const w = textWidth(word);
    if (lineWidth > 0 && lineWidth + space.length + w > limit()) {
      lines.push(line);
      line = '';
      lineWidth = 0;
    }
    if (lineWidth === 0) {
      line = cutWithEllipsis(word, limit());
      lineWidth = textWidth(line);
    } else {
      line += space + word;
      lineWidth += space.length + w;
    }
    space = parts[i + 1] ?? '';
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  if (lines.length <= maxLines) return lines;
  // Too tall: the last line kept ends in `…`.
  const kept = lines.slice(0, Math.max(1, maxLines));
  const last = kept.length - 1;
  const limitOfLast = last === 0 ? firstWidth : width;
  kept[last] = textWidth(kept[last]!) < limitOfLast ? kept[last] + '…' : cutWithEllipsis(kept[last] + '…', limitOfLast);
  return kept;
}

/** Wraps with a prefix on the first line and an indent on the lines after it. */
export function wrapHanging(text: string, width: number, first: string, rest: string, maxLines = Infinity): string[] {
  const lines = wrapText(text, Math.max(1, width - textWidth(rest)), Math.max(1, width - textWidth(first)), maxLines);
  return lines.map((l, i) => (i === 0 ? first : rest) + l);
}
