import type { Render } from '../emit/render.js';
import type { CompileResult } from '../pipeline.js';
import { markdownToHtml } from './markdown.js';
import { dashboardView, MERMAID_ASSET, pagePath, pageView, publishedKey } from './views.js';

/** A file of the site, relative to its folder, with `/`. */
export interface SiteFile {
  path: string;
  content: string;
}

export interface SiteInput {
  /** What compile() returned for the project, as `statespec build` calls it. */
  result: Pick<CompileResult, 'specs' | 'health' | 'outputs' | 'diagnostics'>;
  /** The project's output folder (layout.output): the docs are its `docs/<locale>/<spec-id>.md` outputs. */
  output: string;
  /** A renderer with the site templates (createRenderer over the tool's templates). */
  render: Render;
  /** mermaid.min.js as shipped by the mermaid package, copied to assets/ for the pages with a diagram. */
  mermaid: string;
}

/**
 * Every file of the review site, in memory: index.html (the translation
 * health dashboard), one page per article × locale with a published doc, and
 * the Mermaid script when a page needs it. Writes nothing.
 *
 * A blocked build publishes no doc (compile() emits nothing then): the site
 * is then the dashboard alone, with the findings that block it.
 */
export function buildSite({ result, output, render, mermaid }: SiteInput): SiteFile[] {
  const docs = new Map(result.outputs.map((file) => [file.path, file.content]));
  const pages: { spec: CompileResult['specs'][number]; locale: string; docPath: string; markdown: string }[] = [];
  for (const spec of result.specs) {
    for (const locale of spec.locales) {
      // The health report names the published article; the path build writes it to otherwise.
      const health = result.health.articles.find((article) => article.id === spec.id)?.locales.find((entry) => entry.locale === locale);
      const docPath = health?.published?.article ?? `${output}/docs/${locale}/${spec.id}.md`;
      const markdown = docs.get(docPath);
      if (markdown !== undefined) pages.push({ spec, locale, docPath, markdown });
    }
  }
  const published = new Set(pages.map((page) => publishedKey(page.spec.id, page.locale)));
  const files: SiteFile[] = [
    { path: 'index.html', content: render('site-index.html', dashboardView({ health: result.health, published, diagnostics: result.diagnostics, output })) },
  ];
  let needsMermaid = false;
  for (const page of pages) {
    const rendered = markdownToHtml(page.markdown);
    needsMermaid ||= rendered.mermaid;
    const view = pageView({ ...page, body: rendered.html, mermaid: rendered.mermaid, published, diagnostics: result.diagnostics });
    files.push({ path: pagePath(page.locale, page.spec.id), content: render('site-page.html', view) });
  }
  if (needsMermaid) files.push({ path: MERMAID_ASSET, content: mermaid });
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
