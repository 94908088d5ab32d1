/**
 * The file types the ingest reads. Apart from src/ingest/read.ts so that the CLI can pick the
 * files of a folder without loading the readers (the HTML parser, mammoth, iconv).
 */
const EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.docx'] as const;
export type SupportedExtension = (typeof EXTENSIONS)[number];
/** File extensions the ingest reads, lower case, with the dot. Typed loosely so `includes(anyString)` compiles. */
export const SUPPORTED_EXTENSIONS: readonly string[] = EXTENSIONS;

export type SourceFormat = 'txt' | 'md' | 'html' | 'docx';

/** The format each supported extension is read as. */
export const FORMAT_OF: Record<SupportedExtension, SourceFormat> = {
  '.txt': 'txt',
  '.md': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.docx': 'docx',
};

/** Whether the ingest reads files with this extension (lower case, with the dot). */
export function isSupported(ext: string): ext is SupportedExtension {
  return (EXTENSIONS as readonly string[]).includes(ext);
}
