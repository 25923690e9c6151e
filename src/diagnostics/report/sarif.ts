import type { Log, ReportingDescriptor, Result } from 'sarif';
import { ALL_CODES, CODES, type Severity } from '../codes.js';
import type { Diagnostic } from '../diagnostic.js';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF 2.1.0 for code-scanning upload; paths are relative to the repository root (%SRCROOT%). */
export function formatSarif(diagnostics: readonly Diagnostic[], toolVersion: string): string {
  const rules: ReportingDescriptor[] = ALL_CODES.map((code) => ({
    id: code,
    shortDescription: { text: CODES[code].summary },
    help: { text: CODES[code].help },
    defaultConfiguration: { level: LEVEL[CODES[code].severity] },
  }));
  const results: Result[] = diagnostics.map((d) => {
    const result: Result = {
      ruleId: d.code,
      ruleIndex: ALL_CODES.indexOf(d.code),
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [physical(d.file, d.line, d.column)],
    };
    if (d.related) {
      result.relatedLocations = d.related.map((related, id) => ({
        id,
        ...physical(related.file, related.line, related.column),
        message: { text: related.message },
      }));
    }
    if (d.suppressed) result.suppressions = [{ kind: 'external', justification: d.suppressed.reason }];
    return result;
  });
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'statespec', version: toolVersion, rules } },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The project root (statespec --root).' } } },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function physical(file: string, line: number, column: number) {
  return {
    physicalLocation: {
      artifactLocation: { uri: encodeURI(file), uriBaseId: '%SRCROOT%' },
      region: { startLine: line, startColumn: column },
    },
  };
}
