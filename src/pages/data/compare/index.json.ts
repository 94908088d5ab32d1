import type { APIRoute } from 'astro';
import { getComparisons } from '../../../astro/data.ts';

export const GET: APIRoute = async () => Response.json((await getComparisons()).picker);
