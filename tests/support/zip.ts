/**
 * A minimal zip writer for hostile .docx fixtures: real deflate, real CRC, and sizes in the
 * headers that can be made to lie. Parts are given as a byte count of repeated text, so a bomb
 * of hundreds of megabytes is made in chunks and never held whole in memory.
 */
import { crc32, deflateRawSync, createDeflateRaw } from 'node:zlib';

export interface ZipPart {
  name: string;
  /** The part's text, or a repeated chunk and the number of bytes it makes up. */
  content: string | { chunk: string; bytes: number };
  /** The uncompressed size written in the headers, when it should lie. */
  declaredSize?: number;
}

async function deflatePart(content: ZipPart['content']): Promise<{ data: Buffer; crc: number; size: number }> {
  if (typeof content === 'string') {
    const raw = Buffer.from(content, 'utf8');
    return { data: deflateRawSync(raw), crc: crc32(raw), size: raw.length };
  }
  const chunk = Buffer.from(content.chunk.repeat(Math.max(1, Math.floor(2 ** 20 / Buffer.byteLength(content.chunk)))), 'utf8');
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve) => deflate.on('end', resolve));
  let crc = 0;
  let size = 0;
  while (size < content.bytes) {
    const piece = chunk.subarray(0, Math.min(chunk.length, content.bytes - size));
    crc = crc32(piece, crc);
    size += piece.length;
    if (!deflate.write(piece)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return { data: Buffer.concat(out), crc, size };
}

/** The bytes of a zip archive of `parts`, deflated. */
export async function zipArchive(parts: ZipPart[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const { data, crc, size } = await deflatePart(part.content);
    const name = Buffer.from(part.name, 'utf8');
    const declared = part.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const PARAGRAPH = '<w:p><w:r><w:t>加强教师队伍建设，完善中小学教师交流轮岗制度。</w:t></w:r></w:p>';

/** A .docx whose document part is `bytes` of repeated paragraphs; `declaredSize` makes its headers lie. */
export async function docxOfSize(bytes: number, declaredSize?: number): Promise<Buffer> {
  const open = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
  const body = Math.max(0, bytes - open.length - 30);
  return zipArchive([
    { name: '[Content_Types].xml', content: CONTENT_TYPES },
    { name: '_rels/.rels', content: RELS },
    { name: 'word/document.xml', content: `${open}${PARAGRAPH.repeat(Math.max(1, Math.floor(body / Buffer.byteLength(PARAGRAPH))))}</w:body></w:document>`, declaredSize },
  ]);
}

/** A zip bomb shaped as a .docx: a document part of `bytes` repeated paragraphs, never valid XML (it is never meant to be read). */
export async function docxBomb(bytes: number): Promise<Buffer> {
  return zipArchive([
    { name: '[Content_Types].xml', content: CONTENT_TYPES },
    { name: '_rels/.rels', content: RELS },
    { name: 'word/document.xml', content: { chunk: PARAGRAPH, bytes } },
  ]);
}
