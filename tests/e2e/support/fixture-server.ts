import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, resolve } from 'node:path';
import { fixtureCertificate } from './certificate.ts';
import { FIXTURES } from './paths.ts';

export interface ServedRequest {
  host: string;
  path: string;
  status: number;
}

export interface FixtureServer {
  port: number;
  requests: ServedRequest[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Strict, like the real sites: no inline script or style, no frames of the page's own. */
const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "frame-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'";

/** Maps a request to a fixture file; null = 404. */
function route(host: string, pathname: string): string | null {
  if (/(^|\.)linkedin\.com$/.test(host)) {
    const dir = resolve(FIXTURES, 'linkedin');
    if (pathname.startsWith('/fixture-assets/')) return resolve(dir, 'assets', pathname.slice('/fixture-assets/'.length));
    const profile = /^\/(?:m\/|mwlite\/)?in\/([^/]+)/.exec(pathname);
    if (profile) {
      let slug: string;
      try {
        slug = decodeURIComponent(profile[1]!).toLowerCase();
      } catch {
        return resolve(dir, 'not-found.html');
      }
      const file = resolve(dir, 'in', `${slug}.html`);
      return file.startsWith(resolve(dir, 'in')) && existsSync(file) ? file : resolve(dir, 'not-found.html');
    }
    if (pathname === '/' || pathname.startsWith('/feed')) return resolve(dir, 'feed.html');
    const company = /^\/company\/([^/]+)/.exec(pathname);
    if (company) {
      const file = resolve(dir, 'company', `${decodeURIComponent(company[1]!).toLowerCase()}.html`);
      return file.startsWith(resolve(dir, 'company')) && existsSync(file) ? file : resolve(dir, 'not-found.html');
    }
    return null;
  }
  // Webmail: one fixture app per site; it routes by hash (Gmail) or path (Outlook) itself.
  const mail = host === 'mail.google.com' ? 'gmail' : /^outlook\.(live|office|office365)\.com$/.test(host) ? 'outlook' : null;
  if (mail) {
    const dir = resolve(FIXTURES, mail);
    if (pathname.startsWith('/fixture-assets/')) {
      const file = resolve(dir, 'assets', pathname.slice('/fixture-assets/'.length));
      return file.startsWith(resolve(dir, 'assets')) ? file : null;
    }
    if (mail === 'gmail' && /^\/mail\/(u\/\d+\/)?$/.test(pathname)) return resolve(dir, 'app.html');
    if (mail === 'outlook' && /^\/mail(\/|$)/.test(pathname)) return resolve(dir, 'app.html');
    return null;
  }
  return null;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const requests: ServedRequest[] = [];
  const server: Server = createServer(fixtureCertificate(), (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `https://${host}`);
    const file = route(host, url.pathname);
    const status = file && existsSync(file) && file.startsWith(FIXTURES) ? 200 : 404;
    requests.push({ host, path: url.pathname + url.search, status });
    if (status === 404) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not a fixture');
      return;
    }
    // ?csp=frames: a page that is allowed to frame extension pages (to play the attacker).
    let csp = url.searchParams.get('csp') === 'frames' ? STRICT_CSP.replace("frame-src 'none'", 'frame-src chrome-extension:') : STRICT_CSP;
    // Gmail enforces Trusted Types: any string assigned to innerHTML (by the page or by us) throws.
    if (host === 'mail.google.com') csp += "; require-trusted-types-for 'script'";
    res.writeHead(200, {
      'content-type': TYPES[extname(file!)] ?? 'application/octet-stream',
      'content-security-policy': csp,
      'cache-control': 'no-store',
    });
    res.end(readFileSync(file!));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
