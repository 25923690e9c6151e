// Synthetic corpora: the chart's real sources copied under made-up locale tags (a private-use
// suffix on the real tag, so that every tag is valid), each with a copy of its locale's terms.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CHART = 'biztalk-services-state-chart';

export function makeCorpus(repoRoot, dir, count) {
  const from = join(repoRoot, 'sources', CHART);
  const to = join(dir, 'sources', CHART);
  mkdirSync(join(to, 'terms'), { recursive: true });
  cpSync(join(from, 'spec.config.json'), join(to, 'spec.config.json'));
  cpSync(join(from, 'en-US.md'), join(to, 'en-US.md'));
  cpSync(join(from, 'terms', 'en-US.json'), join(to, 'terms', 'en-US.json'));
  const translations = readdirSync(from).filter((name) => name.endsWith('.md') && !name.startsWith('en-'));
  for (let index = 1; index < count; index++) {
    const name = translations[index % translations.length];
    const locale = name.split('.')[0];
    const tag = `${locale}-x-s${index}`;
    writeFileSync(join(to, `${tag}.md`), readFileSync(join(from, name)));
    const terms = JSON.parse(readFileSync(join(from, 'terms', `${locale}.json`), 'utf8'));
    writeFileSync(join(to, 'terms', `${tag}.json`), JSON.stringify({ ...terms, locale: tag }));
  }
  return dir;
}
