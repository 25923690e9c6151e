import type { Spec } from '../build/types.js';
import type { Severity } from '../diagnostics/codes.js';
import { type Diagnostic, isBlocking } from '../diagnostics/diagnostic.js';
import { type HealthReport, healthView, OUTDATED } from '../emit/health.js';
import { nativeName, textDirection } from './direction.js';

/** The language of the site's own words (headings, legend, findings): statespec's messages are English. */
export const TOOL_LANGUAGE = 'en';

/** Where a page lives in the site, relative to its root: <locale>/<spec-id>.html. */
export const pagePath = (locale: string, specId: string): string => `${encodeURIComponent(locale)}/${encodeURIComponent(specId)}.html`;

export const MERMAID_ASSET = 'assets/mermaid.min.js';

const key = (specId: string, locale: string): string => `${specId}\u0000${locale}`;

const MARKERS: Record<Severity | 'clean', string> = { error: '🔴', warning: '🟠', info: '🔵', clean: '🟢' };

export interface FindingView {
  severity: string;
  marker: string;
  /** The CSS class of its coloured dot (emoji need a font that a reviewer's machine may lack). */
  dot: string;
  code: string;
  message: string;
  /** `file:line:column`, root-relative. */
  place: string;
}

export function findingView(d: Diagnostic): FindingView {
  return {
    severity: d.suppressed ? `${d.severity}, suppressed` : d.severity,
    marker: d.suppressed ? '⚪' : MARKERS[d.severity],
    dot: `dot dot-${d.suppressed ? 'suppressed' : d.severity}`,
    code: d.code,
    message: d.suppressed ? `${d.message} Suppressed: ${d.suppressed.reason}` : d.message,
    place: `${d.file}:${d.line}:${d.column}`,
  };
}

/** Which article × locale pairs have a page, by spec id and locale. */
export type PublishedPages = ReadonlySet<string>;

export const publishedKey = key;

/** health.md's legend, told with the dashboard's dots instead of emoji. */
const LEGEND = [
  { dot: 'dot dot-error', text: 'error' },
  { dot: 'dot dot-warning', text: 'warning' },
  { dot: 'dot dot-info', text: 'info' },
  { dot: 'dot dot-suppressed', text: 'suppressed (with a reason)' },
  { dot: 'dot dot-clean', text: 'no findings' },
];

/** What the two shares mean, as health.md says it. */
const SHARES =
  '"Facts agreeing" counts the reference\'s facts (empty cells included) that the locale\'s sources state the same way; "Labels translated" counts header labels not left in the reference\'s language (— for sources in that language).';

/** Why a row has no page: the health report's reason when it gives one, else the errors that block every doc. */
function unpublishedReason(reported: string | undefined, blocking: number): string {
  if (reported !== undefined) return /^not published/i.test(reported) ? reported : `Not published: ${reported}`;
  if (blocking > 0) return `Not published: the build has ${blocking} blocking error${blocking === 1 ? '' : 's'} (listed below).`;
  return 'Not published: the build made no doc for this locale.';
}

export interface DashboardInput {
  health: HealthReport;
  /** Article × locale pairs with a published doc (publishedKey). */
  published: PublishedPages;
  diagnostics: readonly Diagnostic[];
  /** The output folder the health links are made for (healthView's rows do not use it). */
  output: string;
}

/**
 * The dashboard (index.html): the rows of the health report, worst first, as
 * health.md orders and measures them (healthView), each with a link to its
 * page or the reason there is none; then what blocks the build, if anything.
 */
export function dashboardView({ health, published, diagnostics, output }: DashboardInput) {
  const titles = new Map(health.articles.map((article) => [article.id, article.title]));
  const locales = new Map(health.articles.flatMap((article) => article.locales.map((locale) => [key(article.id, locale.locale), locale] as const)));
  const blocking = diagnostics.filter(isBlocking);
  const blocked = blocking.length > 0;
  const rows = healthView(health, output).rows.map((row) => {
    const has = published.has(key(row.article, row.locale));
    const entry = locales.get(key(row.article, row.locale));
    const status: Severity | 'clean' = row.errors !== '0' ? 'error' : row.warnings !== '0' ? 'warning' : row.infos !== '0' ? 'info' : 'clean';
    return {
      ...row,
      status: status === 'clean' ? 'no findings' : status,
      statusClass: `status-${status}`,
      dot: `dot dot-${status}`,
      title: titles.get(row.article) ?? row.article,
      lang: row.locale,
      dir: textDirection(row.locale),
      hasPage: has,
      href: has ? pagePath(row.locale, row.article) : '',
      // The "Published from" column, as health.md has it: the source's file name, or why there is no page.
      from: entry?.published?.from.split('/').pop() ?? '',
      reason: has ? '' : unpublishedReason(entry?.unpublished, blocking.length),
      basedOn: row.basedOn.replace(`${OUTDATED} `, ''),
    };
  });
  return {
    lang: TOOL_LANGUAGE,
    dir: textDirection(TOOL_LANGUAGE),
    title: 'Translation health',
    banner: health.$comment,
    legend: LEGEND,
    shares: SHARES,
    rows,
    hasRows: rows.length > 0,
    summary: `${rows.length} article × locale pair${rows.length === 1 ? '' : 's'}, ${rows.filter((row) => row.hasPage).length} with a page.`,
    blocked,
    blockedSummary: blocked
      ? `The build is blocked: ${blocking.length} error${blocking.length === 1 ? '' : 's'} must be fixed before statespec build writes any doc. The dashboard still shows what was measured.`
      : '',
    blocking: blocking.map(findingView),
    general: diagnostics.filter((d) => d.spec === undefined && !isBlocking(d)).map(findingView),
  };
}

export interface PageInput {
  spec: Spec;
  locale: string;
  /** The published doc as sanitized HTML (markdownToHtml). */
  body: string;
  mermaid: boolean;
  published: PublishedPages;
  diagnostics: readonly Diagnostic[];
  /** The doc this page is rendered from, root-relative. */
  docPath: string;
}

/** One article in one locale: its published doc, a switcher to its other locales, and the findings of that locale's sources. */
export function pageView({ spec, locale, body, mermaid, published, diagnostics, docPath }: PageInput) {
  const up = '../'.repeat(pagePath(locale, spec.id).split('/').length - 1);
  const findings = diagnostics.filter((d) => d.spec === spec.id && d.locale === locale).map(findingView);
  const switcher = spec.locales
    .filter((other) => published.has(key(spec.id, other)))
    .map((other) => {
      const name = nativeName(other);
      return {
        locale: other,
        label: name === undefined ? other : `${other} · ${name}`,
        href: `${up}${pagePath(other, spec.id)}`,
        lang: other,
        dir: textDirection(other),
        current: other === locale,
      };
    });
  const count = (severity: Severity): number => findings.filter((finding) => finding.severity === severity).length;
  return {
    lang: locale,
    dir: textDirection(locale),
    toolLang: TOOL_LANGUAGE,
    title: spec.title[locale] ?? spec.title[spec.referenceLocale] ?? spec.id,
    specId: spec.id,
    locale,
    indexHref: `${up}index.html`,
    switcher,
    body,
    mermaid,
    mermaidSrc: `${up}${MERMAID_ASSET}`,
    source: `Rendered from ${docPath}.`,
    findings,
    hasFindings: findings.length > 0,
    findingsSummary:
      findings.length === 0
        ? `No findings in the ${locale} sources of ${spec.id}.`
        : `${findings.length} finding${findings.length === 1 ? '' : 's'} in the ${locale} sources of ${spec.id}: ${count('error')} errors, ${count('warning')} warnings, ${count('info')} infos.`,
  };
}
