import { posix } from 'node:path';
import type { PublishedFrom } from '../build/publication.js';
import type { Spec, SpecSource } from '../build/types.js';
import type { Share } from '../check/agreement.js';
import type { Severity } from '../diagnostics/codes.js';
import { compareStrings, type Diagnostic } from '../diagnostics/diagnostic.js';
import { banner as bannerLine } from '../load/banner.js';
import { DEFAULT_LAYOUT } from '../load/layout.js';
import type { OutputFile } from './emit.js';
import { jsonDocument } from './escape.js';
import type { Render } from './render.js';

/** What the check stage measured about one source file. */
export interface SourceMeasures {
  path: string;
  /** Reference facts this source states the same way. */
  facts: Share;
  /** Header labels not left in the reference's language; absent when the source is in that language. */
  labels?: Share;
  /** A translation's base: the reference version it was made from, why that one, and how many facts changed since (0: current). */
  basedOn?: { path: string; reason: string; outdated: number };
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
  suppressed: number;
}

export interface HealthFinding {
  severity: Severity;
  code: string;
  file: string;
  line: number;
  column: number;
  message: string;
  /** The reason of the config suppression that matched, if one did. */
  suppressed?: string;
}

export interface HealthSource {
  path: string;
  role: SpecSource['role'];
  date?: string;
  /** The reference version a translation was made from, why that one, and how many facts changed since (0: it is current). */
  basedOn?: { path: string; reason: string; outdated: number };
  counts: Counts;
  facts: Share;
  labels: Share | null;
  findings: HealthFinding[];
}

export interface HealthLocale {
  locale: string;
  /** The locale's published article, and the source it is published from. */
  published?: { article: string; from: string };
  /** Why the locale has no published article. */
  unpublished?: string;
  counts: Counts;
  facts: Share;
  labels: Share | null;
  sources: HealthSource[];
  /** Findings in this locale's other files, such as its terms. */
  findings: HealthFinding[];
}

export interface HealthArticle {
  id: string;
  title: string;
  referenceLocale: string;
  locales: HealthLocale[];
  /** Findings about the article as a whole (its config). */
  findings: HealthFinding[];
}

/** generated/docs/health.json. */
export interface HealthReport {
  $comment: string;
  articles: HealthArticle[];
}

const none = (): Counts => ({ error: 0, warning: 0, info: 0, suppressed: 0 });

function count(findings: readonly HealthFinding[]): Counts {
  const counts = none();
  for (const finding of findings) {
    if (finding.suppressed !== undefined) counts.suppressed++;
    else counts[finding.severity]++;
  }
  return counts;
}

function add(a: Share | null, b: Share | null): Share | null {
  if (!a || !b) return a ?? b;
  return { count: a.count + b.count, total: a.total + b.total };
}

function toFinding(d: Diagnostic): HealthFinding {
  const finding: HealthFinding = { severity: d.severity, code: d.code, file: d.file, line: d.line, column: d.column, message: d.message };
  if (d.suppressed) finding.suppressed = d.suppressed.reason;
  return finding;
}

/** For each article × locale × source file: finding counts, the facts agreeing with the reference, the labels translated, and every finding. */
export function buildHealth(
  specs: readonly Spec[],
  measures: readonly SourceMeasures[],
  diagnostics: readonly Diagnostic[],
  publications: ReadonlyMap<string, readonly PublishedFrom[]> = new Map(),
  banner = bannerLine(`every file under ${DEFAULT_LAYOUT.specs}/`, DEFAULT_LAYOUT),
  output = DEFAULT_LAYOUT.output,
): HealthReport {
  const measured = new Map(measures.map((measure) => [measure.path, measure]));
  const articles = [...specs]
    .sort((a, b) => compareStrings(a.id, b.id))
    .map((spec): HealthArticle => {
      const own = diagnostics.filter((d) => d.spec === spec.id);
      const sourcePaths = new Set(spec.sources.map((source) => source.path));
      const locales = spec.locales.map((locale): HealthLocale => {
        const sources = spec.sources
          .filter((source) => source.locale === locale)
          .map((source): HealthSource => {
            const findings = own.filter((d) => d.file === source.path).map(toFinding);
            const measure = measured.get(source.path);
            const result: HealthSource = {
              path: source.path,
              role: source.role,
              counts: count(findings),
              facts: measure?.facts ?? { count: 0, total: 0 },
              labels: measure?.labels ?? null,
              findings,
            };
            if (source.date !== undefined) result.date = source.date;
            if (measure?.basedOn) result.basedOn = measure.basedOn;
            return result;
          });
        const findings = own.filter((d) => d.locale === locale && !sourcePaths.has(d.file)).map(toFinding);
        const counts = count([...sources.flatMap((source) => source.findings), ...findings]);
        const publication = publications.get(spec.id)?.find((candidate) => candidate.locale === locale);
        return {
          locale,
          ...(publication && 'source' in publication
            ? { published: { article: `${output}/docs/${locale}/${spec.id}.md`, from: publication.source.path } }
            : {}),
          ...(publication && 'unpublished' in publication ? { unpublished: publication.unpublished } : {}),
          counts,
          facts: sources.reduce<Share>((sum, source) => ({ count: sum.count + source.facts.count, total: sum.total + source.facts.total }), {
            count: 0,
            total: 0,
          }),
          labels: sources.reduce<Share | null>((sum, source) => add(sum, source.labels), null),
          sources,
          findings,
        };
      });
      return {
        id: spec.id,
        title: spec.title[spec.referenceLocale] ?? spec.id,
        referenceLocale: spec.referenceLocale,
        locales,
        findings: own.filter((d) => !sourcePaths.has(d.file) && (d.locale === undefined || !spec.locales.includes(d.locale))).map(toFinding),
      };
    });
  return { $comment: banner, articles };
}

const MARKERS: Record<Severity | 'suppressed' | 'clean', string> = { error: '🔴', warning: '🟠', info: '🔵', suppressed: '⚪', clean: '🟢' };

function percent(share: Share | null): string {
  if (!share) return '—';
  if (share.total === 0) return 'n/a';
  // Rounded down, so that one disagreeing fact never shows as 100%.
  return `${Math.floor((share.count / share.total) * 100)}% (${share.count}/${share.total})`;
}

function marker(counts: Counts): string {
  if (counts.error > 0) return MARKERS.error;
  if (counts.warning > 0) return MARKERS.warning;
  if (counts.info > 0) return MARKERS.info;
  return MARKERS.clean;
}

const ratio = (share: Share | null): number => (share && share.total > 0 ? share.count / share.total : 1);

/** From <output>/docs/health.md to a file of the project, at a line (GitHub's #L anchors). */
const linker =
  (output: string) =>
  (file: string, line?: number): string =>
    `${posix.relative(`${output}/docs`, file)}${line === undefined ? '' : `#L${line}`}`;

function findingView(finding: HealthFinding, linkTo: (file: string, line?: number) => string) {
  const name = finding.file.split('/').pop()!;
  return {
    marker: finding.suppressed === undefined ? MARKERS[finding.severity] : MARKERS.suppressed,
    place: `${name}:${finding.line}:${finding.column}`,
    link: linkTo(finding.file, finding.line),
    code: finding.code,
    message: finding.suppressed === undefined ? finding.message : `${finding.message} Suppressed: ${finding.suppressed}`,
  };
}

/** Marks an outdated locale in health.md (the site writes the words alone: CI's browser has no emoji font). */
export const OUTDATED = '⏳';

/** Whether the source a locale's article comes from (else its primary) was made from a revision with other facts. */
function isOutdated(locale: HealthLocale): boolean {
  return (speaking(locale)?.basedOn?.outdated ?? 0) > 0;
}

function speaking(locale: HealthLocale): HealthSource | undefined {
  return locale.sources.find((source) => source.path === locale.published?.from) ?? locale.sources.find((source) => source.role === 'primary');
}

/** The "Based on" cell: the reference version the locale's article was translated from, marked when it is outdated. */
function basedOnText(locale: HealthLocale): string {
  const basedOn = speaking(locale)?.basedOn;
  if (!basedOn) return '—';
  const name = basedOn.path.split('/').pop()!;
  return basedOn.outdated > 0 ? `${OUTDATED} ${name} (outdated: ${basedOn.outdated} fact(s) changed)` : name;
}

function basedOnSummary(source: HealthSource): string {
  if (!source.basedOn) return '';
  const { path, reason, outdated } = source.basedOn;
  return `; based on ${path.split('/').pop()!} (${reason})${outdated > 0 ? `, ${OUTDATED} outdated: ${outdated} fact(s) changed since` : ''}`;
}

/** Plain data for templates/health.md.hbs: the summary table sorted worst first, then every finding by article, locale and file. */
export function healthView(report: HealthReport, output: string = DEFAULT_LAYOUT.output) {
  const linkTo = linker(output);
  const viewFinding = (finding: HealthFinding) => findingView(finding, linkTo);
  const rows = report.articles
    .flatMap((article) => article.locales.map((locale) => ({ article, locale })))
    .sort(
      (a, b) =>
        b.locale.counts.error - a.locale.counts.error ||
        Number(isOutdated(b.locale)) - Number(isOutdated(a.locale)) ||
        b.locale.counts.warning - a.locale.counts.warning ||
        ratio(a.locale.facts) - ratio(b.locale.facts) ||
        ratio(a.locale.labels) - ratio(b.locale.labels) ||
        compareStrings(a.article.id, b.article.id) ||
        compareStrings(a.locale.locale, b.locale.locale),
    )
    .map(({ article, locale }) => ({
      marker: marker(locale.counts),
      article: article.id,
      locale: locale.locale,
      sources: String(locale.sources.length),
      errors: String(locale.counts.error),
      warnings: String(locale.counts.warning),
      infos: String(locale.counts.info),
      suppressed: String(locale.counts.suppressed),
      facts: percent(locale.facts),
      labels: percent(locale.labels),
      published: locale.published
        ? { text: locale.published.from.split('/').pop()!, link: linkTo(locale.published.article) }
        : { text: 'not published', link: '' },
      basedOn: basedOnText(locale),
    }));
  return {
    banner: report.$comment,
    legend:
      '🔴 error · 🟠 warning · 🔵 info · ⚪ suppressed (with a reason) · 🟢 no findings · ⏳ translated from an older revision of the reference whose facts differ (sorted with the broken ones). "Based on" is the reference version the article was translated from. "Facts agreeing" counts the reference\'s facts (empty cells included) that the locale\'s sources state the same way; "Labels translated" counts header labels not left in the reference\'s language (— for sources in that language). Each finding links to its line.',
    rows,
    articles: report.articles.map((article) => ({
      heading: `${article.title} (${article.id})`,
      findings: article.findings.map(viewFinding),
      locales: article.locales.map((locale) => ({
        heading: locale.locale === article.referenceLocale ? `${locale.locale} (reference)` : locale.locale,
        files: locale.sources.map((source) => ({
          name: source.path.split('/').pop()!,
          link: linkTo(source.path),
          summary: `${source.role}${source.date ? `, ${source.date}` : ''}${basedOnSummary(source)}; facts ${percent(source.facts)}, labels translated ${percent(source.labels)}`,
          findings: source.findings.map(viewFinding),
        })),
        published: locale.published
          ? {
              text: `Published from ${locale.published.from.split('/').pop()!}:`,
              name: locale.published.article.split('/').slice(-2).join('/'),
              link: linkTo(locale.published.article),
            }
          : { text: locale.unpublished ?? 'Not published.', name: '', link: '' },
        findings: locale.findings.map(viewFinding),
      })),
    })),
  };
}

export function emitHealth(report: HealthReport, render: Render, output: string = DEFAULT_LAYOUT.output): OutputFile[] {
  return [
    { path: `${output}/docs/health.json`, content: jsonDocument(report) },
    { path: `${output}/docs/health.md`, content: render('health.md', healthView(report, output)) },
  ];
}
