// Synthetic corpora for the benchmark, built from the repo's real sources in a temp dir: each
// article is a copy of one of the three real articles under a made-up spec id, with its own
// sources, then more copies of its translations under private-use locale tags (the real tag
// plus `-x-<article><n>`, so every tag is valid), each with a copy of its locale's terms.
// Sources a suppression names keep their names: their accepted findings stay suppressed.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ARTICLES = ['biztalk-services-state-chart', 'biztalk-server-instance-states', 'vm-states-billing'];

/**
 * `articles` articles of `perArticle` sources each (at least each real article's own), cycling
 * through the three real ones. Returns the corpus folder (its `sources/` holds them).
 */
export function makeCorpus(repoRoot, dir, { articles, perArticle }) {
  for (let index = 0; index < articles; index++) {
    const real = ARTICLES[index % ARTICLES.length];
    const id = `${real}-m${index}`;
    const from = join(repoRoot, 'sources', real);
    const to = join(dir, 'sources', id);
    mkdirSync(join(to, 'terms'), { recursive: true });
    const config = JSON.parse(readFileSync(join(from, 'spec.config.json'), 'utf8'));
    writeFileSync(join(to, 'spec.config.json'), JSON.stringify({ ...config, id }, null, 2));
    const sources = readdirSync(from).filter((name) => name.endsWith('.md'));
    for (const name of sources) cpSync(join(from, name), join(to, name));
    for (const name of readdirSync(join(from, 'terms'))) cpSync(join(from, 'terms', name), join(to, 'terms', name));
    const suppressed = new Set((config.suppressions ?? []).map((suppression) => suppression.file));
    const copies = sources.filter((name) => !name.startsWith(`${config.referenceLocale}.`) && !suppressed.has(name));
    for (let copy = 0; sources.length + copy < perArticle; copy++) {
      const name = copies[copy % copies.length];
      const locale = name.split('.')[0];
      const tag = `${locale}-x-a${index}n${copy}`;
      writeFileSync(join(to, `${tag}.md`), readFileSync(join(from, name)));
      const terms = JSON.parse(readFileSync(join(from, 'terms', `${locale}.json`), 'utf8'));
      writeFileSync(join(to, 'terms', `${tag}.json`), JSON.stringify({ ...terms, locale: tag }));
    }
  }
  return dir;
}

/** The corpora of the benchmark (`--quick` shrinks them, so that `npm test` keeps the harness working). */
export const CORPORA = {
  monorepo: { articles: 250, perArticle: 40 },
  wide: { articles: 1, perArticle: 1000 },
  small: { articles: 3, perArticle: 34 },
};

export const QUICK_CORPORA = {
  monorepo: { articles: 6, perArticle: 30 },
  wide: { articles: 1, perArticle: 60 },
  small: { articles: 3, perArticle: 24 },
};
