/**
 * Names that must never become a path segment, whatever the platform: Windows
 * reserves these device names with any extension (`CON`, `nul.md`, `com1.txt`).
 */
const RESERVED_DEVICE = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
/** Spec ids become folder names under generated/: lower-case words joined by hyphens. */
export const SPEC_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** What a generated path segment may hold: no separators, no leading dot, no controls, no spaces. */
const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function isReservedName(segment: string): boolean {
  return RESERVED_DEVICE.test(segment);
}

/**
 * Why a project-relative path (as the CLI or an API caller hands it over) is
 * unsafe to read or to derive output names from, or undefined when it is fine.
 */
export function projectPathProblem(path: string): string | undefined {
  if (path === '') return 'the path is empty';
  // statespec.config.json may name a repository next to this one: only leading "../" are allowed.
  path = path.replace(/^(?:\.\.\/)+(?=[^/])/, '');
  if (/^[/\\]|^[A-Za-z]:/.test(path)) return 'it is an absolute path';
  if (path.includes('\\')) return 'it contains a backslash (paths use /)';
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'it contains a control character';
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.' || segment === '..') return `it has a "${segment}" segment`;
    if (isReservedName(segment)) return `"${segment}" is a reserved device name on Windows`;
    if (/[. ]$/.test(segment)) return `"${segment}" ends with a dot or space, which Windows drops`;
  }
  return undefined;
}

/** Why a spec folder name cannot be a spec id (and so an output folder), or undefined. */
export function specIdProblem(id: string): string | undefined {
  if (!SPEC_ID.test(id)) return `"${id}" is not lower-case letters and digits joined by single hyphens`;
  if (isReservedName(id)) return `"${id}" is a reserved device name on Windows`;
  return undefined;
}

/**
 * Why an output path could land outside generated/ or be unwritable on some
 * platform, or undefined. Every output path passes this before it is emitted.
 */
export function outputPathProblem(path: string, outputDir: string): string | undefined {
  if (!path.startsWith(`${outputDir}/`)) return `it is not inside ${outputDir}/`;
  const segments = path.slice(outputDir.length + 1).split('/');
  for (const segment of segments) {
    if (segment === '.' || segment === '..' || !SAFE_SEGMENT.test(segment)) return `segment "${segment}" is not a plain file or folder name`;
    if (isReservedName(segment)) return `"${segment}" is a reserved device name on Windows`;
  }
  return undefined;
}
