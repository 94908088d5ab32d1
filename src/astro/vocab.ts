/**
 * Loads what the site needs from content/vocab/: the theme vocabulary and the role namer of
 * units (gazetteer and unit aliases). The only module of the site that reads vocabularies.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadYaml } from '../format/frontmatter.ts';
import type { Gazetteer } from '../vocab/places.ts';
import { parseThemeTable, ThemeMatcher, type Theme } from '../vocab/themes.ts';
import { loadWordSegmenter } from './word-segmenter.ts';
import { placeNamesOf, unitNamer, type BodyNamer, type RoleNamer, type UnitNamer } from '../index/unit-directory.ts';
import { placeLevelsOf, type PlaceLevels } from '../index/reference-index.ts';
import { loadUnitAliases, VOCAB_DIR } from '../ingest/vocab.ts';

/** The themes of content/vocab/themes.yaml; errors name the file, the theme and the fix. */
export function loadThemes(dir = VOCAB_DIR): Theme[] {
  const file = join(dir, 'themes.yaml');
  let data: unknown;
  try {
    data = loadYaml(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: not valid YAML (${(e as Error).message.split('\n')[0]}): fix the indentation or quoting`);
  }
  return parseThemeTable(data, file);
}

/** The unit namers over the gazetteer and the unit alias table: role (济源市教育局 → 市教育局) and body (市财政局 in a 济源 document → 济源市财政局). */
export function loadUnitNamer(dir = VOCAB_DIR): UnitNamer {
  const gazetteer = JSON.parse(readFileSync(join(dir, 'places.json'), 'utf8')) as Gazetteer;
  return unitNamer(placeNamesOf(gazetteer), loadUnitAliases(dir));
}

/** The role namer over the gazetteer and the unit alias table (济源市教育局 → 市教育局). */
export function loadRoleNamer(dir = VOCAB_DIR): RoleNamer {
  return loadUnitNamer(dir).role;
}

/** Place names of the gazetteer by level (省, 市, 县), for the levels of cited documents. */
export function loadPlaceLevels(dir = VOCAB_DIR): PlaceLevels {
  return placeLevelsOf(JSON.parse(readFileSync(join(dir, 'places.json'), 'utf8')) as Gazetteer);
}

/** The vocabularies, ready for the site index and the Markdown pipeline. */
export function loadSiteVocabulary(dir = VOCAB_DIR): { themes: ThemeMatcher; roleOf: RoleNamer; bodyOf: BodyNamer; placeLevels: PlaceLevels } {
  const themes = loadThemes(dir);
  const units = loadUnitNamer(dir);
  return { themes: new ThemeMatcher(themes, loadWordSegmenter(themes)), roleOf: units.role, bodyOf: units.body, placeLevels: loadPlaceLevels(dir) };
}
