import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page, type Request, type Worker } from 'playwright-core';
import { FIXTURE_HOSTS } from './certificate.ts';
import { startFixtureServer, type FixtureServer } from './fixture-server.ts';
import { CHROME_BUILD, CHROMIUM } from './paths.ts';

export interface Harness {
  context: BrowserContext;
  server: FixtureServer;
  extensionId: string;
  /** Every request the browser made (pages, frames, the worker), by URL. */
  requests: string[];
  /** Requests that failed, e.g. to hosts outside the sealed network. */
  failedRequests: string[];
  worker(): Promise<Worker>;
  /** Stops the extension's service worker as Chrome does when it is idle. */
  stopWorker(): Promise<void>;
  /** The in-page sidebar frame of a page (inside its closed shadow root). */
  sidebar(page: Page, timeoutMs?: number): Promise<Frame>;
  /** A top-level extension page (like the side panel) to talk to the worker directly. */
  extensionPage(): Promise<Page>;
  /** Sends a request to the worker from an extension page, as the sidebar does; resolves with its data. */
  send<T = any>(type: string, payload: unknown): Promise<T>;
  /** Evaluates an expression in the content script's isolated world of a page. */
  evalInContentScript<T>(page: Page, expression: string): Promise<T>;
  url(host: string, path: string): string;
  close(): Promise<void>;
}

export async function launchHarness(options: { headless?: boolean } = {}): Promise<Harness> {
  // Service worker network events are reported only with this flag set.
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const server = await startFixtureServer();
  const profile = mkdtempSync(join(tmpdir(), 'rapport-e2e-'));
  const map = ['*.linkedin.com', ...FIXTURE_HOSTS].map((host) => `MAP ${host} 127.0.0.1:${server.port}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 860 },
    args: [
      `--disable-extensions-except=${CHROME_BUILD}`,
      `--load-extension=${CHROME_BUILD}`,
      // Sealed network: fixture hosts go to the local server, everything else fails to resolve.
      `--host-resolver-rules=${[...map, 'MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1'].join(', ')}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--disable-dev-shm-usage',
    ],
  });
  const requests: string[] = [];
  const failedRequests: string[] = [];
  const record = (request: Request) => requests.push(request.url());
  context.on('request', record);
  context.on('requestfailed', (request) => failedRequests.push(request.url()));

  const firstWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(firstWorker.url()).host;
  const isOurs = (w: Worker) => w.url().startsWith(`chrome-extension://${extensionId}/`);

  let scratch: Page | undefined;
  const extensionPage = async () => {
    if (!scratch || scratch.isClosed()) {
      scratch = await context.newPage();
      await scratch.goto(`chrome-extension://${extensionId}/sidebar.html`);
    }
    return scratch;
  };

  const harness: Harness = {
    context,
    server,
    extensionId,
    requests,
    failedRequests,
    async worker() {
      const live = context.serviceWorkers().filter(isOurs);
      return live[live.length - 1] ?? (await context.waitForEvent('serviceworker', { predicate: isOurs }));
    },
    async stopWorker() {
      const page = await extensionPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
    },
    async sidebar(page, timeoutMs = 10_000) {
      const prefix = `chrome-extension://${extensionId}/sidebar.html`;
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const frame = page.frames().find((f) => f.url().startsWith(prefix) && f.parentFrame() === page.mainFrame());
        if (frame) return frame;
        if (Date.now() > deadline) throw new Error('no sidebar frame on the page');
        await page.waitForTimeout(25);
      }
    },
    extensionPage,
    async send<T>(type: string, payload: unknown) {
      const page = await extensionPage();
      const answer = await page.evaluate(
        ({ type, payload }) => (globalThis as any).chrome.runtime.sendMessage({ rapport: 1, type, payload }),
        { type, payload },
      );
      if (!answer?.ok) throw new Error(`${type} failed: ${JSON.stringify(answer)}`);
      return answer.data as T;
    },
    async evalInContentScript<T>(page: Page, expression: string) {
      const cdp = await context.newCDPSession(page);
      const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
      cdp.on('Runtime.executionContextCreated', (event) => contexts.push(event.context));
      await cdp.send('Runtime.enable');
      const isolated = contexts.find(
        (c) => c.origin === `chrome-extension://${extensionId}` && c.auxData?.type === 'isolated',
      );
      if (!isolated) throw new Error('no content-script world in this page');
      const result = await cdp.send('Runtime.evaluate', {
        expression,
        contextId: isolated.id,
        returnByValue: true,
        awaitPromise: true,
      });
      await cdp.detach();
      return result.result.value as T;
    },
    url: (host, path) => `https://${host}${path}`,
    async close() {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Waits until the worker answers a ping, and returns the time it started. */
export async function pingWorker(page: Page): Promise<{ workerStartedAt: number; ms: number }> {
  return page.evaluate(async () => {
    const started = performance.now();
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<any> } } }).chrome.runtime;
    const answer = await runtime.sendMessage({ rapport: 1, type: 'ping', payload: {} });
    return { workerStartedAt: answer.data.workerStartedAt as number, ms: performance.now() - started };
  });
}
