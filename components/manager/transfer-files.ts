// The page's side of files: reading a picked file (with progress) and saving an export
// (a Blob URL and an <a download>: no `downloads` permission needed).

/** The file's bytes; `onProgress(loaded, total)` as the browser reads it. */
export function readFileBytes(file: Blob, onProgress: (loaded: number, total: number) => void): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    reader.onload = () => {
      onProgress(file.size, file.size);
      resolve(new Uint8Array(reader.result as ArrayBuffer));
    };
    reader.onerror = () => reject(new Error('The browser could not read the file (was it moved or deleted?).'));
    reader.readAsArrayBuffer(file);
  });
}

/** Offers the text as a download named `fileName`. */
export function saveTextFile(fileName: string, mimeType: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; a later revoke keeps slow browsers safe.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A job id for the worker's progress broadcasts (see utils/background/transfer-progress.ts). */
export function newJobId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `job-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
