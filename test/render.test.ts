import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Spec } from '../src/build/types.js';
import { mermaidLabel } from '../src/emit/escape.js';
import { REPO_ROOT } from './helpers/project.js';

// Renders the generated Mermaid diagrams as a reader's browser would. Debian's
// Chromium is installed by .ci/run; without it this suite is skipped, saying why.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const MERMAID = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');

let browser: Browser | undefined;

beforeAll(async () => {
  if (!available) return;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
});

/** Renders one diagram; returns the SVG's visible texts, and saves a screenshot outside the repo. */
async function render(code: string, screenshot: string): Promise<string[]> {
  const page = await browser!.newPage();
  try {
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body><div id="out"></div></body></html>');
    await page.addScriptTag({ path: MERMAID });
    const error = await page.evaluate(async (diagram) => {
      const mermaid = (globalThis as unknown as { mermaid: { initialize(o: object): void; render(id: string, code: string): Promise<{ svg: string }> } })
        .mermaid;
      mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
      try {
        const { svg } = await mermaid.render('diagram', diagram);
        // No DOM lib in this tsconfig: the page's document is reached through globalThis.
        const page = globalThis as unknown as { document: { getElementById(id: string): { innerHTML: string } } };
        page.document.getElementById('out').innerHTML = svg;
        return undefined;
      } catch (caught) {
        return String(caught);
      }
    }, code);
    expect(error).toBeUndefined();
    await page.locator('#out svg').screenshot({ path: join(tmpdir(), screenshot) });
    return await page
      .locator('#out svg')
      .evaluate((svg) => [...svg.querySelectorAll('.nodeLabel, .edgeLabel, text, span, p')].map((node) => (node.textContent ?? '').trim()).filter(Boolean));
  } finally {
    await page.close();
  }
}

function mermaidBlock(markdown: string): string {
  const match = /```mermaid\n([\s\S]*?)```/.exec(markdown);
  expect(match).not.toBeNull();
  return match![1]!;
}

describe.skipIf(!available)(`Mermaid diagrams in Chromium (${available ? CHROMIUM : `skipped: no browser at ${CHROMIUM}`})`, () => {
  for (const locale of ['en-US', 'zh-CN']) {
    it(`the ${locale} instance-states diagram renders every state and operation label`, async () => {
      const markdown = readFileSync(join(REPO_ROOT, `generated/docs/${locale}/biztalk-server-instance-states.md`), 'utf8');
      const spec = JSON.parse(readFileSync(join(REPO_ROOT, 'generated/biztalk-server-instance-states/spec.json'), 'utf8')) as Spec;
      const texts = await render(mermaidBlock(markdown), `statespec-${locale}.png`);
      // The diagram is drawn from the ref table whose targets are its own rows: every state an edge touches, every operation that labels one.
      const table = spec.tables.find((candidate) => candidate.cell?.type === 'ref' && candidate.cell.axis === candidate.rows)!;
      const axis = (id: string) => spec.axes.find((candidate) => candidate.id === id)!;
      const edges = table.cells.filter((cell) => typeof cell.value === 'string');
      const used = new Set(edges.flatMap((cell) => [cell.row, cell.value as string]));
      for (const state of axis(table.rows).items.filter((s) => used.has(s.id))) expect(texts).toContain(state.label[locale]);
      for (const operation of axis(table.columnAxis!).items.filter((o) => edges.some((cell) => cell.column === o.id))) {
        expect(texts).toContain(operation.label[locale]);
      }
    });
  }

  it('hostile labels render as exactly their text', async () => {
    const hostile = ['a: b --> c', '"quoted" [x] {y}', 'end; %% comment', '<b>bold</b> & <script>', 'note left of A', 'bidi\u202Eevil'];
    const code = [
      'stateDiagram-v2',
      ...hostile.map((label, index) => `  S${index}: ${mermaidLabel(label)}`),
      `  S0 --> S1: ${mermaidLabel('x|y #35; z')}`,
    ].join('\n');
    const texts = await render(code, 'statespec-hostile.png');
    for (const label of hostile) expect(texts).toContain(label);
    expect(texts).toContain('x|y #35; z');
  });
});
