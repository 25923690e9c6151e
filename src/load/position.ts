import { location } from 'vfile-location';
import type { Location } from '../diagnostics/diagnostic.js';

export type OffsetToLocation = (offset: number) => Location;

/** Maps 0-based offsets in `text` to 1-based line/column in `file`. */
export function locator(file: string, text: string): OffsetToLocation {
  const place = location(text);
  return (offset) => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    const point = place.toPoint(clamped);
    if (point) return { file, line: point.line, column: point.column };
    // vfile-location has no point for the end of a text that ends in a newline.
    const before = text.slice(0, clamped);
    const line = before.split('\n').length;
    return { file, line, column: clamped - before.lastIndexOf('\n') };
  };
}
