import { describe, expect, it } from 'vitest';
import { type FootnoteSplit, splitFootnote } from '../src/extract/footnotes.js';
import { extractTables } from '../src/extract/tables.js';
import { parseSource } from '../src/parse/markdown.js';

/** [name, { text, markup, want }]: text is what Cell.text holds, markup the cell's source. */
const CASES: [string, { text: string; markup: string; want: FootnoteSplit }][] = [
  ['no marker', { text: 'Active', markup: '| Active ', want: { label: 'Active' } }],
  [
    'a <sup> number',
    { text: 'Self-hosted gateway3', markup: '| [Self-hosted gateway](x.md)<sup>3</sup> ', want: { label: 'Self-hosted gateway', marker: '3' } },
  ],
  ['a <sup> in an HTML cell', { text: 'Backup2', markup: '<th>Backup<sup>2</sup></th>', want: { label: 'Backup', marker: '2' } }],
  ['a <sup> letter', { text: 'Scalea', markup: '| Scale<sup>a</sup> |', want: { label: 'Scale', marker: 'a' } }],
  ['a <sup> with a link inside', { text: 'Scale1', markup: '| Scale<sup>[1](#note-1)</sup> |', want: { label: 'Scale', marker: '1' } }],
  ['a <sup> with an anchor inside', { text: 'Scale1', markup: '<td>Scale<sup><a href="#n1">1</a></sup></td>', want: { label: 'Scale', marker: '1' } }],
  ['a <sup> inside bold', { text: 'Active4', markup: '| **Active<sup>4</sup>** |', want: { label: 'Active', marker: '4' } }],
  ['a <sup> inside a link', { text: 'Gateway3', markup: '| [Gateway<sup>3</sup>](x.md) |', want: { label: 'Gateway', marker: '3' } }],
  ['two <sup> markers', { text: 'Scale12', markup: '| Scale<sup>1</sup><sup>2</sup> |', want: { label: 'Scale', marker: '1,2' } }],
  ['a list of markers in one <sup>', { text: 'Scale1, 2', markup: '| Scale<sup>1, 2</sup> |', want: { label: 'Scale', marker: '1, 2' } }],
  ['a bracketed marker', { text: 'Scale[3]', markup: '| Scale<sup>[3]</sup> |', want: { label: 'Scale', marker: '[3]' } }],
  ['a space before the <sup>', { text: 'Yes 1', markup: '| Yes <sup>1</sup> |', want: { label: 'Yes', marker: '1' } }],
  ['a value with a <sup>', { text: 'Yes1', markup: '| Yes<sup>1</sup> ', want: { label: 'Yes', marker: '1' } }],
  ['a mark with a <sup>', { text: '✔2', markup: '<td>✔<sup>2</sup></td>', want: { label: '✔', marker: '2' } }],
  ['a trailing asterisk', { text: 'Not billed*', markup: '| Not billed* |', want: { label: 'Not billed', marker: '*' } }],
  ['an escaped asterisk', { text: 'Backup*', markup: '| Backup\\* |', want: { label: 'Backup', marker: '*' } }],
  ['an asterisk as a character reference', { text: 'Backup*', markup: '| Backup&#42; |', want: { label: 'Backup', marker: '*' } }],
  ['two asterisks', { text: 'Backup**', markup: '| Backup\\*\\* |', want: { label: 'Backup', marker: '**' } }],
  ['superscript digits', { text: 'Scale¹²', markup: '| Scale¹² |', want: { label: 'Scale', marker: '¹²' } }],
  ['a dagger', { text: 'Scale†', markup: '| Scale† |', want: { label: 'Scale', marker: '†' } }],
  ['bold is not a marker', { text: 'Active', markup: '| **Active** |', want: { label: 'Active' } }],
  ['emphasis is not a marker', { text: 'Active', markup: '| *Active* |', want: { label: 'Active' } }],
  ['a digit in the label is not a marker', { text: 'Windows 10', markup: '| Windows 10 |', want: { label: 'Windows 10' } }],
  ['a <sup> in the middle is not a marker', { text: 'm2 price', markup: '| m<sup>2</sup> price |', want: { label: 'm2 price' } }],
  ['a cell that is only a marker keeps it', { text: '1', markup: '| <sup>1</sup> |', want: { label: '1' } }],
  ['a lone asterisk stays', { text: '*', markup: '| \\* |', want: { label: '*' } }],
  [
    'a <sup> that swallowed words, with its marker',
    {
      text: 'AzureAD-integratie 1',
      markup: '| Azure<sup>AD-integratie 1</sup> |',
      want: { label: 'AzureAD-integratie', marker: '1', swallowed: 'AD-integratie' },
    },
  ],
  ['a <sup> that swallowed words, no marker', { text: 'ContosoTM', markup: '| Contoso<sup>TM</sup> |', want: { label: 'ContosoTM', swallowed: 'TM' } }],
  ['a <sup> that the text does not end with is ignored', { text: 'Scale', markup: '| Scale<sup>2</sup> |', want: { label: 'Scale' } }],
  ['trailing whitespace is trimmed', { text: 'Scale \n', markup: '| Scale |', want: { label: 'Scale' } }],
  [
    'a multi-line label keeps its lines',
    { text: 'StartFailed\nStopFailed1', markup: '| StartFailed <br/> StopFailed<sup>1</sup> |', want: { label: 'StartFailed\nStopFailed', marker: '1' } },
  ],
];

describe('splitFootnote', () => {
  for (const [name, { text, markup, want }] of CASES) {
    it(name, () => {
      expect(splitFootnote(text, markup)).toEqual(want);
    });
  }

  it('reads cells as the extract stage gives them (text and raw markup)', () => {
    const text = [
      '| Feature | [Self-hosted gateway](x.md)<sup>3</sup> | Backup&#42; | Scale¹ |',
      '| --- | --- | --- | --- |',
      '| **Active** | Yes<sup>1</sup> | Azure<sup>AD-integratie 1</sup> | ✔ |',
      '',
      '<table><tr><th>State</th><th>Backup<sup>2</sup></th></tr><tr><td>Active</td><td>✔<sup>4</sup></td></tr></table>',
      '',
    ].join('\n');
    const parsed = parseSource({ specId: 'x', path: 'x.md', name: 'en-US.md', locale: 'en-US', text, sha256: '' });
    const split = extractTables(parsed).value.map((table) =>
      table.grid.map((row) => row.map((cell) => splitFootnote(cell!.text, text.slice(cell!.range[0], cell!.range[1])))),
    );
    expect(split[0]![0]!.map((found) => found.label)).toEqual(['Feature', 'Self-hosted gateway', 'Backup', 'Scale']);
    expect(split[0]![0]!.map((found) => found.marker)).toEqual([undefined, '3', '*', '¹']);
    expect(split[0]![1]).toEqual([
      { label: 'Active' },
      { label: 'Yes', marker: '1' },
      { label: 'AzureAD-integratie', marker: '1', swallowed: 'AD-integratie' },
      { label: '✔' },
    ]);
    expect(split[1]).toEqual([
      [{ label: 'State' }, { label: 'Backup', marker: '2' }],
      [{ label: 'Active' }, { label: '✔', marker: '4' }],
    ]);
  });

  it('never throws and never makes a label longer', () => {
    const samples = ['', '<sup>', '</sup>', '<sup></sup>', 'a<sup>b<sup>c</sup></sup>', '<sup>1</sup>'.repeat(50), '*'.repeat(10), '&#99999999;'];
    for (const text of samples) {
      for (const markup of samples) {
        const split = splitFootnote(text, markup);
        expect(split.label.length).toBeLessThanOrEqual(text.length);
      }
    }
  });
});
