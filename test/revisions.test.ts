import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isBlocking } from '../src/diagnostics/diagnostic.js';
import { articleShape } from '../src/extract/article.js';
import type { SourceFile } from '../src/load/types.js';
import { parseSource } from '../src/parse/markdown.js';
import { compileFiles, FIXTURES } from './helpers/project.js';

// test/fixtures/revisions: en-US.md (current) and en-US.2025.md (older: Active × Delete blank, no StopFailed row);
// fr-FR.md translated from the older one (same ms.date), de-DE.md from the current one.
const DIR = join(FIXTURES, 'revisions', 'sources');
const FILES: Record<string, string> = {};
for (const entry of readdirSync(DIR, { recursive: true, withFileTypes: true })) {
  if (entry.isFile())
    FILES[`sources/${relative(DIR, join(entry.parentPath, entry.name)).split(sep).join('/')}`] = readFileSync(join(entry.parentPath, entry.name), 'utf8');
}
const FR = 'sources/mini/fr-FR.md';
const CONFIG = 'sources/mini/spec.config.json';
const codesOf = (result: ReturnType<typeof compileFiles>, file: string) => result.diagnostics.filter((d) => d.file === file).map((d) => d.code);
const frenchBase = (result: ReturnType<typeof compileFiles>) =>
  result.health.articles[0]!.locales.find((locale) => locale.locale === 'fr-FR')!.sources[0]!.basedOn;
const withoutDate = (text: string) => text.replace(/^ms\.date: .*\n/m, '');

describe('translations checked against the revision they were made from', () => {
  it('a faithful translation of the older revision is outdated once, not a mismatch; so is the older revision itself', () => {
    const result = compileFiles(FILES);
    expect(result.diagnostics.filter(isBlocking)).toEqual([]);
    expect(codesOf(result, FR)).toEqual(['translation-outdated']);
    expect(codesOf(result, 'sources/mini/en-US.2025.md')).toEqual(['translation-outdated']);
    expect(codesOf(result, 'sources/mini/de-DE.md')).toEqual([]);
    const outdated = result.diagnostics.find((d) => d.file === FR)!;
    expect(outdated.message).toContain('Active × Delete was false (blank), is true ("✔")');
    expect(outdated.message).toContain('row StopFailed added');
    // Both sides' positions of the changed cell.
    expect(outdated.related?.map((r) => `${r.file}:${r.line}`)).toEqual([
      'sources/mini/en-US.md:16',
      'sources/mini/en-US.2025.md:13',
      'sources/mini/en-US.md:13',
    ]);
    expect(frenchBase(result)).toEqual({ path: 'sources/mini/en-US.2025.md', reason: 'the only reference version with its ms.date, 2025-01-15', outdated: 2 });
  });

  it("a translation's own defect is found against its base, at its line", () => {
    const result = compileFiles({ ...FILES, [FR]: FILES[FR]!.replace('| Arrêté | ✔ |  | ✔ |', '| Arrêté |  |  | ✔ |') });
    const mismatch = result.diagnostics.filter((d) => d.code === 'fact-mismatch');
    expect(mismatch.map((d) => `${d.file}:${d.line}`)).toEqual([`${FR}:16`]);
    expect(mismatch[0]!.related?.[0]?.file).toBe('sources/mini/en-US.2025.md');
  });

  it('the base is the one spec.config.json names, else derived from metadata, else the best aligned version', () => {
    const config = JSON.parse(FILES[CONFIG]!);
    const named = compileFiles({ ...FILES, [FR]: withoutDate(FILES[FR]!), [CONFIG]: JSON.stringify({ ...config, bases: { 'fr-FR.md': 'en-US.2025.md' } }) });
    expect(frenchBase(named)?.reason).toBe('named in spec.config.json (bases)');
    const aligned = compileFiles({ ...FILES, [FR]: withoutDate(FILES[FR]!).replace(/^ms\.(openlocfilehash|sourcegitcommit): .*\n/gm, '') });
    expect(frenchBase(aligned)).toEqual({
      path: 'sources/mini/en-US.2025.md',
      reason: 'the reference version its tables agree with best (100% of its facts)',
      outdated: 2,
    });
    // A second translation of the same revision (same hash and commit, no date of its own) follows the first.
    const sibling = withoutDate(FILES[FR]!);
    const shared = compileFiles({ ...FILES, 'sources/mini/fr-FR.copy.md': sibling });
    const copy = shared.health.articles[0]!.locales.find((locale) => locale.locale === 'fr-FR')!.sources.find((source) =>
      source.path.endsWith('fr-FR.copy.md'),
    )!;
    expect(copy.basedOn?.reason).toBe('ms.openlocfilehash and ms.sourcegitcommit shared with fr-FR.md');
  });

  it.each([
    [{ 'fr-FR.md': 'en-US.2024.md' }, 'gives fr-FR.md the base en-US.2024.md, but there is no such source in sources/mini'],
    [{ 'fr-FR.md': 'de-DE.md' }, 'gives fr-FR.md the base de-DE.md, which is de-DE, not a version of the reference locale en-US'],
    [{ 'it-IT.md': 'en-US.md' }, 'names it-IT.md, but there is no such source in sources/mini'],
    [{ 'en-US.2025.md': 'en-US.md' }, 'names en-US.2025.md, a version of the reference locale en-US, which is its own base'],
  ])('bases that name no translation or no reference version are a config error at the entry: %j', (bases, problem) => {
    const config = JSON.parse(FILES[CONFIG]!);
    const result = compileFiles({ ...FILES, [CONFIG]: JSON.stringify({ ...config, bases }, null, 2) });
    const found = result.diagnostics.filter((d) => d.code === 'config-invalid');
    expect(found.map((d) => d.message)).toEqual([expect.stringContaining(problem)]);
    expect(found[0]!.line).toBeGreaterThan(1);
    expect(result.outputs).toEqual([]);
  });

  it("the outdated article states the current facts under a notice, in the terms' words where they give one, and reads back to itself", () => {
    const result = compileFiles(FILES);
    const doc = result.outputs.find((output) => output.path === 'generated/docs/fr-FR/mini.md')!.content;
    expect(doc).toContain('| Actif |  | ✔ | ✔ |');
    expect(doc).toContain("| Échec de l'arrêt | ✔ | ✔ | ✔ |");
    expect(doc).toMatch(
      /\n> This translation was made from an older revision of the original article\.[^\n]*<!-- statespec: outdated notice -->\n\n# Mini tableau/,
    );
    // Read back, the banner's range covers the notice, so that publishing again replaces both rather than adding a second notice.
    const parsed = parseSource({ specId: 'mini', path: FR, name: 'fr-FR.md', locale: 'fr-FR', text: doc, bytes: new Uint8Array(), sha256: '' } as SourceFile);
    const [start, end] = articleShape(parsed).banner!;
    expect(doc.slice(start, end)).toMatch(/^<!-- generated[^\n]*-->\n\n> This translation[^\n]*<!-- statespec: outdated notice -->$/);
    const terms = JSON.parse(FILES['sources/mini/terms/fr-FR.json']!);
    const localized = compileFiles({
      ...FILES,
      'sources/mini/terms/fr-FR.json': JSON.stringify({ ...terms, notices: { outdated: 'Cette traduction date d’une version antérieure.' } }),
    });
    expect(localized.outputs.find((output) => output.path === 'generated/docs/fr-FR/mini.md')!.content).toContain(
      '\n> Cette traduction date d’une version antérieure. <!-- statespec: outdated notice -->\n',
    );
    const health = result.outputs.find((output) => output.path === 'generated/docs/health.md')!.content;
    expect(health).toContain('| ⏳ en-US.2025.md (outdated: 2 fact(s) changed) |');
  });
});
