/**
 * What a document's `source` may say, and how its original is published. Both fields are
 * written by whoever edits a policy file, so both are untrusted: `source.file` names a file
 * the build reads and publishes (it must stay inside the sources folder), and `source.url`
 * becomes a link on the page (it must not run script when clicked).
 */

/** Why `name` is not a plain file name inside the sources folder, or null when it is one. */
export function sourceFileProblem(name: string): string | null {
  if (name.trim() === '') return 'is empty';
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u.test(name)) return 'contains a control character (a line break, a tab…)';
  if (/[/\\]/u.test(name)) return 'contains a folder separator ("/" or "\\")';
  if (name === '.' || name === '..') return `is "${name}", a folder`;
  return null;
}

/** The address when it is an absolute http: or https: URL, else null (javascript:, data:, relative…). */
export function webAddress(url: string): string | null {
  // Browsers drop control characters and spaces inside a scheme (`java\tscript:`): such a URL is refused, not repaired.
  if (/[\u0000-\u0020\u007f-\u009f]/u.test(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? url : null;
}

/**
 * Extensions a browser renders as an active document (script, styles, frames) when served
 * from the site's origin. An original of these kinds is published as text, never as a page.
 */
const ACTIVE = new Set(['.html', '.htm', '.xhtml', '.xht', '.shtml', '.svg', '.svgz', '.xml', '.xsl', '.xslt', '.mht', '.mhtml', '.hta', '.js', '.mjs']);

const extension = (name: string): string => /\.[^.]*$/u.exec(name)?.[0].toLowerCase() ?? '';

/** True when an original of this name would be active content if published as it is. */
export function isActiveOriginal(name: string): boolean {
  return ACTIVE.has(extension(name));
}

/**
 * The name an original is published under in /sources/: its own name, or, for an active kind
 * (a saved web page), the name with `.txt` added, which static hosts serve as text/plain, so its
 * scripts, styles and frames are shown as text and never run or load.
 */
export function publishedSourceName(name: string): string {
  return isActiveOriginal(name) ? `${name}.txt` : name;
}

/** What the original was, for the policy page, when it is not published as it is (else null). */
export function originalNote(name: string): string | null {
  if (!isActiveOriginal(name)) return null;
  const kind = ['.html', '.htm', '.xhtml', '.xht', '.shtml', '.mht', '.mhtml'].includes(extension(name)) ? '网页' : `${extension(name).slice(1).toUpperCase()} 文件`;
  return `原件为${kind}（${name}），为安全起见以纯文本发布，不作为网页打开`;
}
