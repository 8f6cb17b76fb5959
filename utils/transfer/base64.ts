// Bytes → base64 for `import.preview` / `import.apply` (Chrome's messaging is JSON). In chunks:
// one String.fromCharCode over 30 MB would overflow the call stack.

/** A multiple of 3, so that every chunk encodes without padding except the last. */
const CHUNK = 3 * 16 * 1024;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const chunk = bytes.subarray(i, i + CHUNK);
    parts.push(btoa(String.fromCharCode.apply(null, chunk as unknown as number[])));
  }
  return parts.join('');
}
