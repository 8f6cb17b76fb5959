// Small readers shared by the layers that take structured data out of a page.

/** A non-empty string with its whitespace collapsed, or undefined. */
export function cleanText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.replace(/\s+/g, ' ').trim() : undefined;
}

/** The parsed JSON of every element matching `selector`; malformed blocks are skipped. */
export function jsonBlocks(doc: Document, selector: string): unknown[] {
  const blocks: unknown[] = [];
  for (const element of doc.querySelectorAll(selector)) {
    try {
      blocks.push(JSON.parse(element.textContent ?? ''));
    } catch {
      // A block the page broke (or truncated) is one signal less, not an error.
    }
  }
  return blocks;
}
