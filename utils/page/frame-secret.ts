/** A fresh per-mount secret: 32 random bytes, base64url. */
export function createFrameSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The secret handed to a sidebar frame in its URL fragment; read once, then removed from the
 * frame's address so it appears nowhere else.
 */
export function takeFrameSecret(loc: Location, history: History): string | undefined {
  const secret = /^#([A-Za-z0-9_-]{32,128})$/.exec(loc.hash)?.[1];
  if (loc.hash) history.replaceState(null, '', loc.pathname + loc.search);
  return secret;
}
