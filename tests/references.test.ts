/**
 * References (依据文件): which 《…》 a document cites, how, and with what 文号.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractReferences, isLawTitle, normaliseDocNumber, referenceKey, type Reference } from '../src/extract/references.ts';
import { ingestText } from '../src/extract/pipeline.ts';
import { loadPlaces, loadUnitAliases } from '../src/ingest/vocab.ts';
import { decodeText } from '../src/ingest/read.ts';

const pick = (refs: Reference[]): [string, string | null, string][] => refs.map((r) => [r.title, r.docNumber, r.relation]);

describe('extractReferences', () => {
  it.each<[string, string, [string, string | null, string][]]>([
    ['根据 → 依据, with the 文号 beside it', '根据《县域义务教育优质均衡发展督导评估办法》(教督〔2017〕6号)和省里的实施方案,制定本方案。', [['县域义务教育优质均衡发展督导评估办法', '教督〔2017〕6号', '依据']]],
    ['为贯彻落实 → 落实, the issuers in the title kept', '为贯彻落实《中共中央办公厅 国务院办公厅关于进一步减轻义务教育阶段学生作业负担和校外培训负担的意见》,结合我县实际,制定本方案。', [['中共中央办公厅国务院办公厅关于进一步减轻义务教育阶段学生作业负担和校外培训负担的意见', null, '落实']]],
    ['按照 → 依据', '按照《某某市消除大班额专项规划(2016-2020年)》,逐年化解大班额。', [['某某市消除大班额专项规划(2016-2020年)', null, '依据']]],
    ['a list after one cue, with an issuer before the second title', '为贯彻落实《国务院办公厅关于全面加强和改进学校美育工作的意见》(国办发〔2015〕71号)、省政府办公厅《关于加强学校美育工作的实施意见》(X政办〔2016〕9号)和《某省美育发展规划》精神,现提出如下意见。', [
      ['国务院办公厅关于全面加强和改进学校美育工作的意见', '国办发〔2015〕71号', '落实'],
      ['关于加强学校美育工作的实施意见', 'X政办〔2016〕9号', '落实'],
      ['某省美育发展规划', null, '落实'],
    ]],
    ['对照 → 落实; 参照 and 结合 → 其他', '对照《幼儿园工作规程》开展自查。参照《某省中小学校管理规范》执行。结合《某县教育事业发展规划》,统筹布局。', [
      ['幼儿园工作规程', null, '落实'], ['某省中小学校管理规范', null, '其他'], ['某县教育事业发展规划', null, '其他'],
    ]],
    ['a law cited under any cue is 法律; its short and full names are one reference', '认真贯彻《义务教育法》《未成年人保护法》等法律法规。依据《中华人民共和国义务教育法》第五条,落实控辍保学责任。', [
      ['中华人民共和国义务教育法', null, '法律'], ['未成年人保护法', null, '法律'],
    ]],
    ['a regulation (条例) is 法律; an 办法 is not', '依据《残疾人教育条例》和《学生资助资金管理办法》做好资助工作。', [
      ['残疾人教育条例', null, '法律'], ['学生资助资金管理办法', null, '依据'],
    ]],
    ['plans the document will draft or issue are 配套', '省教育厅要制定《某省学校艺术教育发展规划(2016-2020年)》等配套文件。编制实施《某市第三期学前教育行动计划》。出台《某市强师工程实施方案》。', [
      ['某省学校艺术教育发展规划(2016-2020年)', null, '配套'], ['某市第三期学前教育行动计划', null, '配套'], ['某市强师工程实施方案', null, '配套'],
    ]],
    ['a cue just before the title wins over an earlier one: 制定贯彻落实《X》工作清单', '制定贯彻落实《深化新时代教育评价改革总体方案》工作清单。', [['深化新时代教育评价改革总体方案', null, '落实']]],
    ['words after the title: 《X》精神 → 落实, 《X》要求 → 依据', '省教育厅《关于做好2023年招生工作的通知》要求,严格执行招生纪律。市委《关于教育强市的决定》精神在全系统传达。', [
      ['关于做好2023年招生工作的通知', null, '依据'], ['关于教育强市的决定', null, '落实'],
    ]],
    ['a title without a cue is not a reference', '学生阅读了《红楼梦》。我局编印《教育简报》12期。', []],
    ['the document does not cite its own title or its 印发 attachment', '某县教育局关于印发《某县2024年教育工作要点》的通知\n各学校:\n现将《某县2024年教育工作要点》印发给你们,请认真贯彻落实。\n根据《某市2024年教育工作要点》,结合我县实际,制定《某县2024年教育工作要点》。', [
      ['某市2024年教育工作要点', null, '依据'],
    ]],
    ['file names and sharing banners are never references', '《2024年工作要点.docx》由会员分享,落实《教育局工作总结.doc(5页珍藏版)》请在文库搜索。', []],
    ['traditional characters are read as simplified, cue words included', '根據《教育部等四部門關於實施第三期學前教育行動計劃的意見》(教基〔2017〕3號),結合我市實際,特制訂本計劃。', [
      ['教育部等四部门关于实施第三期学前教育行动计划的意见', '教基〔2017〕3号', '依据'],
    ]],
    ['pinyin glosses of mirror sites do not hide the cue', '根據(jù)《關(guān)於印發(fā)〈山西省第三期學(xué)前教育行動計劃〉的通知》(晉教基〔2017〕)19號)精神。', [
      ['关于印发〈山西省第三期学前教育行动计划〉的通知', '晋教基〔2017〕19号', '依据'],
    ]],
    ['a cited 印发 notice keeps its nested title, and the nested title is not taken for the document\'s own', '某区人民政府关于2021年履职情况的自评报告\n根据《XX市教育督导委员会办公室关于印发《2021年履行教育职责的评价细则》的通知》(X教督委﹝2021﹞1号)要求,开展自评。', [
      ['XX市教育督导委员会办公室关于印发〈2021年履行教育职责的评价细则〉的通知', 'X教督委〔2021〕1号', '依据'],
    ]],
    ['a title broken across lines by a page capture is joined', '深入贯彻落实《教育\n强国建设规划纲要(2024~2035 年)》,全面落实立德树人根本任务。', [['教育强国建设规划纲要(2024~2035年)', null, '落实']]],
  ])('%s', (_name, text, expected) => {
    expect(pick(extractReferences(text, null))).toEqual(expected);
  });

  it('marks the same series\' earlier plan as 延续, whatever the cue', () => {
    const refs = extractReferences('在《某市第二期学前教育行动计划(2014-2016年)》实施基础上,根据《某市第二期学前教育行动计划(2014-2016年)》总结评估结果,制定本计划。', '某市第三期学前教育行动计划(2017-2020年)');
    expect(pick(refs)).toEqual([['某市第二期学前教育行动计划(2014-2016年)', null, '延续']]);
  });

  it('knows the document\'s own title when the caller gives it, in any spelling', () => {
    expect(extractReferences('落实《揚州市加快推進教育現代化實施意見》。', '扬州市加快推进教育现代化实施意见')).toEqual([]);
  });
});

describe('referenceKey', () => {
  it.each([
    ['义务教育法', '中华人民共和国义务教育法'],
    ['中华人民共和国教师法(2009年修正)', '教师法'],
    ['關於實施第三期學前教育行動計劃的意見', '关于实施第三期学前教育行动计划的意见'],
    ['某某规划（2016—2020年）', '某某规划(2016-2020年)'],
    ['中共中央办公厅 国务院办公厅关于进一步减轻义务教育阶段学生作业负担和校外培训负担的意见', '中共中央办公厅、国务院办公厅关于进一步减轻义务教育阶段学生作业负担和校外培训负担的意见'],
    ['关于印发〈山西省第三期学前教育行动计划〉的通知', '山西省第三期学前教育行动计划'],
    ['国务院关于印发国家教育事业发展“十三五”规划的通知', '国家教育事业发展十三五规划'],
    ['中共云南省委办公厅、云南省人民政府办公厅印发《关于构建优质均衡的基本公共教育服务体系的若干措施》的通知', '关于构建优质均衡的基本公共教育服务体系的若干措施'],
  ])('%s meets %s', (a, b) => {
    expect(referenceKey(a)).toBe(referenceKey(b));
  });

  it.each([
    ['福建省人民政府办公厅关于全面加强和改进学校美育工作的实施意见', '辽宁省人民政府办公厅关于全面加强和改进学校美育工作的实施意见'],
    ['某市第二期学前教育行动计划', '某市第三期学前教育行动计划'],
    ['学生资助资金管理办法', '资金管理办法'],
  ])('%s does not meet %s', (a, b) => {
    expect(referenceKey(a)).not.toBe(referenceKey(b));
  });

  it('tells laws and regulations from 办法 and 方案', () => {
    expect([isLawTitle('中华人民共和国未成年人保护法'), isLawTitle('幼儿园管理条例'), isLawTitle('督导评估办法'), isLawTitle('工作方案')]).toEqual([true, true, false, false]);
  });
});

// The development corpus sits beside the project (../shared/corpus/dev); labels: tests/fixtures/references.
const CORPUS = [process.env.DEV_CORPUS, '../shared/corpus/dev/raw', '../../shared/corpus/dev/raw'].find((d) => d && existsSync(d));
const LABELS = JSON.parse(readFileSync('tests/fixtures/references/dev-labels.json', 'utf8')) as {
  documents: Record<string, Reference[]>;
};

describe.skipIf(!CORPUS)('references of the development corpus, against labels read by hand', () => {
  const ctx = { places: loadPlaces(), aliases: loadUnitAliases() };
  const files = CORPUS ? readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort() : [];
  const results = files.map((file) => {
    const text = decodeText(readFileSync(join(resolve(CORPUS!), file))).text;
    const doc = ingestText(text, { ...ctx, sourceFile: file });
    return { file, title: doc.data.title, found: doc.data.references, expected: LABELS.documents[file] ?? [] };
  });

  it('finds at least 0.9 of the labelled references with the right relation, and adds at most 0.1 of others', () => {
    let expected = 0;
    let right = 0;
    let found = 0;
    let labelled = 0;
    const misses: string[] = [];
    for (const r of results) {
      const want = new Map(r.expected.map((e) => [referenceKey(e.title), e]));
      expected += want.size;
      found += r.found.length;
      for (const f of r.found) {
        const w = want.get(referenceKey(f.title));
        if (w) labelled++;
        if (w && w.relation === f.relation) right++;
        else misses.push(`${r.file}: found ${f.relation} 《${f.title}》${w ? ` (labelled ${w.relation})` : ' (not labelled)'}`);
      }
      for (const [k, w] of want) if (!r.found.some((f) => referenceKey(f.title) === k)) misses.push(`${r.file}: missed 《${w.title}》`);
    }
    const recall = right / expected;
    const precision = labelled / found;
    console.log(`references on the dev corpus: ${right}/${expected} found with the right relation (recall ${recall.toFixed(3)}), precision ${precision.toFixed(3)}${misses.length ? `\n  ${misses.join('\n  ')}` : ''}`);
    expect(expected).toBeGreaterThan(40);
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(precision).toBeGreaterThanOrEqual(0.9);
  });

  it('gives the labelled 文号 beside each title that has one, in the document\'s own characters', () => {
    for (const r of results) {
      for (const e of r.expected.filter((x) => x.docNumber)) {
        const found = r.found.find((f) => referenceKey(f.title) === referenceKey(e.title))?.docNumber;
        // The ingest keeps a 繁體 document's characters (晉教基〔2017〕19號); the label is simplified.
        expect(found && normaliseDocNumber(found), `${r.file}: ${e.title}`).toBe(e.docNumber);
      }
    }
  });

  it('never lists a file name or the document\'s own title', () => {
    for (const r of results) {
      for (const f of r.found) {
        expect(f.title, r.file).not.toMatch(/\.(docx?|pdf|wps)/iu);
        expect(referenceKey(f.title), r.file).not.toBe(referenceKey(r.title));
      }
    }
  });
});
