/**
 * The HTML of a policy document's body, rendered when its page is built, by Astro's own
 * Markdown processor with the site's settings and plugins (src/astro/markdown-options.ts), from
 * the file as Astro's loader would read it. The collection does not store rendered bodies
 * (src/astro/policy-loader.ts says why).
 *
 * Rendered bodies are cached on disk (`<cache>/policy-bodies/<pipeline>/<file hash>.html`), so a
 * rebuild renders only the files that changed. The pipeline key is a hash of everything else the
 * HTML depends on: the source of this module and of every module it imports (the plugins, the
 * schema, the unit and place rules; not the indexes, exports or page scripts), the vocabularies,
 * the installed packages (package-lock.json) and the site's address and base path; a change to any
 * of them starts a new folder and removes the old ones.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor, type MarkdownProcessor } from '@astrojs/markdown-remark';
import { VOCAB_DIR } from '../ingest/vocab.ts';
import { validatedPolicy } from '../markdown/policy-file.ts';
import { moduleClosure } from './module-closure.ts';
import { policyFile, sha256 } from './policy-files.ts';
import { escapeHtml } from '../site/html.ts';
import { writeAtomic } from '../ingest/write.ts';
import { CACHE_DIR } from './content-dirs.ts';
import { siteMarkdownConfig } from './markdown-options.ts';
import { SITE } from './settings.ts';

/** The module that renders bodies: with what it imports, the code that shapes the HTML (read from the project root, where builds run). */
const RENDERER = 'src/astro/policy-body.ts';

let processor: Promise<MarkdownProcessor> | null = null;
let cacheDir: string | null | undefined;

/** The hash of the pipeline, or null when its sources are not where a build expects them. */
export function pipelineKey(root = process.cwd()): string | null {
  const hash = createHash('sha256');
  const modules = moduleClosure(root, [RENDERER]);
  const vocab = join(root, VOCAB_DIR);
  if (modules === null || !existsSync(vocab)) return null;
  for (const file of modules) hash.update(`${file}\0`).update(readFileSync(join(root, file))).update('\0');
  for (const name of readdirSync(vocab, { recursive: true, encoding: 'utf8' }).sort()) {
    if (!/\.(?:json|ya?ml|txt)$/u.test(name)) continue;
    hash.update(`${VOCAB_DIR}/${name}\0`).update(readFileSync(join(vocab, name))).update('\0');
  }
  const lock = join(root, 'package-lock.json');
  if (!existsSync(lock)) return null;
  return hash.update(readFileSync(lock)).update(`\0${SITE.origin ?? ''}\0${SITE.basePath}`).digest('hex').slice(0, 16);
}

/** This build's cache folder (made, and older pipelines' folders removed, on first use), or null. */
function bodyCache(): string | null {
  if (cacheDir !== undefined) return cacheDir;
  const key = pipelineKey();
  if (key === null) return (cacheDir = null);
  const base = join(CACHE_DIR, 'policy-bodies');
  mkdirSync(join(base, key), { recursive: true });
  for (const old of readdirSync(base)) if (old !== key) rmSync(join(base, old), { recursive: true, force: true });
  return (cacheDir = join(base, key));
}

/** The body of the policy file at `filePath` (as the collection entry gives it) as HTML. */
export async function renderPolicyBody(filePath: string): Promise<string> {
  const path = resolve(filePath);
  const file = policyFile(path);
  const dir = bodyCache();
  // The path is part of the key: the processor is told the file's URL.
  const cached = dir === null ? null : join(dir, `${sha256(`${path}\0${file.hash}`)}.html`);
  if (cached !== null && existsSync(cached)) return readFileSync(cached, 'utf8');
  processor ??= createMarkdownProcessor(siteMarkdownConfig());
  const result = await (await processor).render(file.body.trim(), {
    // Validated when the file was checked: the policy plugins take it without validating again.
    frontmatter: file.data ? validatedPolicy(file.data) : {},
    // @ts-expect-error fileURL is read by Astro's processor but missing from its public type.
    fileURL: pathToFileURL(path),
  });
  const html = withoutLocalImages(result.code);
  if (cached !== null) writeAtomic(cached, html);
  return html;
}

/**
 * Astro's processor leaves a placeholder for an image beside the file (`![图](./a.png)`), to be
 * filled by its asset pipeline, which a body rendered here does not pass through; the knowledge
 * base keeps no images anyway (the ingest reads text). Each becomes a visible note with its alt
 * text, rather than a broken image.
 */
export function withoutLocalImages(html: string): string {
  return html.replace(/<img __ASTRO_IMAGE_="([^"]*)"[^>]*>/gu, (_all, json: string) => {
    let alt = '';
    try {
      alt = String((JSON.parse(json.replace(/&#x22;/gu, '"').replace(/&quot;/gu, '"').replace(/&#x26;|&amp;/gu, '&')) as { alt?: unknown }).alt ?? '');
    } catch {
      // An unreadable placeholder still becomes the note, without its alt text.
    }
    return `<span class="policy-image-missing">［图片未收录${alt ? `：${escapeHtml(alt)}` : ''}］</span>`;
  });
}
