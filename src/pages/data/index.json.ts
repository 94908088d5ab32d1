import type { APIRoute } from 'astro';
import { apiIndexFile } from '../../lib/data-files.ts';
import { getDataContext, respond } from '../../site/data.ts';

export const GET: APIRoute = async () => respond(apiIndexFile(await getDataContext()));
