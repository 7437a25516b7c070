/**
 * CSV as RFC 4180 describes it: records end with CRLF, a field is quoted when it holds a comma,
 * a double quote, CR or LF, and a double quote inside a quoted field is doubled. Numbers are
 * written in full (no thousands separators, a dot for decimals) so a spreadsheet reads them in
 * any locale; an absent value is an empty field.
 */

export type CsvValue = string | number | boolean | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = String(v);
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvRecord(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',');
}

/** A whole document: the header, then one record per row, each ended with CRLF. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[]) {
  const width = header.length;
  for (const [i, row] of rows.entries())
    if (row.length !== width)
      throw new Error(`CSV row ${i + 1} has ${row.length} fields, the header has ${width}`);
  return [header, ...rows].map((r) => `${csvRecord(r)}\r\n`).join('');
}

/**
 * Reading it back (the tests and the e2e spec use this): fields per record, quotes undone.
 * Throws on a quote that is never closed.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        field += c;
        i++;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error('CSV: a quoted field is not closed');
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}
