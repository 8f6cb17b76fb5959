import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchHarness, type Harness } from './support/browser';

let h: Harness;
beforeAll(async () => {
  h = await launchHarness();
});
afterAll(async () => h?.close());

it('shows the person', async () => {
  const page = await h.context.newPage();
  await page.goto(h.url('www.linkedin.com', '/in/ada-lovelace-0a1b2c3d/'));
  const frame = await h.sidebar(page);
  await expect.poll(() => frame.getByRole('heading', { name: 'Ada Lovelace' }).count()).toBe(1);
  await page.screenshot({ path: 'tests/.tmp/smoke.png' });
});
