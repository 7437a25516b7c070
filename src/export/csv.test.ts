import { describe, expect, it } from 'vitest';
import { csvDocument, csvField, parseCsv } from './csv';

describe('csv (RFC 4180)', () => {
  it('quotes only fields that need it, doubling inner quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
  });

  it('writes numbers in full and absent or non-finite values as empty fields', () => {
    expect(csvField(1234567.25)).toBe('1234567.25');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(true)).toBe('true');
  });

  it('ends every record with CRLF and refuses a row of the wrong width', () => {
    expect(csvDocument(['a', 'b'], [[1, 'x']])).toBe('a,b\r\n1,x\r\n');
    expect(() => csvDocument(['a', 'b'], [[1]])).toThrow(/row 1 has 1 fields, the header has 2/);
  });

  it('reads back exactly what it wrote', () => {
    const rows = [
      ['queue "orders", EU', 3, null],
      ['multi\r\nline', -0.5, 'ok'],
    ];
    const text = csvDocument(['name', 'value', 'note'], rows);
    expect(parseCsv(text)).toEqual([
      ['name', 'value', 'note'],
      ['queue "orders", EU', '3', ''],
      ['multi\r\nline', '-0.5', 'ok'],
    ]);
  });

  it('says when a quote is never closed', () => {
    expect(() => parseCsv('a,"b\r\n')).toThrow(/not closed/);
  });
});
