/**
 * Ids that carry meaning, branded so that one cannot be passed for another (as Quartz brands
 * FullSlug and SimpleSlug): a document's slug is its file name and the path of its page, and is
 * made only from a file name (`docSlug`) or taken from a document. A plain string at run time.
 * Names have their own brand (`Slug`, src/site/paths.ts): the two are different URL segments.
 */

/** A document's slug: its policy file's name without `.md` (`jiyuan-2018-gongzuo-yaodian`). */
export type DocSlug = string & { readonly __brand: 'DocSlug' };

/** The slug of the policy file at `fileName` (`x.md` or `x`). */
export function docSlug(fileName: string): DocSlug {
  return fileName.replace(/^.*\//u, '').replace(/\.md$/u, '') as DocSlug;
}
