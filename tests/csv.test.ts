import { describe, expect, it } from 'vitest';
import { BOM, CSV_TYPE, csvField, parseCsv, recordsToCsv, toCsv, type CsvCell } from '../src/format/csv.ts';

describe('csvField', () => {
  it('writes plain text as it is', () => {
    expect(csvField('济源市教育局')).toBe('济源市教育局');
    expect(csvField('a b')).toBe('a b');
  });

  it('quotes a field with a comma', () => {
    expect(csvField('市教育局,市财政局')).toBe('"市教育局,市财政局"');
  });

  it('quotes a field with a double quote and doubles the quote', () => {
    expect(csvField('实施"交钥匙"工程')).toBe('"实施""交钥匙""工程"');
  });

  it('quotes a field with a line feed, a carriage return or both', () => {
    expect(csvField('一\n二')).toBe('"一\n二"');
    expect(csvField('一\r二')).toBe('"一\r二"');
    expect(csvField('一\r\n二')).toBe('"一\r\n二"');
  });

  it('does not quote full-width commas and quotes', () => {
    expect(csvField('市教育局，市财政局“双减”')).toBe('市教育局，市财政局“双减”');
  });

  it('writes numbers as numbers, negative ones unchanged', () => {
    expect(csvField(10)).toBe('10');
    expect(csvField(0.5)).toBe('0.5');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(0)).toBe('0');
  });

  it('leaves non-finite numbers empty', () => {
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(Number.POSITIVE_INFINITY)).toBe('');
  });

  it('leaves null and undefined empty and writes booleans as words', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(true)).toBe('true');
    expect(csvField(false)).toBe('false');
  });

  it('puts an apostrophe before text a spreadsheet would run as a formula', () => {
    expect(csvField('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(csvField('+86 123')).toBe("'+86 123");
    expect(csvField('-5%')).toBe("'-5%");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField('\t=1')).toBe("'\t=1");
  });

  it('guards a formula and still quotes it when it holds a comma or a quote', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField('\r=1')).toBe('"\'\r=1"');
  });

  it('leaves formula characters alone when they are not first', () => {
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField('增长-5%')).toBe('增长-5%');
    expect(csvField('增长＋5%')).toBe('增长＋5%');
    expect(csvField(' 一、= 总体')).toBe(' 一、= 总体');
  });

  it('guards a formula behind leading spaces, which spreadsheets skip', () => {
    expect(csvField(' =1+1')).toBe("' =1+1");
    expect(csvField('   @SUM(A1)')).toBe("'   @SUM(A1)");
    expect(csvField('\u00a0-2+3')).toBe("'\u00a0-2+3");
    expect(csvField('\u3000=1')).toBe("'\u3000=1");
    expect(csvField(' \n=1')).toBe('"\' \n=1"');
  });

  it('guards the full-width formula characters a Chinese input method types (＝＋－＠)', () => {
    expect(csvField('＝HYPERLINK("http://x","点击")')).toBe('"\'＝HYPERLINK(""http://x"",""点击"")"');
    expect(csvField('＋86 123')).toBe("'＋86 123");
    expect(csvField('－5%')).toBe("'－5%");
    expect(csvField('＠cmd')).toBe("'＠cmd");
    expect(csvField('　＝1')).toBe("'　＝1");
  });

  it('writes formula text unchanged when the guard is off', () => {
    expect(csvField('=1+1', false)).toBe('=1+1');
    expect(csvField('=a,b', false)).toBe('"=a,b"');
  });
});

describe('toCsv', () => {
  it('starts with the byte-order mark and ends every record with CRLF', () => {
    const csv = toCsv([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(csv).toBe(`${BOM}a,b\r\nc,d\r\n`);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
  });

  it('leaves the byte-order mark out with bom: false', () => {
    expect(toCsv([['a']], { bom: false })).toBe('a\r\n');
  });

  it('writes numbers, null and booleans in their cells', () => {
    expect(toCsv([['x', 10, null, undefined, true, -2.5]], { bom: false })).toBe('x,10,,,true,-2.5\r\n');
  });

  it('quotes line breaks inside a field, leaving CRLF only between records', () => {
    const csv = toCsv([['第一行\n第二行', 'b'], ['c']], { bom: false });
    expect(csv).toBe('"第一行\n第二行",b\r\nc\r\n');
  });

  it('guards formulas unless guardFormulas is false', () => {
    expect(toCsv([['=1', -1]], { bom: false })).toBe("'=1,-1\r\n");
    expect(toCsv([['=1', -1]], { bom: false, guardFormulas: false })).toBe('=1,-1\r\n');
  });

  it('writes only the byte-order mark for no rows', () => {
    expect(toCsv([])).toBe(BOM);
    expect(toCsv([], { bom: false })).toBe('');
  });

  it('declares UTF-8 in its media type', () => {
    expect(CSV_TYPE).toBe('text/csv; charset=utf-8');
  });
});

describe('recordsToCsv', () => {
  const records = [
    { title: '济源市教育局2018年工作要点', year: 2018, units: ['市教育局', '市财政局'] },
    { title: '关于"双减"的通知', year: null, units: [] },
  ];
  const columns = [
    { header: '标题', value: (r: (typeof records)[number]) => r.title },
    { header: '年份', value: (r: (typeof records)[number]) => r.year },
    { header: '责任单位', value: (r: (typeof records)[number]) => r.units.join(',') },
  ];

  it('writes a header row, then one row per record', () => {
    expect(recordsToCsv(records, columns)).toBe(
      `${BOM}标题,年份,责任单位\r\n济源市教育局2018年工作要点,2018,"市教育局,市财政局"\r\n"关于""双减""的通知",,\r\n`,
    );
  });

  it('writes only the header row for no records and passes options on', () => {
    expect(recordsToCsv([], columns, { bom: false })).toBe('标题,年份,责任单位\r\n');
  });
});

describe('parseCsv', () => {
  it('reads records separated by CRLF or LF', () => {
    expect(parseCsv('a,b\r\nc,d\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseCsv('a,b\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('skips a leading byte-order mark', () => {
    expect(parseCsv(`${BOM}标题,年份\r\n`)).toEqual([['标题', '年份']]);
  });

  it('keeps empty fields, quoted empty fields and a trailing empty field', () => {
    expect(parseCsv('a,,b\r\n"",x\r\ny,')).toEqual([
      ['a', '', 'b'],
      ['', 'x'],
      ['y', ''],
    ]);
  });

  it('reads quoted commas, doubled quotes and line breaks inside a field', () => {
    expect(parseCsv('"市教育局,市财政局","实施""交钥匙""工程","一\r\n二\n三"\r\nz')).toEqual([
      ['市教育局,市财政局', '实施"交钥匙"工程', '一\r\n二\n三'],
      ['z'],
    ]);
  });

  it('reads nothing from an empty text', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv(BOM)).toEqual([]);
  });

  it('round-trips tricky rows written by toCsv', () => {
    const rows: string[][] = [
      ['标题', '指标', '说明'],
      ['济源市教育局2018年工作要点', '教师交流人数达到10%以上', '组织实施校长教师轮岗交流,\n教师交流人数达到应交流教职工总数的10%以上。'],
      ['“双减”工作', '"引号"', 'CR\r单独'],
      ['', ',', '""'],
      ['末尾换行\r\n', '  前后空格  ', '全角，逗号'],
    ];
    expect(parseCsv(toCsv(rows, { guardFormulas: false }))).toEqual(rows);
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });

  it('reads guarded formulas back with their apostrophe and numbers as text', () => {
    expect(parseCsv(toCsv([['=1+1', -5, '-5', null]]))).toEqual([["'=1+1", '-5', "'-5", '']]);
  });

  it('throws on a quote that is never closed, naming the line it opened on', () => {
    expect(() => parseCsv('a,b\r\n"c,d\r\ne,f')).toThrow(/CSV line 2: a quoted field is never closed/u);
  });

  it('counts the line breaks inside earlier quoted fields when naming the line', () => {
    // Record 2 spans lines 2 and 3, so the unclosed quote opens on line 4.
    expect(() => parseCsv('x\n"a\nb",c\n"oops')).toThrow('CSV line 4');
  });
});

describe('toCsv and parseCsv together', () => {
  it('round-trips every cell type to its text', () => {
    const rows: CsvCell[][] = [['a', 1, 2.25, null, undefined, false]];
    expect(parseCsv(toCsv(rows))).toEqual([['a', '1', '2.25', '', '', 'false']]);
  });
});
