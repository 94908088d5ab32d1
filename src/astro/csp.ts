/**
 * The Content-Security-Policy of every page, as Astro's CSP support takes it (astro.config.mjs).
 * Astro writes it as a `<meta http-equiv="content-security-policy">` in each page's head, adding
 * to `script-src` and `style-src` the hashes of the scripts and styles it bundled or inlined, so
 * only the site's own code runs: document text that slipped through as markup, or an original
 * served as a page, could not run a script, load a frame, or take the page elsewhere.
 */

import type { AstroUserConfig } from 'astro';

type CspOption = Exclude<NonNullable<AstroUserConfig['experimental']>['csp'], boolean | undefined>;
type Directive = NonNullable<CspOption['directives']>[number];

/** Directives besides script-src and style-src (those Astro writes with its hashes). */
export const CSP_DIRECTIVES: Directive[] = [
  "default-src 'self'",
  "img-src 'self' data:",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** Sources of scripts besides Astro's hashes: the site's own files, and Pagefind's WebAssembly (search). */
export const CSP_SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"];

/** The `experimental.csp` option of astro.config.mjs. */
export const cspConfig: CspOption = {
  algorithm: 'SHA-256',
  directives: CSP_DIRECTIVES,
  scriptDirective: { resources: CSP_SCRIPT_SOURCES },
  styleDirective: { resources: ["'self'"] },
};
