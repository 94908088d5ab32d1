/**
 * What the policy plugins know about the file they transform: its frontmatter, validated
 * with the policy schema, and its slug. Astro puts the (unvalidated) frontmatter in
 * `file.data.astro.frontmatter`; tests put it there the same way.
 */
import type { VFile } from 'vfile';
import { policySchema, type PolicyData } from '../format/schema.ts';
import { docSlug, type DocSlug } from '../format/ids.ts';

declare module 'vfile' {
  interface DataMap {
    /** The file's frontmatter as validated policy data, or null when it does not validate. */
    policy: PolicyData | null;
  }
}

// Frontmatter the caller validated already (the build checks every file before rendering it).
// On globalThis, as a registry: the renderer and the plugins may be two copies of this module.
const VALIDATED = Symbol.for('policy-kb.validated-policies');
const validated: WeakSet<object> = ((globalThis as { [VALIDATED]?: WeakSet<object> })[VALIDATED] ??= new WeakSet());

/** Marks data as validated policy frontmatter, so the plugins use it as it is. */
export function validatedPolicy(data: PolicyData): PolicyData {
  validated.add(data);
  return data;
}

/** The validated frontmatter of a policy file, parsed once per file; null (with a message on the file) when invalid. */
export function policyOf(file: VFile): PolicyData | null {
  if (file.data.policy !== undefined) return file.data.policy;
  const astro = (file.data as { astro?: { frontmatter?: unknown } }).astro;
  const given = astro?.frontmatter;
  if (typeof given === 'object' && given !== null && validated.has(given)) return (file.data.policy = given as PolicyData);
  const parsed = policySchema.safeParse(astro?.frontmatter ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(frontmatter)'}: ${i.message}`).join('; ');
    file.message(`frontmatter is not a valid policy document (${problems}): measures are rendered without links`, {
      ruleId: 'invalid-frontmatter',
      source: 'policy-kb',
    });
  }
  file.data.policy = parsed.success ? parsed.data : null;
  return file.data.policy;
}

/** The document's slug: its file name without `.md` (the content collection's id). */
export function slugOf(file: VFile): DocSlug | null {
  return file.stem ? docSlug(file.stem) : null;
}
