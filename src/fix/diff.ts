/**
 * A unified diff of two texts (`diff -u` / `git diff` style, 3 lines of
 * context), computed with Myers' O(ND) algorithm on lines, so a few repairs
 * in a large file cost little. Pure.
 */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  const script = editScript(a, b);
  const hunks: string[] = [];
  let index = 0;
  while (index < script.length) {
    if (script[index]!.kind === ' ') {
      index++;
      continue;
    }
    // A hunk: from `context` lines before the first change to `context` after the last one that is close enough.
    let start = index;
    while (start > 0 && index - start < context && script[start - 1]!.kind === ' ') start--;
    let end = index;
    for (;;) {
      while (end < script.length && script[end]!.kind !== ' ') end++;
      let same = end;
      while (same < script.length && script[same]!.kind === ' ') same++;
      if (same < script.length && same - end <= context * 2) end = same;
      else {
        end = Math.min(end + context, same);
        break;
      }
    }
    const lines = script.slice(start, end);
    const oldStart = script[start]!.a;
    const newStart = script[start]!.b;
    const oldCount = lines.filter((line) => line.kind !== '+').length;
    const newCount = lines.filter((line) => line.kind !== '-').length;
    const body = lines.map((line) => `${line.kind}${line.text.text}${line.text.newline ? '' : '\n\\ No newline at end of file'}`).join('\n');
    hunks.push(`@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@\n${body}`);
    index = end;
  }
  return `--- a/${path}\n+++ b/${path}\n${hunks.join('\n')}\n`;
}

interface Line {
  text: string;
  newline: boolean;
}

interface Step {
  kind: ' ' | '-' | '+';
  text: Line;
  /** 0-based line numbers in the old and new text where this step stands. */
  a: number;
  b: number;
}

function range(start: number, count: number): string {
  const first = count === 0 ? start : start + 1;
  return count === 1 ? `${first}` : `${first},${count}`;
}

/** Lines without their "\n" (a "\r" stays part of the line); a last line without one is marked. */
function splitLines(text: string): Line[] {
  if (text === '') return [];
  const parts = text.split('\n');
  const last = parts.pop()!;
  const lines = parts.map((part) => ({ text: part, newline: true }));
  if (last !== '') lines.push({ text: last, newline: false });
  return lines;
}

const same = (x: Line, y: Line): boolean => x.text === y.text && x.newline === y.newline;

/** The shortest edit script from `a` to `b` (Myers 1986), as kept, removed and added lines in order. */
function editScript(a: readonly Line[], b: readonly Line[]): Step[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && same(a[x]!, b[y]!)) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  trace.push(v.slice());
  // Only the frontier of each d was kept (not the path, which would cost memory per step): walking them back recovers the path.
  const steps: Step[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 2; d >= 0; d--) {
    const frontier = trace[d]!;
    const k = x - y;
    const previousK = k === -d || (k !== d && frontier[offset + k - 1]! < frontier[offset + k + 1]!) ? k + 1 : k - 1;
    const previousX = d === 0 ? 0 : frontier[offset + previousK]!;
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY && x > 0 && y > 0) {
      x--;
      y--;
      steps.push({ kind: ' ', text: a[x]!, a: x, b: y });
    }
    if (d === 0) break;
    if (x === previousX) {
      y--;
      steps.push({ kind: '+', text: b[y]!, a: x, b: y });
    } else {
      x--;
      steps.push({ kind: '-', text: a[x]!, a: x, b: y });
    }
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    steps.push({ kind: ' ', text: a[x]!, a: x, b: y });
  }
  return steps.reverse();
}
