import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readPlainFrontMatter } from '../src/parse/markdown.js';

/** What the YAML parser reads, as statespec keeps it: string fields as they are, numbers as strings. */
function viaYaml(text: string): Record<string, string> | undefined {
  try {
    const value: unknown = parse(text);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, typeof field === 'string' ? field : `<${typeof field}>`]));
  } catch {
    return undefined;
  }
}

describe('plain front matter, read without the YAML parser', () => {
  it.each([
    [
      'ms.date: 03/8/2021\nms.openlocfilehash: 3d710038c00dff56d4840f7252dcb992dcb1b8c8',
      { 'ms.date': '03/8/2021', 'ms.openlocfilehash': '3d710038c00dff56d4840f7252dcb992dcb1b8c8' },
    ],
    [
      'title: States and billing status of Azure Virtual Machines \nms.locfileid: "121749268"',
      { title: 'States and billing status of Azure Virtual Machines', 'ms.locfileid': '121749268' },
    ],
    ["description: 'It''s'", undefined],
    ["author: 'mimckitt'\n\nms.topic:    conceptual", { author: 'mimckitt', 'ms.topic': 'conceptual' }],
    ['ms.locfileid: 121749268', undefined],
    ['ms.date: 2021-03-08', { 'ms.date': '2021-03-08' }],
    ['ms.custom: true', undefined],
    ['keywords: [a, b]', undefined],
    ['title: a: b', undefined],
    ['title: value # comment', undefined],
    ['title: one\ntitle: two', undefined],
    ['  nested: value', undefined],
    ['# a comment', undefined],
    ['description: |\n  block', undefined],
    ['empty:', undefined],
  ])('%j', (text, expected) => {
    expect(readPlainFrontMatter(text)).toEqual(expected === undefined ? undefined : { ...expected });
    // Where the plain reader answers, YAML agrees.
    if (expected !== undefined) expect(viaYaml(text)).toEqual(expected);
  });

  it('agrees with the YAML parser wherever it answers (property)', () => {
    const key = fc.oneof(
      fc.constantFrom('title', 'ms.date', 'ms.author', 'ms.openlocfilehash', 'description', 'null', 'True', '__proto__', 'a-b_c.d'),
      fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,8}$/),
    );
    const value = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.stringMatching(/^[ -~]{0,20}$/),
      fc.constantFrom(
        '03/8/2021',
        '2021-03-08',
        '1.50',
        '0x1F',
        '-.inf',
        '.NaN',
        'yes',
        'no',
        '~',
        '"quoted"',
        "'single'",
        'a: b',
        'x #y',
        '-item',
        '12e3',
        '+1',
      ),
    );
    const document = fc
      .array(fc.tuple(key, value, fc.constantFrom('', ' ', '   ')), { maxLength: 6 })
      .map((lines) => lines.map(([name, text, spaces]) => `${name}:${spaces}${text}`).join('\n'));
    fc.assert(
      fc.property(document, (text) => {
        const plain = readPlainFrontMatter(text);
        if (plain !== undefined) expect(viaYaml(text) ?? {}).toEqual({ ...plain });
      }),
      { numRuns: 3000 },
    );
  });
});
