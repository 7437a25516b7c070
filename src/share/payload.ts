/** A JSON value as compressed base64url text, and back with every limit checked. */
import { fromBase64Url, toBase64Url } from './base64url';
import { deflate, inflate } from './deflate';
import { parseSafeJson } from './safeJson';

export async function packJson(value: unknown): Promise<string> {
  return toBase64Url(await deflate(new TextEncoder().encode(JSON.stringify(value))));
}

export type Unpacked = { ok: true; value: unknown } | { ok: false; error: string };

const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

/** `key` names the link key in messages. */
export async function unpackJson(key: string, text: string, maxBytes: number): Promise<Unpacked> {
  const fail = (why: string): Unpacked => ({ ok: false, error: `${key}: ${why}` });
  if (text === '') return fail('is empty; expected compressed data (base64url)');
  const bytes = fromBase64Url(text);
  if (!bytes) return fail('is not base64url text (letters, digits, - and _ only)');
  const inflated = await inflate(bytes, maxBytes);
  if (!inflated.ok)
    return fail(
      inflated.reason === 'tooBig'
        ? `expands past ${kb(maxBytes)} when decompressed; a link may carry at most that`
        : 'is damaged or cut short (it does not decompress); copy the whole link again',
    );
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes);
  } catch {
    return fail('does not decompress to text (invalid UTF-8)');
  }
  const parsed = parseSafeJson(json);
  return parsed.ok ? { ok: true, value: parsed.value } : fail(parsed.reason);
}
