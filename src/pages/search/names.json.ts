/** /search/names.json: the unit and theme names the search box finds (src/search/names.ts). */
import type { APIRoute } from 'astro';
import { getSearchNames } from '../../astro/data.ts';

export const GET: APIRoute = async () => new Response(JSON.stringify(await getSearchNames()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
