import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const TMP = resolve(ROOT, 'tests/.tmp');
export const SITES = resolve(ROOT, 'tests/fixtures/sites');
export const CHROME_BUILD = resolve(ROOT, '.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
