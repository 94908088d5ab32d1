/**
 * Read stage of the ingest: one reader per source format, all returning plain text.
 *
 * This is the only ingest module that touches the disk (`readSource`). Everything else here
 * (`decodeText`, `htmlToText`, `normalizeText`) is pure and works on bytes or strings, so the
 * tests can feed it hand-made inputs. Content problems that still give usable text come back
 * as `warnings`; inputs that give no usable text throw an `IngestError`.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import iconv from 'iconv-lite';
import mammoth from 'mammoth';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import { toText } from 'hast-util-to-text';
import { binaryReason, hasUtf16Bom, startsWith } from '../lib/bytes.ts';

const EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.docx'] as const;
export type SupportedExtension = (typeof EXTENSIONS)[number];
/** File extensions the ingest reads, lower case, with the dot. Typed loosely so `includes(anyString)` compiles. */
export const SUPPORTED_EXTENSIONS: readonly string[] = EXTENSIONS;

export type SourceFormat = 'txt' | 'md' | 'html' | 'docx';

/** What a reader gives back: normalised text, the format and encoding it came from, and any warnings. */
export interface ReadResult {
  text: string;
  format: SourceFormat;
  /** `utf-8`, `utf-16le`, `utf-16be`, `gb18030`, or `utf-8+gb18030` for a file that mixes them. */
  encoding: string;
  /** Problems that did not stop the read, naming the line where there is one; the caller adds the file name. */
  warnings: string[];
  /** A saved page's `<title>`, the last place a title is looked for before the file name. */
  pageTitle?: string;
}

export type IngestErrorKind = 'empty' | 'binary' | 'unsupported' | 'undecodable' | 'unreadable';

/** A source file the ingest cannot read; the message is one line: file, what is wrong, what to do. */
export class IngestError extends Error {
  readonly file: string;
  readonly kind: IngestErrorKind;

  constructor(file: string, kind: IngestErrorKind, problem: string, fix: string) {
    super(oneLine(`${file}: ${problem}: ${fix}`));
    this.name = 'IngestError';
    this.file = file;
    this.kind = kind;
  }
}

/** Bytes that cannot be decoded as UTF-8, UTF-16 or GB18030; `readSource` turns it into an IngestError. */
export class DecodeError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'DecodeError';
  }
}

const FORMAT_OF: Record<SupportedExtension, SourceFormat> = {
  '.txt': 'txt',
  '.md': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.docx': 'docx',
};

/** Read one source file into normalised plain text, or throw an IngestError that says what to do. */
export async function readSource(path: string): Promise<ReadResult> {
  const ext = extname(path).toLowerCase();
  if (!isSupported(ext)) throw unsupported(path, ext);
  const format = FORMAT_OF[ext];

  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new IngestError(path, 'unreadable', `cannot read the file (${code})`, 'check the path and the file permissions');
  }
  if (bytes.length === 0) {
    throw new IngestError(path, 'empty', 'the file is empty (0 bytes)', 'check that it was saved or exported completely');
  }

  const result = format === 'docx' ? await readDocx(path, bytes) : readTextual(path, bytes, format);
  const text = normalizeText(result.text);
  if (text.trim() === '') {
    throw new IngestError(
      path,
      'empty',
      format === 'docx' ? 'the document has no text (only images, or a scan?)' : 'the file contains only whitespace',
      format === 'docx' ? 'if it is a scan, run OCR and save the text as .docx or .txt' : 'check that the text was pasted and saved',
    );
  }
  const pageTitle = result.pageTitle ? normalizeText(result.pageTitle) : undefined;
  return { text, format, encoding: result.encoding, warnings: result.warnings.map(oneLine), ...(pageTitle ? { pageTitle } : {}) };
}

function isSupported(ext: string): ext is SupportedExtension {
  return (EXTENSIONS as readonly string[]).includes(ext);
}

function unsupported(path: string, ext: string): IngestError {
  const list = SUPPORTED_EXTENSIONS.join(', ');
  if (ext === '') {
    return new IngestError(path, 'unsupported', 'the file has no extension', `rename it to one of ${list}`);
  }
  if (ext === '.doc' || ext === '.wps') {
    return new IngestError(path, 'unsupported', `unsupported file type "${ext}" (old Word/WPS format)`, 'open it in Word or WPS and save it as .docx');
  }
  return new IngestError(path, 'unsupported', `unsupported file type "${ext}"`, `convert it to .docx, .html or .txt first (supported: ${list})`);
}

/** Decoded text, the encoding it was read as, and warnings (without the file name). */
export interface Decoded {
  text: string;
  encoding: string;
  warnings: string[];
  pageTitle?: string;
}

function readTextual(path: string, bytes: Uint8Array, format: SourceFormat): Decoded {
  const binary = binaryReason(bytes);
  if (binary) {
    throw new IngestError(path, 'binary', `looks like a binary file, not text (${binary})`, 'export the document as .docx, .html or plain .txt (UTF-8) and ingest that');
  }
  try {
    if (format === 'html') {
      const decoded = decodeHtml(bytes);
      const pageTitle = htmlPageTitle(decoded.text);
      return { ...decoded, text: htmlToText(decoded.text), ...(pageTitle ? { pageTitle } : {}) };
    }
    return decodeText(bytes);
  } catch (error) {
    if (error instanceof DecodeError) {
      throw new IngestError(path, 'undecodable', `cannot decode the text as UTF-8, UTF-16 or GB18030 (${error.message})`, 'open it in an editor that detects the encoding and save it as UTF-8');
    }
    throw error;
  }
}

async function readDocx(path: string, bytes: Uint8Array): Promise<Decoded> {
  // A .docx is a zip archive; anything else (an old .doc renamed, an HTML error page saved as .docx) is not.
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06);
  if (!isZip) {
    const hint = startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]) ? 'it is an old binary .doc renamed to .docx' : 'it may be damaged or only partly downloaded';
    throw new IngestError(path, 'unreadable', `not a valid .docx: not a zip archive (${hint})`, 'open it in Word or WPS and save it again as .docx');
  }
  let result: Awaited<ReturnType<typeof mammoth.extractRawText>>;
  try {
    result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new IngestError(path, 'unreadable', `cannot read the .docx (${reason})`, 'open it in Word or WPS and save it again as .docx');
  }
  // mammoth ends every paragraph with a blank line; one paragraph per line is what the next stages expect.
  const text = result.value.replace(/\r\n?/g, '\n').replace(/\n{2,}/g, '\n');
  const warnings = result.messages.map((m) => `docx ${m.type}: ${m.message}`);
  return { text, encoding: 'utf-8', warnings };
}

// ---------------------------------------------------------------------------------------------
// Binary detection

// ---------------------------------------------------------------------------------------------
// Decoding

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

function gb18030(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
}

function nonAsciiCount(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) if (b >= 0x80) n++;
  return n;
}

/**
 * Decode text bytes: UTF-8 (with or without BOM), UTF-16 with BOM, otherwise GB18030 (a superset
 * of GBK and GB2312). A file that is mostly UTF-8 but has lines that are not is decoded line by line,
 * with a warning naming those lines. Throws DecodeError when no decoding gives plausible Chinese text.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', warnings: [] };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', warnings: [] };
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  const whole = tryUtf8(body);
  if (whole !== null) return { text: whole, encoding: 'utf-8', warnings: [] };
  return decodeByLine(body);
}

/** `broken`: invalid UTF-8, but only a few bytes of it (a damaged UTF-8 line, not a GB one). */
type LineKind = 'ascii' | 'utf8' | 'broken' | 'invalid';

interface LineBytes {
  bytes: Uint8Array;
  kind: LineKind;
  nonAscii: number;
}

/** Share of a line's non-ASCII bytes that may be invalid for it to count as damaged UTF-8. */
const BROKEN_UTF8_SHARE = 0.1;

function classify(line: Uint8Array, nonAscii: number): LineKind {
  if (nonAscii === 0) return 'ascii';
  if (tryUtf8(line) !== null) return 'utf8';
  // A GB line read as UTF-8 gives a replacement character for almost every byte pair; damaged UTF-8 gives a few.
  const replacements = countMatches(lenientUtf8.decode(line), /\uFFFD/g);
  return replacements <= Math.max(1, nonAscii * BROKEN_UTF8_SHARE) ? 'broken' : 'invalid';
}

function splitLines(bytes: Uint8Array): LineBytes[] {
  const lines: LineBytes[] = [];
  let start = 0;
  // 0x0A never occurs inside a multi-byte UTF-8 or GB18030 character, so splitting bytes on it is safe.
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      const line = bytes.subarray(start, i === bytes.length ? i : i + 1);
      const nonAscii = nonAsciiCount(line);
      lines.push({ bytes: line, kind: classify(line, nonAscii), nonAscii });
      start = i + 1;
    }
  }
  return lines;
}

/** Lines that are valid UTF-8 by accident in a GB file are short; this many non-ASCII bytes make UTF-8 certain enough. */
const SURE_UTF8_BYTES = 9;

function decodeByLine(bytes: Uint8Array): Decoded {
  const lines = splitLines(bytes);
  const bytesOf = (kinds: LineKind[]): number => lines.filter((l) => kinds.includes(l.kind)).reduce((n, l) => n + l.nonAscii, 0);
  const mostlyUtf8 = bytesOf(['utf8', 'broken']) > bytesOf(['invalid']);

  const parts: string[] = [];
  const asGb: number[] = [];
  const asUtf8: number[] = [];
  const replaced: number[] = [];
  lines.forEach((line, index) => {
    const lineNo = index + 1;
    const utf8 = lenientUtf8.decode(line.bytes);
    if (line.kind === 'ascii') {
      parts.push(utf8);
    } else if (line.kind === 'utf8' && (mostlyUtf8 || line.nonAscii >= SURE_UTF8_BYTES)) {
      parts.push(utf8);
      if (!mostlyUtf8) asUtf8.push(lineNo);
    } else if (line.kind === 'broken' && mostlyUtf8) {
      parts.push(utf8);
      replaced.push(lineNo);
    } else if (!mostlyUtf8) {
      parts.push(gb18030(line.bytes));
    } else {
      // A GB line pasted into a UTF-8 file, unless GB18030 makes no sense of it either.
      const gb = gb18030(line.bytes);
      if (assessChinese(gb).plausible) {
        parts.push(gb);
        asGb.push(lineNo);
      } else {
        parts.push(utf8);
        replaced.push(lineNo);
      }
    }
  });
  const text = parts.join('');

  if (!mostlyUtf8) {
    const verdict = assessChinese(text);
    if (!verdict.plausible) throw new DecodeError(verdict.reason);
  }
  const warnings: string[] = [];
  if (asGb.length > 0) warnings.push(`${lineList(asGb)} not valid UTF-8 like the rest of the file; decoded as GB18030: check them, and re-save the file as UTF-8`);
  if (replaced.length > 0) warnings.push(`${lineList(replaced)} invalid UTF-8 bytes, shown as U+FFFD (�): check the text there against the original`);
  if (asUtf8.length > 0) warnings.push(`${lineList(asUtf8)} UTF-8 in a GB18030 file; decoded as UTF-8: check them, and re-save the file as UTF-8`);
  const mixed = asGb.length > 0 || asUtf8.length > 0;
  return { text, encoding: mixed ? 'utf-8+gb18030' : mostlyUtf8 ? 'utf-8' : 'gb18030', warnings };
}

function lineList(numbers: number[]): string {
  const shown = numbers.slice(0, 20).join(', ') + (numbers.length > 20 ? ` and ${numbers.length - 20} more` : '');
  return numbers.length === 1 ? `line ${shown} has` : `lines ${shown} have`;
}

function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

// Characters that make up most running Chinese text (general frequency list plus education-policy
// vocabulary). Mojibake from a wrong decoding yields rare characters instead, so a low share of
// these among the CJK characters means the guess of encoding was wrong.
const COMMON_HANZI = new Set(
  '的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶玉镇雪午练迫爷篇肉嘴馆遍凡础洞卷坦牛宁纸诸训私庄祖丝翻暴森塔默握戏隐熟骨访弱蒙歌店鬼软典欲萨伙遭盘爸扩盖弄雄稳忘亿刺拥徒姆杨齐赛趣曲刀床迎冰虚玩析窗醒妻透购替塞努休虎扬途侵刑绿兄迅套贸毕唯谷轮库迹尤竞街促延震弃甲伟麻川申缓潜闪售灯针哲络抵朱埃抱鼓植纯夏忍页杰筑折郑贝尊吴秀混臣雅振染盛怒舞圆搞狂措姓残秋培迷诚宽宇猛摆梅毁伸摩盟末乃悲拍丁赵硬麦蒋操耶阻订彩抽赞魔纷沿喊违妹浪汇币丰蓝殊献桌啦瓦莱援译夺汽烧距裁偏符勇触课敬哭懂墙袭召罚侠厅拜巧侧韩冒债曼融惯享戴童犹乘挂奖绍厚纵障讯涉彻刊丈爆乌役描洗玛患妙镜唱烦签仙彼弗症仿倾牌陷鸟轰咱菜闭奋庆撤泪茶疾缘播朗杜奶季丹狗尾仪偷奔珠虫驻孔宜艾桥淡翼恨繁寒伴叹旦愈潮粮缩罢聚径恰挑袋灰捕徐珍幕映裂泰隔启尖忠累炎暂估泛荒偿横拒瑞忆孤鼻闹羊呆厉衡胞零穷舍码赫婆魂灾洪腿胆津俗辩胸晓劲贫仁偶辑邦恢赖圈摸仰润堆碰艇稍迟辆废净凶署壁御奉旋冬矿抬蛋晨伏吹鸡倍糊秦盾杯租骑乏隆诊奴摄丧污渡旗甘耐凭扎抢绪粗肩梁幻菲皆碎宙叔岩荡综爬荷悉蒂返井壮薄悄扫敏碍殖详迪矛霍允幅撒剩凯颗骂赏液番箱贴漫酸郎腰舒眉忧浮辛恋餐吓挺励辞艘键伍峰尺昨黎辈贯侦滑券崇扰宪绕趋慈乔阅汗枝拖墨胁插箭腊粉泥氏彭拔骗凤慧媒佩愤扑龄驱惜豪掩兼跃尸肃帕驶堡届欣惠册储飘桑闲惨洁踪勃宾频仇磨递邪撞拟滚奏巡颜剂绩贡疯坡瞧截燃焦殿伪柳锁逼颇昏劝呈搜勤戒驾漂饮曹朵仔柔俩孟腐幼践籍牧凉牲佳娜浓芳稿竹腹跌逻垂遵脉貌柏狱猜怜惑陶兽帐饰贷昌叙躺钢沟寄扶铺邓寿惧询汤盗肥尝匆辉奈扣廷澳嘛董迁凝慰厌脏腾幽怨鞋丢埋泉涌辖躲晋紫艰魏吾慌祝邮吐狠鉴曰械咬邻赤挤弯椅陪割揭韦悟聪雾锋梯猫祥阔誉筹丛牵鸣沈阁穆屈旨袖猎臂蛇贺柱抛鼠瑟戈牢逊迈欺吨琴衰瓶恼燕仲诱狼池疼卢仗冠粒遥吕玄尘冯抚浅敦纠钻晶岂峡苍喷耗凌敲菌赔涂粹扁亏寂煤熊恭湿循暖糖赋抑秩帽哀宿踏烂袁侯抖夹昆肝擦猪炼恒慎搬纽纹玻渔磁铜齿跨押怖漠疲叛遣兹祭醉拳弥斜档稀捷肤疫肿豆削岗晃吞宏癌肚隶履涨耀扭坛拨沃绘伐堪仆郭牺歼墓雇廉契拼惩捉覆刷劫嫌瓜歇雕闷乳串娃缴唤赢莲霸桃妥瘦搭赴岳嘉舱俊址庞耕锐缝悔邀玲惟斥宅添挖呵讼氧浩羽斤酷掠妖祸侍乙妨贪挣汪尿莉悬唇翰仓轨枚盐览傅帅庙芬屏寺胖璃愚滴疏萧姿颤丑劣柯寸扔盯辱匹俱辨饿蜂哦腔郁溃谨糟葛苗肠忌溜鸿爵鹏鹰笼丘桂滋聊挡纲肌茨壳痕碗穴膀卓贤卧膜毅锦欠哩函茫昂薛皱夸豫胃舌剥傲拾窝睁携陵哼棉晴铃填饲渴吻扮逆脆喘罩卜炉柴愉绳胎蓄眠竭喂傻慕浑奸扇柜悦拦诞饱乾泡贼亭夕爹酬儒姻卵氛泄杆挨僧蜜吟猩遂狭肖甜霞驳裕顽於摘矮秒卿畜咽披辅勾盆疆赌塑畏吵囊嗯泊肺骤缠冈羞瞪吊贾漏斑涛悠鹿俘锡卑葬铭滩嫁催璇翅盒蛮矣潘歧赐鲍锅廊拆灌勉盲宰佐啥胀扯禧辽抹筒棋裤唉朴咐孕誓喉妄拘链驰栏逝窃艳臭纤玑棵趁匠盈翁愁瞬婴孝颈倘浙谅蔽畅赠妮莎尉冻跪闯葡後厨鸭颠遮谊圳吁仑辟瘤嫂陀框谭亨钦庸歉芝吼甫衫摊宴嘱衷娇陕矩浦讶耸裸碧摧薪淋耻胶屠鹅饥盼脖虹翠崩账萍逢赚撑翔倡绵猴枯巫昭怔渊凑溪蠢禅阐旺寓藤匪伞碑挪琼脂谎慨菩萄狮掘抄岭晕逮砍掏狄晰罕挽脾舟痴蔡剪脊弓懒叉拐喃僚捐姊骚拓歪粘柄坑陌窄湘兆崖骄刹鞭芒筋聘钩棍嚷腺弦焰耍俯厘愣厦恳饶钉寡憾摔叠惹喻谱愧煌徽溶坠煞巾滥洒堵瓷咒姨棒郡浴媚稣淮哎屁漆淫巢吩撰啸滞玫硕钓蝶膝姚茂躯吏猿寨恕渠戚辰舶颁惶狐讽笨袍嘲啡泼衔倦涵雀旬僵撕肢垄夷逸茅侨舆窑涅蒲谦杭噢弊勋刮郊凄捧浸砖鼎篮蒸饼亩肾陡爪兔殷贞荐哑炭坟眨搏咳拢舅昧擅爽咖搁禄雌哨巩绢螺裹昔轩谬谍龟媳姜瞎冤鸦蓬巷琳栽沾诈斋瞒彪厄咨纺罐桶壤糕颂膨谐垒咕隙辣绑宠嘿兑霉挫稽辐乞纱裙嘻哇绣杖塘衍轴攀膊譬斌祈踢肆坎轿棚泣屡躁邱凰溢椎砸趟帘帆栖窜丸斩堤塌贩厢掀喀乖谜捏阎滨虏匙芦苹卸沼钥株祷剖熙哗劈怯棠胳桩瑰娱娶沫嗓蹲焚淘嫩韵衬匈钧竖峻豹捞菊鄙魄兜哄颖镑屑蚁壶怡渗秃迦旱哟咸焉谴宛稻铸锻伽詹毙恍贬烛骇芯汁桓坊驴朽靖佣汝碌迄冀荆崔雁绅珊榜诵傍彦醇笛禽勿娟瞄幢寇睹贿踩霆呜拱妃蔑谕缚诡篷淹腕煮倩卒勘馨逗甸贱炒灿敞蜡囚栗辜垫妒魁谣寞蜀甩涯枕丐泳奎泌逾叮黛燥掷藉枢憎鲸弘倚侮藩拂鹤蚀浆芙垃烤晒霜剿蕴圾绸屿氢驼妆捆铅逛淑榴丙痒钞蹄犬躬昼藻蛛褐颊奠募耽蹈陋侣魅岚侄虐堕陛莹荫狡阀绞膏垮茎缅喇绒搅凳梭丫姬诏钮棺耿缔懈嫉灶匀嗣鸽澡凿纬沸畴刃遏烁嗅叭熬瞥骸奢拙栋毯桐砂莽泻坪梳杉晤稚蔬蝇捣顷麽尴镖诧尬硫嚼羡沦沪旷彬芽狸冥碳' +
    '乡镇街道办园幼儿童师资课程督导评估均衡优质普惠职业义务编制岗位聘任培训经费补助寄宿班额学位规划布局资源配置标准化信息化智慧德智体美劳心理健康安全食堂校舍项目责任单位牵头配合考核评价监测质量改革创新落实推进完善健全加强提升深化实施巩固扩大',
);

/** Whether decoded text looks like Chinese, and why not when it does not. */
function assessChinese(text: string): { plausible: boolean; reason: string } {
  let nonAscii = 0;
  let bad = 0;
  let cjk = 0;
  let common = 0;
  let visible = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (!/\s/.test(ch)) visible++;
    if (cp < 0x80) {
      if (cp < 0x20 && !(cp >= 0x09 && cp <= 0x0d)) bad++;
      continue;
    }
    nonAscii++;
    if (cp === 0xfffd || (cp >= 0xe000 && cp <= 0xf8ff) || (cp >= 0x80 && cp <= 0x9f)) bad++;
    else if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf)) {
      cjk++;
      if (COMMON_HANZI.has(ch)) common++;
    }
  }
  if (bad >= 3 && bad > nonAscii * 0.02) {
    return { plausible: false, reason: `${bad} replacement, private-use or control characters after decoding as GB18030` };
  }
  if (nonAscii >= 10 && cjk < nonAscii * 0.5) {
    return { plausible: false, reason: `only ${cjk} of ${nonAscii} non-ASCII characters are Chinese after decoding as GB18030` };
  }
  if (visible >= 500 && cjk < 10) {
    return { plausible: false, reason: `only ${cjk} Chinese characters in ${visible} after decoding as GB18030` };
  }
  if (cjk >= 30 && common < cjk * 0.4) {
    return { plausible: false, reason: `mostly rare characters after decoding as GB18030, so probably another encoding such as Big5` };
  }
  return { plausible: true, reason: '' };
}

// ---------------------------------------------------------------------------------------------
// HTML

const GB_CHARSETS = new Set(['gbk', 'gb2312', 'gb18030', 'x-gbk', 'cp936', 'windows-936', 'euc-cn', 'hz-gb-2312']);
const UTF8_CHARSETS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);

/** The charset an HTML file declares in `<meta charset>` or `http-equiv` content-type, lower case. */
export function declaredCharset(head: string): string | null {
  const match = /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head);
  return match?.[1]?.toLowerCase() ?? null;
}

function decodeHtml(bytes: Uint8Array): Decoded {
  if (hasUtf16Bom(bytes) || startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeText(bytes);
  const charset = declaredCharset(Buffer.from(bytes.subarray(0, 4096)).toString('latin1'));
  if (charset !== null && GB_CHARSETS.has(charset)) {
    // Pages re-saved as UTF-8 often keep their old GB meta tag; GB text is practically never valid UTF-8.
    const utf8 = tryUtf8(bytes);
    if (utf8 !== null && nonAsciiCount(bytes) > 0) {
      return { text: utf8, encoding: 'utf-8', warnings: [`declares charset "${charset}" but is UTF-8; read it as UTF-8: fix the <meta charset> tag`] };
    }
    const text = gb18030(bytes);
    const verdict = assessChinese(text);
    if (!verdict.plausible) throw new DecodeError(verdict.reason);
    return { text, encoding: 'gb18030', warnings: [] };
  }
  const decoded = decodeText(bytes);
  if (charset !== null && UTF8_CHARSETS.has(charset) && decoded.encoding === 'gb18030') {
    decoded.warnings.push(`declares charset "${charset}" but is GB18030; read it as GB18030: fix the <meta charset> tag`);
  } else if (charset !== null && !UTF8_CHARSETS.has(charset) && !GB_CHARSETS.has(charset)) {
    decoded.warnings.push(`declares charset "${charset}", which the ingest does not read; read it as ${decoded.encoding}: save the page as UTF-8 if the text looks wrong`);
  }
  return decoded;
}

const htmlParser = unified().use(rehypeParse);
type HastRoot = ReturnType<typeof htmlParser.parse>;
type HastNode = HastRoot | HastRoot['children'][number];
type HastElement = Extract<HastNode, { type: 'element' }>;
type HastChild = HastElement['children'][number];

/** Elements that never hold document text. */
const DROPPED_ELEMENTS = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'iframe', 'frame', 'frameset',
  'object', 'embed', 'form', 'button', 'input', 'select', 'textarea', 'svg', 'canvas', 'audio', 'video', 'map',
]);

/** class/id words that mark navigation, sidebars, footers and share bars on portals and sharing sites. */
const NOISE_WORDS = new Set([
  'nav', 'navbar', 'navigation', 'menu', 'menubar', 'submenu', 'sidebar', 'sidenav', 'breadcrumb', 'breadcrumbs', 'crumb',
  'crumbs', 'footer', 'foot', 'copyright', 'share', 'bdshare', 'toolbar', 'topbar', 'gotop', 'backtop', 'skip', 'advert', 'ads',
]);

/** Container elements kept even if their class looks like noise: a site might put `class="nav-open"` on body. */
const NEVER_DROPPED = new Set(['html', 'body', 'main', 'article']);

function classWords(element: HastElement): string[] {
  const { className, id } = element.properties;
  const names = [...(Array.isArray(className) ? className.map(String) : []), ...(typeof id === 'string' ? [id] : [])];
  // Split `main-nav`, `left_menu` and `sideBar` into words.
  return names.flatMap((name) => name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[\s_-]+/)).filter(Boolean);
}

function isNoise(element: HastElement): boolean {
  if (DROPPED_ELEMENTS.has(element.tagName)) return true;
  if (NEVER_DROPPED.has(element.tagName)) return false;
  const { hidden, style } = element.properties;
  if (hidden !== undefined && hidden !== false) return true;
  if (typeof style === 'string' && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  return classWords(element).some((word) => NOISE_WORDS.has(word));
}

function element(tagName: string, children: HastChild[]): HastElement {
  return { type: 'element', tagName, properties: {}, children };
}

function oneLineText(node: HastElement): string {
  return toText(node).replace(/\s+/g, ' ').trim();
}

/** A row is a data row (one line, cells joined by ` | `) unless it is page layout: one cell, a nested table, or a long cell. */
function rowToBlock(row: HastElement): HastElement {
  const cells = row.children.filter((c): c is HastElement => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
  const texts = cells.map(oneLineText);
  const layout =
    cells.length < 2 ||
    cells.some((cell) => containsTag(cell, 'table')) ||
    texts.some((t) => t.length > 200);
  if (layout) return element('div', cells.map((cell) => element('div', cell.children)));
  return element('div', [{ type: 'text', value: texts.join(' | ') }]);
}

function containsTag(node: HastElement, tagName: string): boolean {
  return node.children.some((c) => c.type === 'element' && (c.tagName === tagName || containsTag(c, tagName)));
}

function prune(parent: HastRoot | HastElement): void {
  const kept: HastChild[] = [];
  for (const child of parent.children) {
    if (child.type === 'comment' || child.type === 'doctype') continue;
    if (child.type !== 'element') {
      kept.push(child as HastChild);
      continue;
    }
    if (isNoise(child)) continue;
    prune(child);
    // Inner tables were handled by the recursion above, so a row here sees its cells' final content.
    kept.push(child.tagName === 'tr' ? rowToBlock(child) : child);
  }
  parent.children = kept as typeof parent.children;
}

/** The text of a page's `<title>`, or null when it has none. */
export function htmlPageTitle(html: string): string | null {
  const tree = htmlParser.parse(html);
  let title: string | null = null;
  const visit = (node: HastRoot | HastElement): void => {
    for (const child of node.children) {
      if (title !== null || child.type !== 'element') continue;
      if (child.tagName === 'title') title = toText(child).replace(/\s+/g, ' ').trim() || null;
      else visit(child);
    }
  };
  visit(tree);
  return title;
}

/**
 * The visible text of an HTML page: page chrome (scripts, navigation, headers, footers, forms,
 * share bars) dropped, blocks and `<br>` as line breaks, table rows as `cell | cell` lines.
 * Nothing from the page is executed or kept as markup.
 */
export function htmlToText(html: string): string {
  const tree = htmlParser.parse(html);
  prune(tree);
  // Browsers collapse spaces left around removed or empty inline elements; so does the text.
  return toText(tree).replace(/[ \t]{2,}/g, ' ');
}

// ---------------------------------------------------------------------------------------------
// Normalisation

/**
 * Normalise characters, not wording: LF line endings, no BOM or zero-width characters, NBSP and
 * U+3000 as plain spaces, full-width digits and Latin letters as ASCII. Not NFKC: that would turn
 * ① into 1 and full-width Chinese punctuation into ASCII.
 */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/[\uFEFF\u200B\u200C\u200D\u2060]/g, '')
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}
