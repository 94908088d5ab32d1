/**
 * Loads the editable vocabularies under content/vocab/ from disk.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadYaml } from '../format/frontmatter.ts';
import { PlaceIndex, type Gazetteer } from '../vocab/places.ts';
import { parseAliasTable, type AliasTable } from '../extract/units.ts';

export const VOCAB_DIR = 'content/vocab';

/** The gazetteer of content/vocab/places.json as a lookup index. */
export function loadPlaces(dir = VOCAB_DIR): PlaceIndex {
  const file = join(dir, 'places.json');
  return new PlaceIndex(JSON.parse(readFileSync(file, 'utf8')) as Gazetteer);
}

/** The unit alias table of content/vocab/unit-aliases.yaml; errors name the file. */
export function loadUnitAliases(dir = VOCAB_DIR): AliasTable {
  const file = join(dir, 'unit-aliases.yaml');
  let data: unknown;
  try {
    data = loadYaml(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: not valid YAML (${(e as Error).message.split('\n')[0]}): fix the indentation or quoting`);
  }
  return parseAliasTable(data, file);
}
