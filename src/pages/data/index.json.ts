import type { APIRoute } from 'astro';
import { apiIndexFile } from '../../data-api/data-files.ts';
import { getDataContext, respond } from '../../astro/data.ts';

export const GET: APIRoute = async () => respond(apiIndexFile(await getDataContext()));
