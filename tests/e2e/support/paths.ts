import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const TMP = resolve(ROOT, 'tests/.tmp');
export const FIXTURES = resolve(ROOT, 'tests/fixtures');
/** The built extension; RAPPORT_BUILD points elsewhere when builds run side by side. */
export const CHROME_BUILD = resolve(ROOT, process.env.RAPPORT_BUILD ?? '.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
