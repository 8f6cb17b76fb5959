import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { TMP } from './paths.ts';

/** The hosts fixtures are served at: the real hostnames Rapport runs on. */
export const FIXTURE_HOSTS = [
  'linkedin.com',
  'www.linkedin.com',
  'se.linkedin.com',
  'mail.google.com',
  'outlook.live.com',
  'outlook.office.com',
  'outlook.office365.com',
];

/** A self-signed certificate for every fixture host, made with openssl on first use. */
export function fixtureCertificate(): { key: Buffer; cert: Buffer } {
  const dir = resolve(TMP, 'cert');
  const key = resolve(dir, 'key.pem');
  const cert = resolve(dir, 'cert.pem');
  if (!existsSync(key) || !existsSync(cert)) {
    mkdirSync(dir, { recursive: true });
    const san = ['*.linkedin.com', ...FIXTURE_HOSTS].map((host) => `DNS:${host}`).join(',');
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '30',
      '-subj', '/CN=rapport-fixtures', '-addext', `subjectAltName=${san}`,
      '-keyout', key, '-out', cert,
    ], { stdio: 'ignore' });
  }
  return { key: readFileSync(key), cert: readFileSync(cert) };
}
