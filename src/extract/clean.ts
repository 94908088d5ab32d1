/**
 * Clean stage of the ingest: strip the host page's noise from decoded text and join page chunks.
 *
 * The rules describe kinds of host pages (document-sharing sites, template sites, government
 * portals), not particular files. A line is dropped only when it is noise as a whole: a sentence
 * that merely contains 下载, 主办 or 版权 is document text and stays. The portal metadata block
 * (索引号, 发布机构 …) is not noise: `readPortalBlock` reads it after this stage.
 */

/** Cleaned text, and every noise line or fragment that was dropped (for a --verbose report). */
export interface CleanResult {
  text: string;
  removed: string[];
}

// ---------------------------------------------------------------------------------------------
// Noise lines, by kind of host page. Each pattern is tested against one trimmed line.

/** Banner fields of a sharing site: `上传人:… 文档编号:… 上传时间:… 格式:DOCX 页数:22 大小:45.75KB`. */
const BANNER_FIELD = /(上传人|上传者|贡献者|文档编号|文档ID|上传时间|上传日期|页数|格式|大小|下载积分|下载券|浏览次数|下载次数|文档分类)\s*[:：]/gu;
const BANNER_ANCHOR = /(上传人|上传者|贡献者|文档编号|上传时间|页数)\s*[:：]/u;

/** Words of a sharing site's or portal's button row: `返回 下载 相关 举报`, `【打印本页】【关闭窗口】`. */
const BUTTON_WORDS = new Set([
  '返回', '下载', '相关', '举报', '收藏', '分享', '分享到', '打印', '关闭', '打印本页', '关闭窗口', '关闭本页', '打印此页',
  '下载文档', '原文下载', '点击下载', '立即下载', '文档下载', '加入收藏', '收藏本页', '在线阅读', '上一页', '下一页',
  '返回顶部', '回到顶部', '扫一扫', '微信', '微博', 'QQ空间', '评论', '纠错', '我要纠错', '字号', '字体', '大', '中', '小', '默认',
]);
/** Button words that are noise even alone on a line. */
const LONE_BUTTONS = new Set(['举报', '打印本页', '关闭窗口', '关闭本页', '打印此页', '下载文档', '原文下载', '点击下载', '立即下载', '返回顶部', '回到顶部', '我要纠错']);

const NOISE_PATTERNS: Array<[RegExp, string]> = [
  // Sharing sites.
  [/^第\s*\d+\s*页\s*[\/／,，、]?\s*共\s*\d+\s*页$/u, 'page counter'],
  [/^.{1,200}\.(docx?|pdf|pptx?|xlsx?|wps|txt)\s*[_-]\s*第\s*\d+\s*页$/iu, 'page thumbnail caption'],
  [/^[^。，,；;]{1,200}_\s*第\s*\d+\s*页$/u, 'page thumbnail caption'],
  [/^(ID|文档ID|大小|页数|格式|文件大小|文档大小)\s*[:：]\s*[\d.\s]*(KB|MB|K|M|页|DOCX?|PDF|WPS)?$/iu, 'sharing-site banner field'],
  [/^(点击)?(查看|阅读|展开|浏览)(更多|全文|全部|原文)(内容)?\s*(>>|》》|»|>|…+)?$/u, 'read-more link'],
  [/^(资源描述|文档描述|文档介绍|文档简介)\s*[:：]?$/u, 'sharing-site heading'],
  [/由(会员|用户|网友)(上传)?分享.{0,200}(请在.{0,40}上搜索|在线阅读|珍藏版)/u, 'sharing-site description'],
  // Template sites.
  [/^(发布)?时间\s*[:：]\s*\d{4}.{0,60}?(来源|作者|栏目|浏览|点击|阅读)(次数|数|量)?\s*[:：]/u, 'post time and source'],
  [/^.{0,10}(下面|以下|本文)(是|为).{0,12}小编.{0,200}$/u, 'editor’s note'],
  [/为大家(整理|收集|精心|搜集|带来).{0,200}(供大家参考|欢迎阅读|希望对.{0,12}帮助|仅供参考|欢迎借鉴|欢迎大家)/u, 'editor’s note'],
  [/^(推荐访问|相关热词搜索|热门搜索|相关搜索|本文标题|本文链接|本文地址|原文地址|原文链接|文章链接|链接地址|文章标签|资源标签|相关推荐|热门推荐|延伸阅读|相关阅读|相关文章|猜你喜欢|相关资源|上一篇|下一篇|责任编辑)\s*[:：]/u, 'link list'],
  [/^(相关资源|猜你喜欢|相关搜索|资源标签|相关推荐|热门推荐|相关阅读|相关文章|热门文章|最新文章|分享到|网友评论)\s*[:：]?\s*(\(\d+\))?$/u, 'link list heading'],
  // Portals and sites in general.
  [/^(当前位置|您的位置|你的位置|您现在的位置|你现在的位置|现在位置|所在位置)\s*[:：]/u, 'breadcrumbs'],
  [/^(发布)?时间\s*[:：]\s*\d{4}-\d{1,2}-\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?\s.{0,30}(我要投稿|投稿|来源\s*[:：]\s*网友)/u, 'post time'],
  [/^首页\s*(>|>|»|›|\/|-{1,2}>?)\s*\S/u, 'breadcrumbs'],
  [/[【\[]?\s*(字体|字号)\s*[:：]?\s*[【\[]?\s*大\s*[】\]]?\s*[【\[]?\s*中\s*[】\]]?\s*[【\[]?\s*小/u, 'font-size switch'],
];

/** Footer lines that are noise wherever they are: registration numbers and copyright lines. */
const STRONG_FOOTER = [
  /[\u4e00-\u9fff]?ICP\s*(备|证)\s*[:：]?\s*\d/iu,
  /ICP备案|ICP\s*[:：]/iu,
  /^(网站)?备案(号|编号)?\s*[:：]/u,
  /公网安备\s*\d/u,
  /网站(标识|识别)码/u,
  /^(增值电信业务)?经营许可证(编号)?\s*[:：]|[\u4e00-\u9fff][A-Z]\d-\d{6,}/u,
  /(^|\s)版权所有(\s|$|[:：©]|禁止|不得|\s*[(（]?C[)）]?)|版权所有$|Copyright\s*(©|\(c\)|&copy;|\d{4})|©\s*\d{4}/iu,
];

/**
 * Footer lines that are noise only inside the trailing footer block, and only when that block also
 * holds a sure sign of a site footer: 主办: and 电话: can also end a real notice.
 */
const WEAK_FOOTER =
  /^(主办|承办|协办|主办单位|承办单位|协办单位|技术支持|技术维护|网站维护|联系电话|电话|传真|地址|邮编|电子邮箱|联系我们|网站地图|关于我们|管理入口|设为首页|加入收藏|网站声明|隐私声明|使用帮助|网站纠错)\s*[:：]?/u;
/** Weak footer lines that only a website has; one of them makes the block a footer. */
const SITE_ONLY_FOOTER = /^(技术支持|技术维护|网站维护|联系我们|网站地图|关于我们|管理入口|设为首页|加入收藏|网站声明|隐私声明|使用帮助|网站纠错)/u;

/** `展开阅读全文` ends the document on sharing sites; what follows is the site's trailer. */
const TRAILER_START = /^(展开阅读全文|阅读全文|展开全文)\s*[>»∨↓]*$/u;

const MAX_FOOTER_LENGTH = 150;

/** A numbered heading (一、 (一) 1.) after 展开阅读全文 means the document goes on there. */
const HEADING_START = /^([一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）]|\d{1,2}[.．](?!\d))/u;

function isStrongFooter(line: string): boolean {
  // A sentence (做好ICP备案工作。) is document text, however short.
  return line.length <= MAX_FOOTER_LENGTH && !/[。；]$/u.test(line) && STRONG_FOOTER.some((re) => re.test(line));
}

function isWeakFooter(line: string): boolean {
  return line.length <= MAX_FOOTER_LENGTH && WEAK_FOOTER.test(line);
}

function isButtonRow(line: string): boolean {
  const words = line.split(/[\s|｜·•/【】[\]]+/u).filter(Boolean);
  if (words.length === 0 || !words.every((w) => BUTTON_WORDS.has(w))) return false;
  return words.length >= 2 || LONE_BUTTONS.has(words[0] ?? '');
}

function isBanner(line: string): boolean {
  return BANNER_ANCHOR.test(line) && (line.match(BANNER_FIELD)?.length ?? 0) >= 2;
}

/** Whether one trimmed line is host-page noise on its own (the footer block is handled separately). */
export function isNoiseLine(line: string): boolean {
  if (line === '') return false;
  if (isBanner(line) || isButtonRow(line) || isStrongFooter(line)) return true;
  return NOISE_PATTERNS.some(([re]) => re.test(line));
}

// ---------------------------------------------------------------------------------------------
// Titles

/** Bracketed promotion suffixes of template sites: 【精选推荐】, 【通用5篇】, 【最新版】, (word版可编辑). */
const PROMO_WORDS = /精选|推荐|优选|热门|最新|完整|范文|范本|模板|精品|通用|优秀|必备|合集|大全|汇编|word|可编辑|全文|原创|荐|阅读|精华|经典|收藏|下载|附答案|含答案|共|篇|版|年|\d+|\s/giu;
const BRACKET_SUFFIX = /\s*(?:【([^【】]{1,16})】|\[([^[\]]{1,16})\]|[(（]([^()（）]{1,16})[)）])\s*$/u;
const FILE_EXTENSION = /\.(docx?|pdf|wps|txt|pptx?|xlsx?)$/iu;
/** A copy number template sites append to a title after its document-type word: 研讨发言2. */
const COPY_NUMBER = /(发言|讲话|致辞|总结|计划|方案|要点|报告|汇报|材料|心得体会|体会|范文|发言稿|讲话稿|意见|通知|规划|制度|办法|述职)\d{1,2}$/u;

function promoSuffix(line: string): string | null {
  const match = BRACKET_SUFFIX.exec(line);
  if (!match) return null;
  const inner = match[1] ?? match[2] ?? match[3] ?? '';
  // Only promotion words (and counts) inside: (2021-2025) or (试行) or 【2023】 are part of the title.
  const hasWord = /[^\d\s]/u.test(inner.replace(/年|版/gu, ''));
  return hasWord && inner.replace(PROMO_WORDS, '') === '' ? match[0] : null;
}

/**
 * A document title as a reader wants it: without a file extension (`….docx`), a template site's
 * promotion suffix (`【精选推荐】`, `(通用5篇)`) or its copy number after the document-type word (`研讨发言2`).
 */
export function normalizeTitle(line: string): string {
  let title = line.trim().replace(/^《(.+)》$/u, '$1').replace(/[_-]第\s*\d+\s*页$/u, '');
  for (let previous = ''; previous !== title; ) {
    previous = title;
    title = title.replace(FILE_EXTENSION, '').trim();
    const suffix = promoSuffix(title);
    if (suffix) title = title.slice(0, -suffix.length).trim();
  }
  return title.replace(COPY_NUMBER, '$1');
}

/** Titles a sharing site names in its noise: `《….docx》由会员分享`, `….docx_第1页`. */
function titleHint(noise: string): string | null {
  const match = /《([^《》]{4,150}?)\.(docx?|pdf|pptx?|wps|txt)》/iu.exec(noise) ?? /^(.{4,150}?)\.(docx?|pdf|pptx?|wps|txt)\s*[_-]\s*第\s*\d+\s*页$/iu.exec(noise);
  return match?.[1]?.trim() ?? null;
}

// ---------------------------------------------------------------------------------------------
// Page chunks

const CHUNK_MARKER = /^(\d{1,3})\s*、/u;
/** Characters a sentence, a list item or a heading can end with. */
const SENTENCE_END = /[。！？!?；;：:…”’」』）)】]$/u;
/** Sharing sites cut pages into chunks of a few hundred characters; real list items are shorter. */
const MIN_CHUNK_LENGTH = 150;

/**
 * Lines that open page chunks, or null when the numbered lines are a real list.
 *
 * Rule: the `N、` lines, taken in order, count 1, 2, 3 … without a gap; the chunks between them
 * are long (median at least 150 characters); and at least half of the boundaries fall inside a
 * sentence (the text before the marker does not end with 。；：！？ or a closing bracket or quote).
 * A real list has short items that end at a sentence end, and its numbers restart.
 */
function findChunks(lines: string[]): number[] | null {
  const chain: number[] = [];
  lines.forEach((line, index) => {
    const match = CHUNK_MARKER.exec(line);
    if (match && Number(match[1]) === chain.length + 1) chain.push(index);
  });
  if (chain.length < 2) return null;

  const lengths: number[] = [];
  let midSentence = 0;
  for (let k = 1; k < chain.length; k++) {
    const segment = lines.slice(chain[k - 1], chain[k]).filter((l) => l !== '');
    lengths.push(segment.join('').length);
    if (!SENTENCE_END.test(segment[segment.length - 1] ?? '')) midSentence++;
  }
  const sorted = [...lengths].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const boundaries = chain.length - 1;
  if (median < MIN_CHUNK_LENGTH || midSentence === 0 || midSentence * 2 < boundaries) return null;
  return chain;
}

/** Join page chunks back into running text: markers dropped, no line break at a boundary. */
function joinChunks(lines: string[], chain: number[]): string[] {
  const starts = new Set(chain);
  const out: string[] = [];
  lines.forEach((line, index) => {
    if (!starts.has(index)) {
      out.push(line);
      return;
    }
    const rest = line.replace(CHUNK_MARKER, '');
    if (index === chain[0]) {
      out.push(rest);
      return;
    }
    // Drop the blank lines the site put between chunks, then continue the previous line.
    while (out.length > 0 && out[out.length - 1] === '') out.pop();
    const last = out.length - 1;
    if (last >= 0) out[last] = `${out[last] ?? ''}${rest}`;
    else out.push(rest);
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Extraction damage

/** Non-breaking spaces some mirrors turned into `?`: whole lines of them, and runs at a line's start. */
const NBSP_MARKS = /^[?？\s]+(?=\S|$)|(?<=\s)[?？]{2,}(?=\s|$)/gu;

/** Running heads and feet a Word-to-text extraction left inline: `.页眉.教育局年度工作思路页脚.` repeated. */
const PAGE_HEADER_RESIDUE = /\.*页眉\.*[^。\n]{0,60}?页脚\.*/gu;

/**
 * Host-page sentences a sharing site glued into a chunk of document text: the editor's note
 * (…小编为大家整理的…欢迎大家阅读与借鉴。), the copyright notice, an inline page counter.
 * Only on long lines: a line that is nothing but the note is dropped whole as a noise line.
 */
const INLINE_NOISE = [
  /[^。！!]{0,40}为大家(?:整理|收集|精心|搜集|带来)[^。！!]{0,120}?(?:供大家参考|欢迎阅读|仅供参考|欢迎借鉴|欢迎大家[^。！!]{0,12}|希望对[^。！!]{0,12}帮助)[。！!]?/gu,
  /本资料来源[^。]{0,40}(?:侵权|删除)[^。]{0,40}。/gu,
  /第\s*\d+\s*页\s*[\/／,，]?\s*共\s*\d+\s*页/gu,
];
const INLINE_NOISE_MIN_LINE = 150;

function stripInlineNoise(line: string): string {
  if (line.length < INLINE_NOISE_MIN_LINE || !/为大家|本资料来源|页/u.test(line)) return line;
  return INLINE_NOISE.reduce((l, re) => l.replace(re, ''), line);
}

/** A line that is only a number, which PDF extraction split from its unit: `2016` / `年教育局工作要点`. */
const LONE_NUMBER = /^\d{1,4}$/u;
const UNIT_START = /^[年月日%％个所人万亿元名项]/u;

/** Joins a number standing alone on its line with the unit that opens the next line. */
export function joinNumberLines(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1];
    if (LONE_NUMBER.test(line) && next !== undefined && UNIT_START.test(next)) {
      out.push(`${line}${next}`);
      i++;
    } else out.push(line);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Inserted pinyin

/** A tone-marked pinyin syllable in brackets straight after a character: 學(xué), 臨湘（xiāng）. */
const INSERTED_PINYIN = /(?<=\p{Script=Han})[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]/gu;
/** Mirrors insert pinyin all through a text; one annotated character is the writer's own. */
const MIN_INSERTED_PINYIN = 3;

/** Removes the pinyin some mirrors insert after characters (學(xué)前 → 學前), when there is a run of it. */
export function stripInsertedPinyin(text: string): { text: string; removed: number } {
  const count = text.match(INSERTED_PINYIN)?.length ?? 0;
  if (count < MIN_INSERTED_PINYIN) return { text, removed: 0 };
  return { text: text.replace(INSERTED_PINYIN, ''), removed: count };
}

// ---------------------------------------------------------------------------------------------
// The stage

/** A line that reads as body text rather than a title or banner: long, or a full sentence. */
function isBodyLike(line: string): boolean {
  return line.length > 60 || line.includes('。');
}

/**
 * Strip host-page noise (sharing-site banners and trailers, template-site notes, portal footers),
 * tidy title lines at the top, join page chunks, trim lines and collapse blank runs.
 */
export function cleanText(text: string): CleanResult {
  const pinyin = stripInsertedPinyin(text);
  // Indentation carries no meaning in these sources (and four spaces would make a Markdown code block).
  const original = joinNumberLines(
    pinyin.text
      .replace(/\r\n?/gu, '\n')
      .split('\n')
      .map((l) => stripInlineNoise(l.replace(NBSP_MARKS, '').replace(PAGE_HEADER_RESIDUE, '')).trim()),
  );
  const noise = original.map(() => false);

  // Trailer: from 展开阅读全文 on, the site's own lists, until something that reads as document text again.
  const trailer = original.findIndex((l) => TRAILER_START.test(l));
  if (trailer >= 0) {
    for (let i = trailer; i < original.length; i++) {
      const line = original[i] ?? '';
      if (i > trailer && (isBodyLike(line) || HEADING_START.test(line))) break;
      noise[i] = true;
    }
  }

  // Footer block: the trailing lines that are all footer lines, if one of them is surely a footer.
  const footer: number[] = [];
  for (let i = original.length - 1; i >= 0; i--) {
    const line = original[i] ?? '';
    if (noise[i] || line === '') continue;
    if (!isWeakFooter(line) && !isStrongFooter(line)) break;
    footer.push(i);
  }
  if (footer.some((i) => isStrongFooter(original[i] ?? '') || SITE_ONLY_FOOTER.test(original[i] ?? ''))) {
    for (const i of footer) noise[i] = true;
  }

  original.forEach((line, i) => {
    if (isNoiseLine(line)) noise[i] = true;
  });

  const removed = original.filter((line, i) => noise[i] && line !== '');
  if (pinyin.removed > 0) removed.push(`inserted pinyin (${pinyin.removed} syllables)`);
  const hints = removed.map(titleHint).filter((hint): hint is string => hint !== null).map(normalizeTitle);
  let lines = original.filter((_, i) => !noise[i]);

  // Head: title lines before the body lose file extensions and promotion suffixes; repeats go.
  const bodyStart = lines.findIndex(isBodyLike);
  const headEnd = bodyStart < 0 ? lines.length : bodyStart;
  const seen = new Set<string>();
  const head: string[] = [];
  for (const line of lines.slice(0, headEnd)) {
    let title = line;
    const extension = FILE_EXTENSION.exec(title);
    if (extension && title.length <= 150) {
      removed.push(extension[0]);
      hints.push(title.slice(0, -extension[0].length));
      title = title.slice(0, -extension[0].length);
    }
    const suffix = promoSuffix(title);
    if (suffix && title.length <= 150) {
      removed.push(suffix.trim());
      title = title.slice(0, -suffix.length);
    }
    if (title !== '' && seen.has(title)) {
      removed.push(line);
      continue;
    }
    seen.add(title);
    head.push(title);
  }
  lines = [...head, ...lines.slice(headEnd)];

  const chain = findChunks(lines);
  if (chain) {
    const last = lines[chain[chain.length - 1] ?? 0]?.match(CHUNK_MARKER)?.[0] ?? '';
    removed.push(`page-chunk markers 1、…${last} (${chain.length} chunks joined)`);
    lines = unglueTitle(joinChunks(lines, chain), head, hints, removed);
  }

  const collapsed = lines.join('\n').replace(/\n{3,}/gu, '\n\n').replace(/^\n+|\n+$/gu, '');
  return { text: collapsed === '' ? '' : `${collapsed}\n`, removed };
}

/**
 * A sharing site's first chunk starts with the title glued to the body: `…实施方案为巩固…`.
 * When the title is already a line above, drop the copy; otherwise put it on its own line.
 */
function unglueTitle(lines: string[], head: string[], hints: string[], removed: string[]): string[] {
  const bodyIndex = lines.findIndex(isBodyLike);
  const body = lines[bodyIndex];
  if (body === undefined) return lines;
  const headTitles = head.filter((l) => l !== '');
  for (const title of [...headTitles, ...hints]) {
    if (title.length < 6 || !body.startsWith(title) || body.length === title.length) continue;
    const rest = body.slice(title.length).trimStart();
    const out = [...lines];
    if (headTitles.includes(title)) {
      removed.push(title);
      out[bodyIndex] = rest;
    } else {
      out.splice(bodyIndex, 1, title, '', rest);
    }
    return out;
  }
  return lines;
}
