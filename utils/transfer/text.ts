// Bytes to text, and offsets to line numbers: the two things every importer needs first.

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const UTF8_LENIENT = new TextDecoder('utf-8');

export interface DecodedText {
  text: string;
  notices: string[];
}

/** A leading byte-order mark (Excel, LinkedIn and Outlook write one) is not content. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Decodes a file's bytes. UTF-8 (with or without BOM) is the norm; a UTF-16 BOM means Excel's
 * "Unicode text"; anything else that is not valid UTF-8 is most likely a Windows "ANSI" export
 * (classic Outlook writes those), read as Windows-1252 and said so.
 */
export function decodeText(input: string | Uint8Array): DecodedText {
  if (typeof input === 'string') return { text: stripBom(input), notices: [] };
  if (input[0] === 0xff && input[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(input.subarray(2)), notices: [] };
  if (input[0] === 0xfe && input[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(input.subarray(2)), notices: [] };
  try {
    return { text: stripBom(UTF8.decode(input)), notices: [] };
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(input),
      notices: ['The file is not UTF-8; it was read as Windows-1252 (Western European). Check accented names in the preview.'],
    };
  }
}

/** Lenient UTF-8, for sniffing only (a vCard folded inside a character is not valid UTF-8 until unfolded). */
export function decodeLenient(input: string | Uint8Array): string {
  if (typeof input === 'string') return stripBom(input);
  if ((input[0] === 0xff && input[1] === 0xfe) || (input[0] === 0xfe && input[1] === 0xff)) return decodeText(input).text;
  return stripBom(UTF8_LENIENT.decode(input));
}

/**
 * Binary data is not worth parsing: a NUL, or more than 2 % control characters (other than
 * tab and line breaks) or replacement characters in the first 4 KiB, means it is no text file.
 */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  if (sample.includes('\0')) return true;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f || c === 0xfffd) odd++;
  }
  return odd > 0 && odd / sample.length > 0.02;
}

/**
 * Line number (1-based) of a character offset. CRLF, LF and a lone CR each end a line, as
 * spreadsheet programs and text editors count them.
 */
export function lineIndex(text: string): (offset: number) => number {
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) starts.push(i + 1);
    else if (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a) starts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** The first physical lines of a text with each one's start offset (for header sniffing). */
export function firstLines(text: string, max: number): { text: string; start: number }[] {
  const lines: { text: string; start: number }[] = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  while (lines.length < max) {
    re.lastIndex = start;
    const m = re.exec(text);
    lines.push({ text: text.slice(start, m ? m.index : text.length), start });
    if (!m) break;
    start = m.index + m[0].length;
  }
  return lines;
}
