/** A file ready for `library.import`. */
export interface EncodedFile {
  name: string;
  base64: string;
}

/** Reads one file as base64 off the main thread (FileReader's data URL), so the window never freezes. */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const url = String(reader.result ?? '');
      const comma = url.indexOf(',');
      resolve(comma >= 0 ? url.slice(comma + 1) : '');
    };
    reader.readAsDataURL(file);
  });
}

/** Reads every file in turn, reporting after each one. */
export async function readFilesAsBase64(
  files: readonly File[],
  onProgress: (done: number, total: number) => void,
): Promise<EncodedFile[]> {
  const out: EncodedFile[] = [];
  onProgress(0, files.length);
  for (const file of files) {
    out.push({ name: file.name, base64: await fileToBase64(file) });
    onProgress(out.length, files.length);
  }
  return out;
}

/** Files the importer understands: ChatGPT zips and JSON (its own or a Penpal backup). */
export function isImportable(name: string): boolean {
  return /\.(zip|json)$/i.test(name);
}
