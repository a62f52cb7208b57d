import type { ExportFile } from '../../shared/schemas';

/**
 * Saves a file produced by core through a Blob and an `<a download>` click: works the same in
 * the browser host and in Electron (which shows its save dialog or saves to Downloads).
 */
export function downloadFile(file: ExportFile): void {
  const blob = new Blob([file.content], { type: `${file.mimeType};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The click starts the download synchronously; revoke later so slow hosts still read the blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
