/** Reading an imported file and downloading the draft (browser only). */
import { MAX_DOCUMENT_BYTES } from './draftStore';

/** The text of a chosen file, or why it is refused (too large). */
export async function readFileText(
  file: File,
): Promise<{ ok: true; text: string } | { ok: false; reason: string }> {
  if (file.size > MAX_DOCUMENT_BYTES)
    return {
      ok: false,
      reason: `${file.name} is ${(file.size / 1e6).toFixed(1)} MB; the editor takes files up to 1 MB`,
    };
  return { ok: true, text: await file.text() };
}

/** A file name from a scenario's name: `Two payment workers` → `two-payment-workers.json`. */
export function fileNameFor(name: unknown): string {
  const base =
    typeof name === 'string'
      ? name
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-+|-+$/g, '')
          .slice(0, 80)
      : '';
  return `${base || 'scenario'}.json`;
}

export function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
