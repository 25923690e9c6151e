import type { Element, ElementContent, Root, RootContent } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

/**
 * Sources are untrusted input, and the published docs carry their prose and
 * raw HTML (tables, <sup>, <br>) as written. GitHub's sanitizing schema keeps
 * what a rendered article needs (tables with align, colspan and rowspan, sup,
 * sub, links, images) and drops scripts, styles, event handlers, comments and
 * javascript: URLs, so a page shows a source's text and never runs its code.
 * Only `language-*` classes on code survive, which is how a mermaid block is found.
 *
 * The sanitizer also prefixes every id and name with `user-content-` (as
 * GitHub does, so that a source cannot clobber the page's own ids). It is the
 * only one that does: remark-rehype's own prefix (for footnotes) is turned
 * off, or footnote ids would get it twice. In-page links (`#x`) are then
 * pointed at the prefixed target (inPageLinks), which GitHub does with a script.
 */
const SCHEMA = defaultSchema;

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' })
  .use(rehypeRaw)
  .use(rehypeSanitize, SCHEMA)
  .use(rehypeStringify);

export interface RenderedMarkdown {
  html: string;
  /** Whether the page holds a ```mermaid block (and so needs mermaid.min.js). */
  mermaid: boolean;
}

/** A published doc as HTML: front matter dropped, raw HTML kept but sanitized, ```mermaid blocks as <pre class="mermaid">. */
export function markdownToHtml(markdown: string): RenderedMarkdown {
  const tree = processor.runSync(processor.parse(markdown)) as Root;
  inPageLinks(tree);
  const found = mermaidBlocks(tree);
  return { html: processor.stringify(tree), mermaid: found > 0 };
}

const isElement = (node: RootContent | ElementContent): node is Element => node.type === 'element';

const CLOBBER = SCHEMA.clobberPrefix ?? 'user-content-';

const elements = (node: Root | Element): Element[] =>
  (node.children as (RootContent | ElementContent)[]).filter(isElement).flatMap((child) => [child, ...elements(child)]);

const fragment = (href: string): string | undefined => {
  try {
    return decodeURIComponent(href.slice(1));
  } catch {
    return undefined;
  }
};

/**
 * Points every in-page link (`#x`: a footnote reference and its back link, a
 * link to an `<a name="x">` or `id="x"` of the source) at its target as the
 * sanitizer renamed it (`#user-content-x`). A link that already names a
 * target, or names none, is left as written.
 */
function inPageLinks(tree: Root): void {
  const all = elements(tree);
  const targets = new Set(
    all.flatMap((element) => [element.properties.id, element.tagName === 'a' ? element.properties.name : undefined]).filter((name) => typeof name === 'string'),
  );
  for (const element of all) {
    const href = element.tagName === 'a' ? element.properties.href : undefined;
    if (typeof href !== 'string' || !href.startsWith('#')) continue;
    const target = fragment(href);
    if (target !== undefined && !targets.has(target) && targets.has(CLOBBER + target)) element.properties.href = `#${CLOBBER}${encodeURIComponent(target)}`;
  }
}

const textOf = (node: ElementContent): string => (node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(textOf).join('') : '');

/**
 * Turns every <pre><code class="language-mermaid"> into <pre class="mermaid">
 * holding the diagram's text (mermaid.run draws those). Runs after the
 * sanitizer, on its output; returns how many blocks there are.
 */
function mermaidBlocks(tree: Root | Element): number {
  let count = 0;
  for (const child of tree.children) {
    if (!isElement(child)) continue;
    const code = child.tagName === 'pre' && child.children.length === 1 && isElement(child.children[0]!) ? child.children[0] : undefined;
    const classes = code?.tagName === 'code' ? code.properties.className : undefined;
    if (Array.isArray(classes) && classes.includes('language-mermaid')) {
      child.properties = { className: ['mermaid'] };
      child.children = [{ type: 'text', value: textOf(code!) }];
      count++;
    } else count += mermaidBlocks(child);
  }
  return count;
}
