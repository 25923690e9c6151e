import { describe, expect, it } from 'vitest';
import * as vm from '../generated/vm-states-billing/index.js';
import type { Spec } from '../src/build/types.js';
import { compileFiles, repoSources } from './helpers/project.js';

const VM = 'sources/vm-states-billing';

describe('the VM states and billing article, from init and locale add alone', () => {
  const result = compileFiles(repoSources());

  it('answers billing by lookup and descriptions by text, in every locale', () => {
    expect(vm.lookup('powerStatesAndBilling', 'Deallocated', 'Billing')).toBe('NotBilled');
    expect(vm.lookup('powerStatesAndBilling', 'Running', 'Billing')).toBe('Billed');
    expect(vm.text('powerStatesAndBilling', 'Deallocated', 'Billing', 'de')).toBe('Nicht in Rechnung gestellt');
    expect(vm.TABLES.powerStatesAndBilling.rows).toEqual(['Starting', 'Running', 'Stopping', 'Stopped', 'Deallocating', 'Deallocated']);
    for (const locale of vm.LOCALES) {
      for (const state of vm.POWER_STATES) {
        const description = vm.text('powerStatesAndBilling', state, 'Description', locale);
        expect(description, `${locale} ${state}`).toMatch(/\S/);
        if (locale !== 'en-US') expect(description).not.toBe(vm.text('powerStatesAndBilling', state, 'Description', 'en-US'));
      }
    }
    expect(vm.text('osProvisioningStates', 'Failed', 'Description', 'ja')).toBe(vm.text('osProvisioningStates', 'Failed', 'Description', 'ja-JP'));
    expect(vm.lookup('powerStatesAndBilling', 'Nope' as vm.PowerState, 'Billing')).toBeUndefined();
  });

  it('reports the real defects at their lines: fr-FR writes Billed as the column heading, and leaves Creating in English; the 2021-08 revision and its translations are outdated', () => {
    const found = result.diagnostics.filter((d) => d.spec === 'vm-states-billing').map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`);
    expect(found).toEqual([
      `${VM}/en-US.2021-08.md:39:1 translation-outdated`,
      `${VM}/es-ES.2021-08.md:44:1 translation-outdated`,
      `${VM}/fr-FR.md:48:81 label-mistranslated`,
      `${VM}/fr-FR.md:49:127 label-mistranslated`,
      `${VM}/fr-FR.md:50:86 label-mistranslated`,
      `${VM}/fr-FR.md:51:471 label-mistranslated`,
      `${VM}/fr-FR.md:75:3 label-untranslated`,
      // Translated from 2021-08, they have no labels for the provisioning states that revision did not list.
      `${VM}/terms/es-ES.json:13:5 terms-incomplete`,
      `${VM}/terms/zh-CN.json:13:5 terms-incomplete`,
      `${VM}/zh-CN.2021-08.md:44:1 translation-outdated`,
    ]);
  });

  it('keeps the "Not billed*" footnote: the marker on the cells, the text under the table in every locale', () => {
    const spec = result.specs.find((candidate) => candidate.id === 'vm-states-billing')!;
    const power = spec.tables.find((table) => table.id === 'powerStatesAndBilling')!;
    expect(power.cells.filter((cell) => cell.footnote === '*').map((cell) => cell.row)).toEqual(['Deallocating', 'Deallocated']);
    expect(Object.keys(power.footnotes![0]!.text)).toEqual(spec.locales);
    expect(power.footnotes![0]!.text['en-US']).toMatch(/^Some Azure resources/);
  });
});

describe('every article: the generated docs, parsed back as sources, state the same spec', () => {
  const original = compileFiles(repoSources());
  for (const spec of original.specs) {
    it(spec.id, () => {
      const dir = `sources/${spec.id}`;
      const files: Record<string, string> = {};
      for (const [path, content] of Object.entries(repoSources())) {
        if (path.startsWith(`${dir}/`) && !path.endsWith('.md')) files[path] = content;
      }
      // The docs are the only sources now: no file the config names or suppresses is there.
      const config = JSON.parse(files[`${dir}/spec.config.json`]!) as Record<string, unknown>;
      delete config.primarySources;
      delete config.suppressions;
      files[`${dir}/spec.config.json`] = JSON.stringify(config);
      for (const output of original.outputs) {
        const docs = new RegExp(`^generated/docs/([^/]+)/${spec.id}\\.md$`).exec(output.path);
        if (docs) files[`${dir}/${docs[1]}.md`] = output.content;
      }
      const again = compileFiles(files);
      expect(again.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const rebuilt = again.specs[0]!;
      const comparable = (of: Spec) => ({
        axes: of.axes,
        vocabularies: of.vocabularies,
        title: of.title,
        messages: of.messages,
        // A one-table article prints no section heading over its table.
        tables: of.tables.map(({ heading, ...table }) => (of.tables.length > 1 ? { heading, ...table } : table)),
      });
      expect(comparable(rebuilt)).toEqual(comparable(spec));
    });
  }
});
