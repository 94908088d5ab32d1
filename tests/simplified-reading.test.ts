import { describe, expect, it } from 'vitest';
import { simplifiedReading } from '../src/extract/simplified-reading.ts';
import { stripInsertedPinyin } from '../src/extract/clean.ts';

// Sentences of 繁體 mirrors in the development corpus (../shared/corpus/dev).
const YANGZHOU = '中共揚州市委 揚州市人民政府關于印發《揚州市加快推進教育現代化實施意見》的通知\n揚發〔2019〕34號\n《揚州市加快推進教育現代化實施意見》已經市委、市政府同意,現印發給你們,請認真貫徹落實。';
const JIUYUAN = '區教育局局長述職報告\n2018年以來,九原教育緊緊圍繞區委、區政府全面建設包頭市新都市區這一重大戰略部署,結合九原區教育實際,制定出臺相應的考核細則。';

describe('simplifiedReading', () => {
  it('reads a 繁體 text in simplified characters, position for position', () => {
    const reading = simplifiedReading(YANGZHOU);
    expect(reading.traditional).toBe(true);
    expect(reading.text).toContain('扬州市加快推进教育现代化实施意见');
    expect(reading.text).toHaveLength(YANGZHOU.length);
  });
  it('gives a value read from the reading back as the document writes it', () => {
    const reading = simplifiedReading(YANGZHOU);
    expect(reading.restore('扬州市加快推进教育现代化实施意见')).toBe('揚州市加快推進教育現代化實施意見');
    expect(reading.restore('扬发〔2019〕34号')).toBe('揚發〔2019〕34號');
  });
  it('restores text the ingest put together (a name from the gazetteer) character by character', () => {
    const reading = simplifiedReading(JIUYUAN);
    expect(reading.restore('九原区教育局')).toBe('九原區教育局');
    expect(reading.restore('九原区')).toBe('九原區');
  });
  it('leaves a simplified text as it is, even with a traditional character in a name', () => {
    const text = '市教育局2024年工作要点\n一、坚持立德树人,办好人民满意的教育。乾隆年间所建书院保护工作继续推进。';
    const reading = simplifiedReading(text);
    expect(reading.traditional).toBe(false);
    expect(reading.text).toBe(text);
    expect(reading.restore('办好人民满意的教育')).toBe('办好人民满意的教育');
  });
});

describe('stripInsertedPinyin', () => {
  const cases: Array<[string, string, string]> = [
    ['a mirror’s run of tone-marked syllables', '全市學(xué)前教育得到長足發(fā)展,城鄉(xiāng)發(fā)展不平衡', '全市學前教育得到長足發展,城鄉發展不平衡'],
    ['full-width brackets', '臨湘（xiāng）市教育局，區（qū）委、區（qū）政府', '臨湘市教育局，區委、區政府'],
  ];
  it.each(cases)('removes %s', (_, input, output) => {
    expect(stripInsertedPinyin(input).text).toBe(output);
  });
  it('keeps a single annotated character, which the writer meant', () => {
    const text = '瞿(qú)秋白纪念馆研学活动';
    expect(stripInsertedPinyin(text).text).toBe(text);
  });
  it('keeps brackets that are not pinyin', () => {
    const text = '学(xué)前(qián)教(jiào)育(PPP)项目(2024年)';
    expect(stripInsertedPinyin(text).text).toBe('学前教育(PPP)项目(2024年)');
  });
});
