import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const TMP = resolve(ROOT, 'tests/.tmp');
export const FIXTURES = resolve(ROOT, 'tests/fixtures');
export const CHROME_BUILD = resolve(ROOT, '.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
