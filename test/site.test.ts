import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Element, ElementContent, RootContent as HastContent, Root as HastRoot } from 'hast';
import type { RootContent as MdastContent, Root as MdastRoot, Table } from 'mdast';
import { type Browser, chromium, type Page } from 'playwright-core';
import rehypeParse from 'rehype-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Spec } from '../src/build/types.js';
import { run } from '../src/cli/main.js';
import { SITE_MARKER } from '../src/cli/site.js';
import { type Diagnostic, diagnostic } from '../src/diagnostics/diagnostic.js';
import { html, htmlAttr } from '../src/emit/escape.js';
import type { HealthLocale, HealthReport } from '../src/emit/health.js';
import { createRenderer } from '../src/emit/render.js';
import type { CompileResult } from '../src/pipeline.js';
import { textDirection } from '../src/site/direction.js';
import { markdownToHtml } from '../src/site/markdown.js';
import { buildSite } from '../src/site/site.js';
import { dashboardView, pageView, publishedKey } from '../src/site/views.js';
import { ASSETS, compileRoot, REPO_ROOT } from './helpers/project.js';

const render = createRenderer(ASSETS.templates);

const io = () => {
  const out = { stdout: '', stderr: '' };
  const cli = {
    stdout: (text: string): void => {
      out.stdout += text;
    },
    stderr: (text: string): void => {
      out.stderr += text;
    },
  };
  return { out, io: cli };
};

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'statespec-site-'));

// ---------------------------------------------------------------------------
// Views and rendering, in memory.

const share = (count: number, total: number) => ({ count, total });
const localeRow = (locale: string, counts: Partial<HealthLocale['counts']>, facts = share(1, 1)): HealthLocale => ({
  locale,
  counts: { error: 0, warning: 0, info: 0, suppressed: 0, ...counts },
  facts,
  labels: null,
  sources: [],
  findings: [],
});

const HEALTH: HealthReport = {
  $comment: 'generated — do not edit',
  articles: [
    {
      id: 'alpha',
      title: 'Alpha <script>alert(1)</script> "quoted"',
      referenceLocale: 'en-US',
      locales: [
        { ...localeRow('en-US', {}), published: { article: 'generated/docs/en-US/alpha.md', from: 'sources/alpha/en-US.md' } },
        { ...localeRow('ar-EG', { warning: 2 }), unpublished: 'No source of ar-EG could be read, so it has no article.' },
        localeRow('de-DE', {}, share(1, 2)),
      ],
      findings: [],
    },
    { id: 'beta', title: 'Beta', referenceLocale: 'en-US', locales: [localeRow('en-US', { error: 1 }), localeRow('ja-JP', { info: 3 })], findings: [] },
  ],
};

const finding = (spec: string, locale: string, file: string, message: string): Diagnostic =>
  diagnostic('label-unknown', { spec, locale, at: { file, line: 7, column: 3 }, message });

describe('site views', () => {
  it('the dashboard lists every article × locale worst first, with severity, shares and a link or a reason', () => {
    const published = new Set([publishedKey('alpha', 'en-US'), publishedKey('alpha', 'de-DE'), publishedKey('beta', 'en-US')]);
    const view = dashboardView({ health: HEALTH, published, diagnostics: [], output: 'generated' });
    // health.md's order: errors, warnings, then the facts and labels shares, then ids.
    expect(view.rows.map((row) => `${row.article}/${row.locale}`)).toEqual(['beta/en-US', 'alpha/ar-EG', 'alpha/de-DE', 'alpha/en-US', 'beta/ja-JP']);
    expect(view.rows.map((row) => [row.marker, row.status])).toEqual([
      ['🔴', 'error'],
      ['🟠', 'warning'],
      ['🟢', 'no findings'],
      ['🟢', 'no findings'],
      ['🔵', 'info'],
    ]);
    expect(view.rows.find((row) => row.locale === 'de-DE')!.facts).toBe('50% (1/2)');
    const arabic = view.rows.find((row) => row.locale === 'ar-EG')!;
    expect([arabic.hasPage, arabic.href, arabic.dir]).toEqual([false, '', 'rtl']);
    // The health report's reason, when it gives one.
    expect(arabic.reason).toBe('Not published: No source of ar-EG could be read, so it has no article.');
    expect(view.rows.find((row) => row.article === 'beta' && row.locale === 'ja-JP')!.reason).toMatch(/made no doc for this locale/);
    expect(render('site-index.html', view)).toContain('<span class="muted">Not published: No source of ar-EG could be read, so it has no article.</span>');
    expect(view.rows.find((row) => row.locale === 'de-DE')!.href).toBe('de-DE/alpha.html');
    expect([view.lang, view.dir]).toEqual(['en', 'ltr']);
  });

  it('the dashboard has a "Published from" column: the source file each page is published from, or why there is none', () => {
    const published = new Set([publishedKey('alpha', 'en-US'), publishedKey('alpha', 'de-DE')]);
    const view = dashboardView({ health: HEALTH, published, diagnostics: [], output: 'generated' });
    const alpha = view.rows.find((row) => row.article === 'alpha' && row.locale === 'en-US')!;
    expect([alpha.from, alpha.reason]).toEqual(['en-US.md', '']);
    const page = render('site-index.html', view);
    const cells = (tag: string): string[][] =>
      [...page.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)]
        .map((match) => [...match[1]!.matchAll(new RegExp(`<${tag}[^>]*>(.*?)</${tag}>`, 'g'))].map((cell) => cell[1]!.replace(/<[^>]+>/g, '')))
        .filter((row) => row.length > 0);
    const headers = cells('th')[0]!;
    const column = headers.indexOf('Published from');
    expect(column).toBe(headers.indexOf('Locale') + 1);
    const rows = cells('td');
    // Every row has a cell under every header.
    expect(rows.map((row) => row.length)).toEqual(Array(view.rows.length).fill(headers.length));
    const byRow = new Map(view.rows.map((row, index) => [`${row.article}/${row.locale}`, rows[index]![column]]));
    expect(byRow.get('alpha/en-US')).toBe('en-US.md');
    // A page with no source named by the report, and the rows without a page, with their reasons.
    expect(byRow.get('alpha/de-DE')).toBe('—');
    expect(byRow.get('alpha/ar-EG')).toBe('Not published: No source of ar-EG could be read, so it has no article.');
    expect(byRow.get('beta/ja-JP')).toMatch(/^Not published: the build made no doc/);
  });

  it('the dashboard has a "Based on" column: the reference version each article was translated from, in words when outdated', () => {
    const outdated = {
      path: 'sources/alpha/de-DE.md',
      role: 'primary' as const,
      counts: { error: 0, warning: 1, info: 0, suppressed: 0 },
      facts: share(2, 2),
      labels: null,
      findings: [],
      basedOn: { path: 'sources/alpha/en-US.2025.md', reason: 'the only reference version with its ms.date, 2025-01-15', outdated: 2 },
    };
    const health: HealthReport = {
      ...HEALTH,
      articles: [{ ...HEALTH.articles[0]!, locales: [{ ...localeRow('de-DE', { warning: 1 }), sources: [outdated] }, localeRow('en-US', {})] }],
    };
    const view = dashboardView({ health, published: new Set(), diagnostics: [], output: 'generated' });
    expect(view.rows.map((row) => [row.locale, row.basedOn])).toEqual([
      ['de-DE', 'en-US.2025.md (outdated: 2 fact(s) changed)'],
      ['en-US', '—'],
    ]);
    expect(render('site-index.html', view)).toContain('<td class="file">en-US.2025.md (outdated: 2 fact(s) changed)</td>');
  });

  it('a blocked build keeps every row, says why there is no page, and lists what blocks it', () => {
    const blocker = finding('beta', 'en-US', 'sources/beta/en-US.md', 'Unknown label "x".');
    const view = dashboardView({ health: HEALTH, published: new Set(), diagnostics: [blocker], output: 'generated' });
    expect(view.rows).toHaveLength(5);
    expect(view.rows.every((row) => !row.hasPage && (row.locale === 'ar-EG' || row.reason.includes('1 blocking error')))).toBe(true);
    expect(view.blocked).toBe(true);
    expect(view.blocking).toEqual([
      { severity: 'error', marker: '🔴', dot: 'dot dot-error', code: 'label-unknown', message: 'Unknown label "x".', place: 'sources/beta/en-US.md:7:3' },
    ]);
    const page = render('site-index.html', view);
    expect(page).toContain('Findings that block the build');
    expect(page).toContain('sources/beta/en-US.md:7:3');
  });

  it('lang and dir follow each locale; rtl scripts are rtl', () => {
    expect(['ar', 'ar-EG', 'he-IL', 'fa-IR', 'ur-PK', 'yi'].map(textDirection)).toEqual(Array(6).fill('rtl'));
    expect(['en-US', 'ja-JP', 'zh-CN', 'ko-KR', 'ru-RU', 'az-Arab', 'not a tag'].map(textDirection)).toEqual(['ltr', 'ltr', 'ltr', 'ltr', 'ltr', 'rtl', 'ltr']);
  });

  const SPEC = {
    id: 'alpha',
    locales: ['ar-EG', 'de-DE', 'en-US'],
    referenceLocale: 'en-US',
    title: { 'en-US': 'Alpha', 'de-DE': 'Alpha <b>"DE"</b>' },
  } as unknown as Spec;
  const published = new Set(SPEC.locales.map((locale) => publishedKey('alpha', locale)));

  it('the switcher links to the article in every locale, relatively, marking the current one', () => {
    const view = pageView({
      spec: SPEC,
      locale: 'ar-EG',
      body: '<p>x</p>',
      mermaid: false,
      published,
      diagnostics: [],
      docPath: 'generated/docs/ar-EG/alpha.md',
    });
    expect([view.lang, view.dir, view.indexHref]).toEqual(['ar-EG', 'rtl', '../index.html']);
    expect(view.switcher.map((link) => [link.href, link.current, link.dir])).toEqual([
      ['../ar-EG/alpha.html', true, 'rtl'],
      ['../de-DE/alpha.html', false, 'ltr'],
      ['../en-US/alpha.html', false, 'ltr'],
    ]);
    const page = render('site-page.html', view);
    expect(page).toMatch(/^<!doctype html>\n<html lang="ar-EG" dir="rtl">/);
    expect(page.match(/<a [^>]*aria-current="page"/g)).toHaveLength(1);
    expect(page).toMatch(/<a href="\.\.\/ar-EG\/alpha\.html" hreflang="ar-EG" lang="ar-EG" dir="rtl" aria-current="page">/);
    // A locale without a published doc has no link.
    const fewer = pageView({
      ...{ spec: SPEC, locale: 'en-US', body: '', mermaid: false, diagnostics: [], docPath: 'x' },
      published: new Set([publishedKey('alpha', 'en-US')]),
    });
    expect(fewer.switcher.map((link) => link.locale)).toEqual(['en-US']);
  });

  it("lists the findings of that locale's sources, each with code, severity, message and file:line:column", () => {
    const diagnostics = [
      finding('alpha', 'de-DE', 'sources/alpha/de-DE.md', 'Unknown label <script>alert("de")</script>.'),
      finding('alpha', 'en-US', 'sources/alpha/en-US.md', 'Not this locale.'),
      finding('beta', 'de-DE', 'sources/beta/de-DE.md', 'Not this article.'),
    ];
    const view = pageView({ spec: SPEC, locale: 'de-DE', body: '', mermaid: false, published, diagnostics, docPath: 'generated/docs/de-DE/alpha.md' });
    expect(view.findings.map((f) => [f.code, f.severity, f.place])).toEqual([['label-unknown', 'error', 'sources/alpha/de-DE.md:7:3']]);
    const page = render('site-page.html', view);
    expect(page).toContain(
      '<code>label-unknown</code> <span class="place">sources/alpha/de-DE.md:7:3</span><br>Unknown label &lt;script&gt;alert("de")&lt;/script&gt;.',
    );
    expect(page).not.toContain('Not this');
    expect(page).not.toContain('<script>alert');
    // The title is text, not markup, in the <title>.
    expect(page).toContain('<title>Alpha &lt;b&gt;"DE"&lt;/b&gt; (de-DE) · statespec</title>');
  });

  it('html and htmlAttr escape what would start markup or end an attribute', () => {
    expect(html('<script>alert("x")</script> & \'')).toBe('&lt;script&gt;alert("x")&lt;/script&gt; &amp; \'');
    expect(htmlAttr('" onmouseover="x\' <&>')).toBe('&quot; onmouseover=&quot;x&#39; &lt;&amp;&gt;');
    const page = render(
      'site-index.html',
      dashboardView({ health: HEALTH, published: new Set([publishedKey('alpha', 'en-US')]), diagnostics: [], output: 'generated' }),
    );
    expect(page).toContain('Alpha &lt;script&gt;alert(1)&lt;/script&gt; "quoted"');
    expect(page).not.toContain('<script>');
  });

  it('renders the Markdown with its raw HTML, sanitized, and mermaid blocks for mermaid.run', () => {
    const rendered = markdownToHtml(
      [
        '---',
        'title: front matter',
        '---',
        '<!-- a comment -->',
        '# Title <sup>1</sup>',
        '',
        '<table><tr><th colspan="2" onclick="steal()">Both</th></tr><tr><td rowspan="2">a<script>alert(1)</script></td><td><img src="x.png" alt="x" onerror="steal()"></td></tr></table>',
        '',
        '| A | B |',
        '| --- | :-: |',
        '| [link](../en-US/x.md) | [bad](javascript:alert(1)) |',
        '',
        '```mermaid',
        'stateDiagram-v2',
        '  A --> B: a<b & c',
        '```',
      ].join('\n'),
    );
    expect(rendered.mermaid).toBe(true);
    expect(rendered.html).not.toMatch(/front matter|a comment|<script|onclick|onerror|javascript:|steal/);
    expect(rendered.html).toContain('<h1>Title <sup>1</sup></h1>');
    expect(rendered.html).toContain('<th colspan="2">Both</th>');
    expect(rendered.html).toContain('<td rowspan="2">a</td><td><img src="x.png" alt="x"></td>');
    expect(rendered.html).toContain('<a href="../en-US/x.md">link</a>');
    expect(rendered.html).toContain('<pre class="mermaid">stateDiagram-v2\n  A --> B: a&#x3C;b &#x26; c\n</pre>');
    expect(markdownToHtml('```js\nx\n```').mermaid).toBe(false);
  });

  it('footnote references, their back links and in-page links reach their targets', () => {
    const { html: body } = markdownToHtml(
      [
        '## <a name="see-also"></a>See also',
        '',
        'Running[^1] and stopped[^note], see [below](#see-also), [the note](#here) and [the top](#top).',
        '',
        '<a id="here"></a>Here. <a href="#here">Again</a>, <a href="#nowhere">nowhere</a>.',
        '',
        '[^1]: The first note.',
        '[^note]: The second note.',
      ].join('\n'),
    );
    const tree = unified().use(rehypeParse, { fragment: true }).parse(body) as HastRoot;
    const elements: Element[] = [];
    const visit = (node: HastRoot | HastContent): void => {
      if (node.type === 'element') elements.push(node);
      if ('children' in node) for (const child of node.children) visit(child as HastContent);
    };
    visit(tree);
    const targets = new Set(elements.flatMap((element) => [element.properties.id, element.properties.name]).filter((id) => typeof id === 'string'));
    const links = elements.map((element) => element.properties.href).filter((href): href is string => typeof href === 'string' && href.startsWith('#'));
    // Two references, two back links, and the five in-page links the source writes.
    expect(links.length).toBe(9);
    const unreached = links.filter((href) => !targets.has(decodeURIComponent(href.slice(1))));
    // Only the links the source itself gives no target stay unreached.
    expect(unreached).toEqual(['#top', '#nowhere']);
    // The ids are prefixed once, as GitHub does, never twice.
    expect([...targets].every((id) => /^user-content-(?!user-content-)/.test(String(id)))).toBe(true);
    expect(body).toContain('<a href="#user-content-fn-1" id="user-content-fnref-1"');
    expect(body).toContain('<li id="user-content-fn-1">');
    expect(body).toContain('<a href="#user-content-see-also">below</a>');
  });

  it('the site templates are loaded, precompiled by npm run compile, and render the same either way', () => {
    expect(Object.keys(ASSETS.templates)).toEqual(expect.arrayContaining(['site-index.html', 'site-page.html', '_site-style.css']));
    const view = dashboardView({ health: HEALTH, published: new Set(), diagnostics: [], output: 'generated' });
    if (ASSETS.precompiledTemplates) {
      expect(Object.keys(ASSETS.precompiledTemplates.templates)).toEqual(expect.arrayContaining(['site-index.html', 'site-page.html', '_site-style.css']));
      expect(createRenderer(ASSETS.templates, ASSETS.precompiledTemplates)('site-index.html', view)).toBe(render('site-index.html', view));
    }
    // Strict: a view without a field the template prints is an error, not an empty string.
    const { summary: _summary, ...partial } = view;
    expect(() => render('site-index.html', partial)).toThrow(/summary|expects a string/);
  });

  it('a blocked build gives the dashboard alone; a page per published doc otherwise', () => {
    const result = compileRoot(REPO_ROOT);
    const files = buildSite({ result, output: 'generated', render, mermaid: '/* mermaid */' });
    const docs = result.outputs.filter((file) => /^generated\/docs\/[^/]+\/[^/]+\.md$/.test(file.path));
    expect(docs.length).toBeGreaterThan(0);
    expect(files.filter((file) => file.path.endsWith('.html')).map((file) => file.path)).toEqual(
      ['index.html', ...docs.map((file) => file.path.replace(/^generated\/docs\//, '').replace(/\.md$/, '.html'))].sort(),
    );
    const blocked: CompileResult = {
      ...result,
      outputs: [],
      diagnostics: [...result.diagnostics, finding(result.specs[0]!.id, 'en-US', 'sources/x.md', 'Blocking.')],
    };
    const only = buildSite({ result: blocked, output: 'generated', render, mermaid: '' });
    expect(only.map((file) => file.path)).toEqual(['index.html']);
    expect(only[0]!.content).toContain('Not published: the build has');
  });
});

// ---------------------------------------------------------------------------
// The command line.

describe('statespec site', () => {
  it('without --out is a usage error that says what to give', () => {
    const { out, io: cli } = io();
    expect(run(['site', '--root', REPO_ROOT], cli)).toBe(2);
    expect(out.stderr).toMatch(/^statespec: site needs --out DIR/);
    expect(run(['build', '--out', tempDir()], cli)).toBe(2);
    expect(out.stderr).toContain('--out belongs to "site"');
  });

  it('refuses --write (it belongs to fix), writing nothing', () => {
    const dir = join(tempDir(), 'site');
    const { out, io: cli } = io();
    expect(run(['site', '--out', dir, '--write', '--root', REPO_ROOT], cli)).toBe(2);
    expect(out.stderr).toMatch(/^statespec: site takes only --out DIR, --root DIR and --max-source-bytes N, not --write\n/);
    expect(existsSync(dir)).toBe(false);
  });

  it("removes the temporary files a killed run left in the site's folder, keeping a live run's", () => {
    const own = join(tempDir(), 'site');
    expect(run(['site', '--out', own, '--root', REPO_ROOT], io().io)).toBe(0);
    // pid 1 is alive; no process has a pid above the kernel's limit (2^22).
    const dead = ['.statespec-tmp-99999999-0a1b2c3d', 'assets/.statespec-tmp-99999999-00000000', `.statespec-tmp-${process.pid}-ffffffff`];
    const live = '.statespec-tmp-1-0a1b2c3d';
    for (const path of [...dead, live]) writeFileSync(join(own, path), 'half');
    expect(run(['site', '--out', own, '--root', REPO_ROOT], io().io)).toBe(0);
    expect(dead.filter((path) => existsSync(join(own, path)))).toEqual([]);
    expect(existsSync(join(own, live))).toBe(true);
  });

  it('refuses an --out inside the output folder or the sources, writing nothing', () => {
    for (const inside of ['generated/site', 'sources', 'sources/biztalk-services-state-chart/site']) {
      const { out, io: cli } = io();
      expect(run(['site', '--out', join(REPO_ROOT, inside), '--root', REPO_ROOT], cli)).toBe(1);
      expect(out.stderr).toMatch(/refusing --out .*: it is inside .*(generated|sources)/);
      expect(existsSync(join(REPO_ROOT, inside, 'index.html'))).toBe(false);
    }
  });

  it('refuses a non-empty folder it did not make, and in its own removes only the files it listed', () => {
    const foreign = tempDir();
    writeFileSync(join(foreign, 'notes.txt'), 'mine');
    const first = io();
    expect(run(['site', '--out', foreign, '--root', REPO_ROOT], first.io)).toBe(1);
    expect(first.out.stderr).toContain(`has no ${SITE_MARKER}`);
    expect(readdirSync(foreign)).toEqual(['notes.txt']);

    const own = join(tempDir(), 'site');
    expect(run(['site', '--out', own, '--root', REPO_ROOT], io().io)).toBe(0);
    const listed = (JSON.parse(readFileSync(join(own, SITE_MARKER), 'utf8')) as { files: string[] }).files;
    expect(listed).toContain('index.html');
    expect(listed).toContain('assets/mermaid.min.js');
    // A page of a locale that is gone, listed by the marker; and a reviewer's own note, not listed.
    mkdirSync(join(own, 'xx-XX'));
    writeFileSync(join(own, 'xx-XX', 'gone.html'), 'old');
    writeFileSync(join(own, 'review-notes.txt'), 'keep me');
    writeFileSync(join(own, SITE_MARKER), JSON.stringify({ files: [...listed, 'xx-XX/gone.html', '../outside.txt'] }));
    const again = io();
    expect(run(['site', '--out', own, '--root', REPO_ROOT], again.io)).toBe(0);
    expect(again.out.stderr).toMatch(/0 files written, 1 removed/);
    expect(existsSync(join(own, 'xx-XX'))).toBe(false);
    expect(readFileSync(join(own, 'review-notes.txt'), 'utf8')).toBe('keep me');
    expect(readdirSync(own).filter((name) => name.startsWith('.statespec-tmp-'))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// The site in a browser, opened from disk.

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The text a reader sees in a cell: line breaks as spaces, whitespace collapsed. */
const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The cells of every table of a published doc, read from its Markdown (GFM tables, and raw HTML tables through an HTML parser). */
function markdownTables(markdown: string): string[][][] {
  const tree = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).parse(markdown) as MdastRoot;
  const tables: string[][][] = [];
  const inline = (node: MdastContent): string => {
    if (node.type === 'text' || node.type === 'inlineCode') return node.value;
    if (node.type === 'html') return /^<br\s*\/?>$/i.test(node.value) ? ' ' : '';
    return 'children' in node ? (node.children as MdastContent[]).map(inline).join('') : '';
  };
  const visit = (node: MdastRoot | MdastContent): void => {
    if (node.type === 'table') tables.push((node as Table).children.map((row) => row.children.map((cell) => squash(cell.children.map(inline).join('')))));
    else if (node.type === 'html' && /<table/i.test(node.value)) tables.push(...htmlTables(node.value));
    else if ('children' in node) for (const child of node.children as MdastContent[]) visit(child);
  };
  visit(tree);
  return tables;
}

function htmlTables(source: string): string[][][] {
  const tree = unified().use(rehypeParse, { fragment: true }).parse(source) as HastRoot;
  const text = (node: ElementContent): string =>
    node.type === 'text' ? node.value : node.type === 'element' ? (node.tagName === 'br' ? ' ' : node.children.map(text).join('')) : '';
  const found: string[][][] = [];
  const rows = (node: Element, into: string[][]): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'tr')
        into.push(child.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th')).map((c) => squash(text(c))));
      else if (child.tagName !== 'table') rows(child, into);
    }
  };
  const visit = (node: HastRoot | HastContent): void => {
    if (node.type === 'element' && node.tagName === 'table') {
      const table: string[][] = [];
      rows(node, table);
      found.push(table);
    } else if ('children' in node) for (const child of node.children) visit(child as HastContent);
  };
  visit(tree);
  return found;
}

/** The state labels a ```mermaid block declares (`  Id: label`), decoded from mermaid's #NNN; codes. */
function mermaidLabels(markdown: string): string[] {
  const block = /```mermaid\n([\s\S]*?)```/.exec(markdown)?.[1] ?? '';
  return block
    .split('\n')
    .map((line) => /^\s*[A-Za-z][\w]*\s*:\s*(.+)$/.exec(line)?.[1])
    .filter((label): label is string => label !== undefined)
    .map((label) => label.replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code))).trim());
}

/** A site built from one made-up article with the same doc in each of its locales, written to a new folder. */
function writeSiteOf(spec: Spec, doc: string, mermaid = ''): string {
  const result = {
    specs: [spec],
    health: { $comment: 'x', articles: [] },
    outputs: spec.locales.map((locale) => ({ path: `generated/docs/${locale}/${spec.id}.md`, content: doc })),
    diagnostics: [],
  } as unknown as CompileResult;
  const dir = tempDir();
  for (const file of buildSite({ result, output: 'generated', render, mermaid })) {
    mkdirSync(join(dir, file.path, '..'), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  return dir;
}

interface Visited {
  problems: string[];
  lang: string | null;
  dir: string | null;
  /** The switcher's links: href as written, hreflang, and whether it is aria-current. */
  switcher: { href: string; lang: string; current: boolean }[];
  /** The header's link back to the dashboard, resolved. */
  back: string | undefined;
  tables: string[][][];
  text: string;
  /** The texts inside the first drawn Mermaid diagram, if the page has one. */
  diagram: string[] | undefined;
  /** axe-core's serious and critical violations. */
  axe: string[];
}

describe.skipIf(!available)(`the site in Chromium, from disk (${available ? CHROMIUM : `skipped: no browser at ${CHROMIUM}; set CHROMIUM_PATH`})`, () => {
  let browser: Browser;
  let page: Page;
  let site: string;
  let result: CompileResult;
  /** Site path → the Markdown it is rendered from. */
  const pages = new Map<string, string>();
  const visited = new Map<string, Visited>();
  let problems: string[] = [];

  const url = (path: string): string => pathToFileURL(join(site, path)).href;

  /** Opens a page of the site from disk, the network cut off, waits for its diagrams, and reads what the tests check. */
  async function visit(path: string): Promise<Visited> {
    problems = [];
    await page.goto(url(path));
    const hasDiagram = (await page.locator('pre.mermaid').count()) > 0;
    // A diagram that never draws is a finding of this page, not a reason to stop visiting the others.
    const drawn = hasDiagram
      ? await page
          .locator('pre.mermaid svg')
          .first()
          .waitFor({ timeout: 20_000 })
          .then(() => true)
          .catch(() => false)
      : false;
    if (hasDiagram && !drawn) problems.push('no svg appeared inside pre.mermaid');
    const root = page.locator('html');
    const switcher = await page.locator('nav.locales a').evaluateAll((links) =>
      links.map((link) => ({
        href: link.getAttribute('href')!,
        lang: link.getAttribute('hreflang')!,
        current: link.getAttribute('aria-current') === 'page',
      })),
    );
    const back = (await page.locator('header a').count()) > 0 ? new URL((await page.locator('header a').getAttribute('href'))!, page.url()).href : undefined;
    const tables = await page.locator('article.doc table').evaluateAll((found) =>
      found.map((table) =>
        [...table.querySelectorAll('tr')].map((row) =>
          [...row.querySelectorAll('th, td')].map((cell) => {
            const copy = cell.cloneNode(true) as typeof cell;
            for (const br of copy.querySelectorAll('br')) br.replaceWith(' ');
            return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
          }),
        ),
      ),
    );
    const text = (await page.locator('article.doc').count()) > 0 ? squash((await page.locator('article.doc').textContent()) ?? '') : '';
    const diagram = drawn
      ? await page
          .locator('pre.mermaid svg')
          .first()
          .evaluate((svg) => [...svg.querySelectorAll('.nodeLabel, text, span, p')].map((node) => (node.textContent ?? '').trim()))
      : undefined;
    await page.addScriptTag({ path: AXE });
    const axe = await page.evaluate(async () => {
      type Violation = { id: string; impact: string; nodes: { target: string[] }[] };
      const runner = (globalThis as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }).axe;
      const { violations } = await runner.run();
      return violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    });
    return { problems, lang: await root.getAttribute('lang'), dir: await root.getAttribute('dir'), switcher, back, tables, text, diagram, axe };
  }

  beforeAll(async () => {
    result = compileRoot(REPO_ROOT);
    site = join(tempDir(), 'site');
    const { out, io: cli } = io();
    const code = run(['site', '--out', site, '--root', REPO_ROOT], cli);
    if (code !== 0) throw new Error(`statespec site exited ${code}: ${out.stderr}`);
    for (const file of result.outputs) {
      const match = /^generated\/docs\/([^/]+)\/([^/]+)\.md$/.exec(file.path);
      if (match) pages.set(`${match[1]}/${match[2]}.html`, file.content);
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    // Anything but a file of the site is a request that would need the network: refused, and reported.
    await page.route(/^(?!file:)/, async (route) => {
      problems.push(`network: ${route.request().url()}`);
      await route.abort();
    });
    for (const path of ['index.html', ...pages.keys()]) visited.set(path, await visit(path));
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    if (site) rmSync(join(site, '..'), { recursive: true, force: true });
  });

  const each = (): [string, Visited][] => [...visited];

  it('opens every page from disk with no console error, page error or network request', () => {
    expect(pages.size).toBeGreaterThan(10);
    expect(visited.size).toBe(pages.size + 1);
    for (const [path, seen] of each()) expect(seen.problems, path).toEqual([]);
  });

  it('links the dashboard to every page, and each page back to the dashboard', async () => {
    await page.goto(url('index.html'));
    expect(visited.get('index.html')!.lang).toBe('en');
    const hrefs = await page.locator('main table a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs.sort()).toEqual([...pages.keys()].sort());
    expect(await page.locator('main table tbody tr').count()).toBe(result.health.articles.reduce((sum, article) => sum + article.locales.length, 0));
    for (const path of pages.keys()) expect(visited.get(path)!.back, path).toBe(url('index.html'));
    // Followed for real from one page.
    await page.goto(url([...pages.keys()][0]!));
    await page.locator('header a').click();
    expect(page.url()).toBe(url('index.html'));
  });

  it("the switcher reaches every locale of the article, each page with its locale's lang and dir", async () => {
    for (const spec of result.specs) {
      const own = [...pages.keys()].filter((path) => path.endsWith(`/${spec.id}.html`));
      for (const path of own) {
        const seen = visited.get(path)!;
        const locale = path.split('/')[0]!;
        expect([seen.lang, seen.dir], path).toEqual([locale, textDirection(locale)]);
        expect(seen.switcher.filter((link) => link.current).map((link) => link.lang)).toEqual([locale]);
        expect(seen.switcher.map((link) => link.lang).sort(), path).toEqual(own.map((other) => other.split('/')[0]).sort());
        for (const link of seen.switcher) {
          const target = new URL(link.href, url(path)).href;
          const landed = [...visited.keys()].find((other) => url(other) === target);
          expect(landed, `${path} → ${link.href}`).toBeDefined();
          expect(visited.get(landed!)!.lang).toBe(link.lang);
        }
      }
      // Followed for real, by clicking, from the first page of the article.
      await page.goto(url(own[0]!));
      for (const { lang } of visited.get(own[0]!)!.switcher) {
        await page.locator(`nav.locales a[hreflang="${lang}"]`).click();
        expect(await page.locator('html').getAttribute('lang')).toBe(lang);
        expect(await page.locator('nav.locales a[aria-current="page"]').getAttribute('hreflang')).toBe(lang);
      }
    }
  });

  it("shows each page's tables exactly as its published Markdown states them", () => {
    for (const [path, markdown] of pages) {
      const expected = markdownTables(markdown);
      expect(expected.length, path).toBeGreaterThan(0);
      expect(visited.get(path)!.tables, path).toEqual(expected);
    }
  });

  it("names every row and column label of the spec's tables in the locale's own words", () => {
    for (const spec of result.specs) {
      for (const locale of spec.locales) {
        const path = `${locale}/${spec.id}.html`;
        if (!pages.has(path)) continue;
        const { text } = visited.get(path)!;
        for (const table of spec.tables) {
          const axes = [table.rows, ...(table.columnAxis ? [table.columnAxis] : [])];
          for (const item of spec.axes.filter((axis) => axes.includes(axis.id)).flatMap((axis) => axis.items)) {
            const label = item.label[locale];
            if (label !== undefined) expect(text, `${path}: ${item.id}`).toContain(squash(label));
          }
        }
      }
    }
  });

  it('draws every Mermaid diagram, offline, with its state labels', () => {
    const withDiagram = [...pages].filter(([, markdown]) => markdown.includes('```mermaid'));
    expect(withDiagram.length).toBeGreaterThan(0);
    for (const [path, markdown] of withDiagram) {
      const { diagram } = visited.get(path)!;
      expect(diagram, `${path}: no diagram drawn`).toBeDefined();
      const labels = mermaidLabels(markdown);
      expect(labels.length, path).toBeGreaterThan(0);
      for (const label of labels) expect(diagram, `${path}: ${label}`).toContain(label);
    }
  });

  it("writes each switcher link in its own language's font, not the page's (a Korean font's č is broken)", async () => {
    await page.goto(url('ko-KR/biztalk-services-state-chart.html'));
    const fontOf = (selector: string) =>
      page
        .locator(selector)
        .first()
        // No DOM lib in this tsconfig: the page's getComputedStyle is reached through globalThis.
        .evaluate((element) => (globalThis as unknown as { getComputedStyle(of: unknown): { fontFamily: string } }).getComputedStyle(element).fontFamily);
    expect(await fontOf('h1')).toMatch(/^"Noto Sans CJK KR"/);
    expect(await fontOf('nav.locales a[hreflang="cs-CZ"]')).toMatch(/^system-ui,/);
    expect(await fontOf('nav.locales a[hreflang="ja-JP"]')).toMatch(/^"Noto Sans CJK JP"/);
  });

  it('axe-core finds no serious or critical accessibility violation on any page', () => {
    for (const [path, seen] of each()) expect(seen.axe, path).toEqual([]);
  });

  it('runs nothing a source brings, and lays out a right-to-left page', async () => {
    const doc = [
      '---',
      'title: hostile',
      '---',
      '# عنوان <img src="x.png" alt="" onerror="globalThis.pwned = 1">',
      '',
      '<script>globalThis.pwned = 2</script>',
      '',
      '<table><tr><th colspan="2" onmouseover="globalThis.pwned = 3">حالة</th></tr><tr><td>نشط<sup>1</sup></td><td><a href="javascript:globalThis.pwned = 4">رابط</a></td></tr></table>',
      '',
      '```mermaid',
      'stateDiagram-v2',
      '  A: <img src=x onerror="globalThis.pwned = 5">',
      '  A --> B: <b>x</b>',
      '```',
    ].join('\n');
    const spec = { id: 'hostile', locales: ['ar-EG', 'en-US'], referenceLocale: 'en-US', title: { 'ar-EG': 'عنوان' } } as unknown as Spec;
    const mermaid = readFileSync(createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js'), 'utf8');
    const dir = writeSiteOf(spec, doc, mermaid);
    try {
      problems = [];
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(pathToFileURL(join(dir, 'ar-EG/hostile.html')).href);
      await page.locator('pre.mermaid svg').first().waitFor({ timeout: 20_000 });
      await page.locator('article.doc th').hover();
      await page.locator('article.doc a').click();
      expect(await page.evaluate(() => (globalThis as { pwned?: number }).pwned)).toBeUndefined();
      // The images the source names are not there (file not found); nothing else may be reported.
      expect([dialogs, problems.filter((problem) => !problem.endsWith('net::ERR_FILE_NOT_FOUND'))]).toEqual([[], []]);
      expect(await page.locator('article.doc th').getAttribute('colspan')).toBe('2');
      expect(await page.locator('article.doc sup').textContent()).toBe('1');
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      // The tool's own words stay left to right inside the rtl page; the heading starts at the right.
      expect(await page.locator('nav.locales').getAttribute('dir')).toBe('ltr');
      const heading = await page.locator('article.doc h1').boundingBox();
      expect(heading!.x + heading!.width).toBeGreaterThan(1000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a footnote reference, its back link and an in-page link move to their targets when clicked', async () => {
    const doc = ['## <a name="see-also"></a>See also', '', 'Stopped[^1], see [below](#see-also).', '', ...Array(60).fill('Filler.\n'), '[^1]: The note.'].join(
      '\n',
    );
    const spec = { id: 'notes', locales: ['en-US'], referenceLocale: 'en-US', title: { 'en-US': 'Notes' } } as unknown as Spec;
    const dir = writeSiteOf(spec, doc);
    try {
      await page.goto(pathToFileURL(join(dir, 'en-US/notes.html')).href);
      const target = () => page.locator(':target').evaluateAll((found) => found.map((element) => element.getAttribute('id') ?? element.getAttribute('name')));
      await page.locator('a[data-footnote-ref]').click();
      expect(await target()).toEqual(['user-content-fn-1']);
      await page.locator('a[data-footnote-backref]').click();
      expect(await target()).toEqual(['user-content-fnref-1']);
      await page.locator('article.doc a', { hasText: 'below' }).click();
      expect(await target()).toEqual(['user-content-see-also']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('screenshots the dashboard and a CJK page (outside the repo)', async () => {
    const cjk = [...pages.keys()].find((path) => path.startsWith('ja-JP/')) ?? [...pages.keys()].find((path) => /^(zh|ko)-/.test(path));
    expect(cjk).toBeDefined();
    for (const [path, name] of [
      ['index.html', 'statespec-site-index.png'],
      [cjk!, 'statespec-site-cjk.png'],
    ] as const) {
      await page.goto(url(path));
      if ((await page.locator('pre.mermaid').count()) > 0)
        await page
          .locator('pre.mermaid svg')
          .first()
          .waitFor({ timeout: 20_000 })
          .catch(() => undefined);
      await page.screenshot({ path: join(tmpdir(), name), fullPage: true });
      expect(existsSync(join(tmpdir(), name))).toBe(true);
    }
  });
});
