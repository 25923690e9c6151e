import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAssets, readProjectFiles } from '../src/cli/files.js';
import { watchBuild } from '../src/cli/watch.js';
import { DEFAULT_LIMITS } from '../src/load/types.js';
import { compile } from '../src/pipeline.js';
import { generatedSnapshot, layoutOf, REPO_ROOT, temporaryFolders } from './helpers/project.js';

const temporaryFolder = temporaryFolders('statespec-watch-');
const CHART = 'sources/biztalk-services-state-chart';

/** A project copy and a copy of the tool's templates and schemas, watched until the test ends. */
async function watching(
  test: (context: { root: string; tool: string; log: () => string; settled: (pattern: RegExp, after: number) => Promise<void> }) => Promise<void>,
) {
  const root = temporaryFolder();
  for (const entry of ['sources', 'generated', 'package.json']) cpSync(join(REPO_ROOT, entry), join(root, entry), { recursive: true });
  const tool = temporaryFolder();
  for (const entry of ['templates', 'schema', 'package.json']) cpSync(join(REPO_ROOT, entry), join(tool, entry), { recursive: true });
  let stderr = '';
  const stop = new AbortController();
  const done = watchBuild(root, DEFAULT_LIMITS, { stdout: () => {}, stderr: (text) => (stderr += text) }, stop.signal, tool);
  /** Waits until a line matching `pattern` appears after the first `after` characters of the log. */
  const settled = async (pattern: RegExp, after: number) => {
    for (let waited = 0; waited < 10_000; waited += 20) {
      if (pattern.test(stderr.slice(after))) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no ${pattern} in:\n${stderr}`);
  };
  try {
    await settled(/first build/, 0);
    await test({ root, tool, log: () => stderr, settled });
  } finally {
    stop.abort();
    await done;
  }
}

/** What a fresh, unwatched build of the same files would write. */
function fresh(root: string, tool = REPO_ROOT): Record<string, string> {
  const layout = layoutOf(root);
  const result = compile({ files: readProjectFiles(root, undefined, layout), assets: loadAssets(tool), layout });
  return Object.fromEntries(result.outputs.map((output) => [output.path, Buffer.from(output.content).toString('latin1')]));
}

const edit = (path: string, change: (text: string) => string) => writeFileSync(path, change(readFileSync(path, 'utf8')));

describe('statespec build --watch', () => {
  it('rebuilds only the article whose source changed, and writes what a fresh build writes', async () => {
    await watching(async ({ root, log, settled }) => {
      const mark = log().length;
      edit(join(root, CHART, 'en-US.md'), (text) => text.replace(/^# (.+)$/m, '# $1 (watched)'));
      await settled(/en-US\.md changed: compiled biztalk-services-state-chart; \d+ written/, mark);
      expect(log().slice(mark)).not.toMatch(/compiled [^;]*biztalk-server-instance-states/);
      expect(generatedSnapshot(root)).toEqual(fresh(root));
      expect(readFileSync(join(root, 'generated/docs/en-US/biztalk-services-state-chart.md'), 'utf8')).toContain('(watched)');
    });
  }, 30_000);

  it('survives a bad edit: reports it, writes nothing, and recovers when it is fixed', async () => {
    await watching(async ({ root, log, settled }) => {
      const before = generatedSnapshot(root);
      const ko = join(root, CHART, 'ko-KR.md');
      const good = readFileSync(ko, 'utf8');
      let mark = log().length;
      writeFileSync(ko, good.replace('<td><center>x</center></td>', '<td>?</td>'));
      await settled(/errors found .*Watching for a fix/, mark);
      expect(generatedSnapshot(root)).toEqual(before);
      mark = log().length;
      writeFileSync(ko, good.replace(/^# (.+)$/m, '# $1 (fixed)'));
      await settled(/ko-KR\.md changed: compiled/, mark);
      expect(generatedSnapshot(root)).toEqual(fresh(root));
    });
  }, 30_000);

  it('rebuilds on changes to terms, config and templates', async () => {
    await watching(async ({ root, tool, log, settled }) => {
      let mark = log().length;
      edit(join(root, CHART, 'terms/de-DE.json'), (text) =>
        text.replace('"Active": "Aktiv"', '"Active": { "label": "Aktiv (überwacht)", "variants": ["Aktiv"] }'),
      );
      await settled(/de-DE\.json changed: compiled biztalk-services-state-chart/, mark);
      expect(readFileSync(join(root, 'generated/docs/de-DE/biztalk-services-state-chart.md'), 'utf8')).toContain('Aktiv (überwacht)');
      mark = log().length;
      edit(join(root, CHART, 'spec.config.json'), (text) => `${text}\n`);
      await settled(/spec\.config\.json changed: compiled biztalk-services-state-chart; 0 written/, mark);
      mark = log().length;
      edit(join(tool, 'templates/doc-table.md.hbs'), (text) => `${text}<!-- watched template -->\n`);
      await settled(/templates\/doc-table\.md\.hbs changed: compiled .*biztalk-services-state-chart/, mark);
      expect(readFileSync(join(root, 'generated/docs/de-DE/biztalk-services-state-chart.md'), 'utf8')).toContain('watched template');
      expect(generatedSnapshot(root)).toEqual(fresh(root, tool));
    });
  }, 30_000);
});
