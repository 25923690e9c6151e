import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Staged } from '../diagnostics/diagnostic.js';
import { LAYOUT_FILE, type Layout } from '../load/layout.js';
import { loadLayout } from '../load/layout-file.js';
import { createValidators } from '../load/validators.js';
import type { Assets } from '../pipeline.js';
import { defaultLayout, layoutDefaults, loadAssets } from './files.js';

/**
 * The project's layout: statespec.config.json at the root when there is one,
 * checked, else sources/ and generated/ (see layoutDefaults for what the
 * project's package.json adds).
 */
export function readLayout(root: string, assets?: Assets): Staged<Layout | undefined> {
  const path = join(root, LAYOUT_FILE);
  if (!existsSync(path)) return { value: defaultLayout(root), diagnostics: [] };
  const { schemas, validators } = assets ?? loadAssets();
  return loadLayout({ path: LAYOUT_FILE, bytes: readFileSync(path) }, createValidators(schemas, validators).layout, layoutDefaults(root));
}
