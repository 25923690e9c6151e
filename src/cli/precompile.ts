import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { templateOptions, templatesHash } from '../emit/templates-hash.js';
import { newAjv, schemasHash } from '../load/validators.js';
import { loadAssets, PACKAGE_DIR, PRECOMPILED_TEMPLATES, PRECOMPILED_VALIDATORS } from './files.js';

/**
 * Run by `npm run compile`: writes the four schema validators as standalone
 * code (ajv's standalone mode) and the Handlebars templates as template
 * specs, so that a build compiles neither at startup. Each file records the
 * hash of what it was made from; loadAssets uses it only while that is unchanged.
 */
const { schemas, templates } = loadAssets(PACKAGE_DIR, { precompiled: false });
const ajv = newAjv({ code: { source: true } });
ajv.addSchema(schemas.config, 'config');
ajv.addSchema(schemas.terms, 'terms');
ajv.addSchema(schemas.spec, 'spec');
ajv.addSchema(schemas.layout, 'layout');
const standalone = createRequire(import.meta.url)('ajv/dist/standalone/index.js') as typeof import('ajv/dist/standalone/index.js');
const code = standalone.default(ajv, { config: 'config', terms: 'terms', spec: 'spec', layout: 'layout' });
writeFileSync(join(PACKAGE_DIR, PRECOMPILED_VALIDATORS), `${code}\nexports.schemasHash = ${JSON.stringify(schemasHash(schemas))};\n`);

const specs = Object.entries(templates)
  .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  .map(([name, source]) => `  ${JSON.stringify(name)}: ${Handlebars.precompile(source, templateOptions())},`);
writeFileSync(
  join(PACKAGE_DIR, PRECOMPILED_TEMPLATES),
  `exports.templatesHash = ${JSON.stringify(templatesHash(templates))};\nexports.templates = {\n${specs.join('\n')}\n};\n`,
);
