import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { newAjv, schemasHash } from '../load/validators.js';
import { loadAssets, PACKAGE_DIR, PRECOMPILED_VALIDATORS } from './files.js';

/**
 * Run by `npm run compile`: writes the three schema validators as standalone
 * code (ajv's standalone mode), so that a build does not compile the schemas
 * at startup. The file records the hash of the schemas it was made from;
 * loadAssets uses it only while the schemas are unchanged.
 */
const { schemas } = loadAssets(PACKAGE_DIR, { precompiled: false });
const ajv = newAjv({ code: { source: true } });
ajv.addSchema(schemas.config, 'config');
ajv.addSchema(schemas.terms, 'terms');
ajv.addSchema(schemas.spec, 'spec');
const standalone = createRequire(import.meta.url)('ajv/dist/standalone/index.js') as typeof import('ajv/dist/standalone/index.js');
const code = standalone.default(ajv, { config: 'config', terms: 'terms', spec: 'spec' });
writeFileSync(join(PACKAGE_DIR, PRECOMPILED_VALIDATORS), `${code}\nexports.schemasHash = ${JSON.stringify(schemasHash(schemas))};\n`);
