// A few values of each column of a CSV, for the column-mapping step: the user recognises a
// column by what is in it more easily than by its header ("Field 3"). Only the file's start is
// read; anything unreadable simply gives no samples (the worker's preview says what is wrong).
import { readCsvTable } from './csv-import';
import { detectFormat } from './detect';

/** How much of the file is read for samples. */
export const SAMPLE_BYTES = 256 * 1024;

/** The start of the file, cut after a line break (never inside a character). */
function head(bytes: Uint8Array): Uint8Array {
  if (bytes.length <= SAMPLE_BYTES) return bytes;
  let end = bytes.lastIndexOf(0x0a, SAMPLE_BYTES - 1) + 1;
  if (end <= 0) return bytes.subarray(0, 0);
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16 && end % 2) end += 1;
  return bytes.subarray(0, end);
}

/** Up to `max` non-blank values of each column (one array per header cell); [] when unreadable. */
export function columnSamples(fileName: string, bytes: Uint8Array, max = 3): string[][] {
  try {
    const detected = detectFormat(fileName, head(bytes));
    if (!detected.csv) return [];
    const table = readCsvTable(detected.text, detected.csv);
    const samples = table.headers.map((): string[] => []);
    for (const record of table.records) {
      record.cells.forEach((cell, column) => {
        const value = cell.trim();
        const list = samples[column];
        if (value && list && list.length < max) list.push(value.length > 80 ? `${value.slice(0, 79)}…` : value);
      });
      if (samples.every((list) => list.length >= max)) break;
    }
    return samples;
  } catch {
    return [];
  }
}
