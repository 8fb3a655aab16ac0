/** Saves text as a file through the browser's own download, no server involved. */
export function downloadText(filename: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  link.click();
  // The click has started the download; the URL can go once the browser picked it up.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** e.g. "2026-11-23", for file names that sort by date. */
export const today = () => new Date().toISOString().slice(0, 10);
