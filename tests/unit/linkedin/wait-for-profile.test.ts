// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { ProfileIdentity } from '../../../utils/linkedin/profile-identity';
import { waitForProfile } from '../../../utils/linkedin/wait-for-profile';

// Real timers with short delays: happy-dom delivers MutationObserver records on its own schedule,
// which fake timers do not drive reliably.

const ADA = 'ada-lovelace-0a1b2c3d';
const GRACE = 'grace-hopper-3d4e5f';
const ADA_TITLE = '(3) Ada Lovelace | LinkedIn';

/** The reading without its debug-log notes; null stays null. */
function withoutNotes(identity: ProfileIdentity | null) {
  if (!identity) return identity;
  const { layerNotes, ...rest } = identity;
  expect(Array.isArray(layerNotes)).toBe(true);
  return rest;
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

function page(title: string, main: string): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><head><title>${title}</title></head><body><main>${main}</main></body></html>`,
    'text/html',
  );
}

/** Ada's page as left behind by the app right after the URL changed to Grace's profile. */
const staleAdaPage = () =>
  page(ADA_TITLE, `<a href="/in/${ADA}/overlay/about-this-profile/"><h1>Ada Lovelace</h1></a><div class="text-body-medium">Poetical scientist</div>`);

function anchoredHeading(doc: Document, slug: string, name: string): HTMLElement {
  const link = doc.createElement('a');
  link.setAttribute('href', `/in/${slug}/overlay/about-this-profile/`);
  const heading = doc.createElement('h1');
  heading.textContent = name;
  link.append(heading);
  return link;
}

describe('waitForProfile', () => {
  it('resolves at once when the page is already confirmed', async () => {
    const doc = page(ADA_TITLE, '');
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const started = performance.now();
    const identity = await waitForProfile(doc, ADA, { timeoutMs: 10_000, signal: new AbortController().signal });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(identity).toMatchObject({ name: 'Ada Lovelace', sources: { name: 'title' }, confirmed: true });
    expect(observe).not.toHaveBeenCalled();
  });

  it('resolves when the anchored heading for the slug is added later', async () => {
    const doc = staleAdaPage();
    const signal = new AbortController().signal;
    const started = performance.now();
    const pending = waitForProfile(doc, GRACE, { staleTitle: ADA_TITLE, timeoutMs: 10_000, signal });
    await sleep(10);
    // The app swaps <main> first; the title still names Ada
    doc.querySelector('main')!.replaceChildren(anchoredHeading(doc, GRACE, 'Grace Hopper'));
    const identity = await pending;
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(withoutNotes(identity)).toEqual({
      name: 'Grace Hopper',
      sources: { name: 'dom-hook' },
      missing: ['headline', 'company', 'title', 'location'],
      confirmed: true,
    });
  });

  it('resolves when the new title is swapped in later', async () => {
    const doc = staleAdaPage();
    const started = performance.now();
    const pending = waitForProfile(doc, GRACE, { staleTitle: ADA_TITLE, timeoutMs: 10_000, signal: new AbortController().signal });
    await sleep(10);
    doc.title = '(3) Grace Hopper | LinkedIn';
    const identity = await pending;
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(identity).toMatchObject({ name: 'Grace Hopper', sources: { name: 'title' }, confirmed: true });
  });

  it('keeps waiting through changes that do not show the new person', async () => {
    const doc = staleAdaPage();
    let settled = false;
    const pending = waitForProfile(doc, GRACE, { staleTitle: ADA_TITLE, timeoutMs: 10_000, signal: new AbortController().signal });
    void pending.then(() => (settled = true));
    await sleep(5);
    doc.querySelector('main')!.append(doc.createElement('p'));
    doc.title = '(4) Ada Lovelace | LinkedIn';
    await sleep(80);
    expect(settled).toBe(false);
    doc.querySelector('main')!.append(anchoredHeading(doc, GRACE, 'Grace Hopper'));
    expect(await pending).toMatchObject({ name: 'Grace Hopper', confirmed: true });
  });

  it('resolves with an unconfirmed reading after the timeout when nothing appears', async () => {
    const doc = staleAdaPage();
    const started = performance.now();
    const pending = waitForProfile(doc, GRACE, { staleTitle: ADA_TITLE, timeoutMs: 60, signal: new AbortController().signal });
    await sleep(10);
    doc.querySelector('main')!.append(doc.createElement('p')); // a mutation, but not the person
    const identity = await pending;
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    expect(withoutNotes(identity)).toEqual({
      name: 'Grace Hopper',
      sources: { name: 'url' },
      missing: ['name', 'headline', 'company', 'title', 'location'],
      confirmed: false,
    });
    expect(identity?.layerNotes).toContain('dom-class: may show the previous person');
  });

  it('reads whatever the page shows at the deadline, on a fresh load too', async () => {
    const doc = page('LinkedIn', '<h1>Grace Hopper</h1><div class="text-body-medium">Rear Admiral</div>');
    const identity = await waitForProfile(doc, GRACE, { timeoutMs: 30, signal: new AbortController().signal });
    expect(withoutNotes(identity)).toEqual({
      name: 'Grace Hopper',
      headline: 'Rear Admiral',
      sources: { name: 'dom-class', headline: 'dom-class' },
      missing: ['company', 'title', 'location'],
      confirmed: false,
    });
  });

  it('resolves null when the signal aborts', async () => {
    const doc = staleAdaPage();
    const controller = new AbortController();
    const started = performance.now();
    const pending = waitForProfile(doc, GRACE, { staleTitle: ADA_TITLE, timeoutMs: 10_000, signal: controller.signal });
    await sleep(10);
    controller.abort();
    expect(await pending).toBeNull();
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('resolves null when the signal is already aborted, even on a confirmed page', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await waitForProfile(page(ADA_TITLE, ''), ADA, { timeoutMs: 10_000, signal: controller.signal })).toBeNull();
    expect(await waitForProfile(staleAdaPage(), GRACE, { staleTitle: ADA_TITLE, timeoutMs: 10_000, signal: controller.signal })).toBeNull();
  });

  it('stops observing and listening once settled', async () => {
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const controller = new AbortController();
    const removeListener = vi.spyOn(controller.signal, 'removeEventListener');
    const doc = staleAdaPage();
    const pending = waitForProfile(doc, GRACE, { staleTitle: ADA_TITLE, timeoutMs: 10_000, signal: controller.signal });
    await sleep(5);
    doc.title = 'Grace Hopper | LinkedIn';
    expect(await pending).toMatchObject({ confirmed: true });
    expect(disconnect).toHaveBeenCalled();
    expect(removeListener).toHaveBeenCalledWith('abort', expect.any(Function));
    // A late abort no longer changes the outcome
    controller.abort();
    expect(await pending).toMatchObject({ name: 'Grace Hopper' });
  });
});
