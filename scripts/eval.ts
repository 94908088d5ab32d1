/**
 * npm run eval -- [CORPUS_DIR] [--verbose]
 *
 * Scores the ingest on a labelled corpus: runs `npm run ingest -- --json` over CORPUS_DIR/raw (or
 * the folder itself) and hands the output to the corpus's scorer with CORPUS_DIR/truth.json, which
 * prints a line per document and the overall `SCORE …` line. Default corpus: ../shared/corpus/dev.
 * Without the corpus folder it says it skipped and exits 0 (a clone without ../shared).
 *
 * The scorer is the corpus's own `tools/score_ingest.py`, run with python3, not a port: the
 * figures are the ones the project is judged by, and a copy in TypeScript could drift from them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const USAGE = 'usage: npm run eval -- [CORPUS_DIR] [--scorer FILE] [--verbose]';
const DEFAULT_CORPUS = '../shared/corpus/dev';

interface Options {
  corpus: string;
  scorer: string | null;
  verbose: boolean;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { corpus: DEFAULT_CORPUS, scorer: null, verbose: false };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--verbose') o.verbose = true;
    else if (a === '--scorer') {
      const v = argv[++i];
      if (!v) throw new Error(`--scorer needs a file name\n${USAGE}`);
      o.scorer = v;
    } else if (a === '-h' || a === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else if (a.startsWith('--')) throw new Error(`unknown option ${a}\n${USAGE}`);
    else rest.push(a);
  }
  if (rest.length > 1) throw new Error(`one corpus folder at a time\n${USAGE}`);
  if (rest[0]) o.corpus = rest[0];
  return o;
}

function main(): number {
  let opts: Options;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`eval: ${(e as Error).message}`);
    return 2;
  }
  const corpus = resolve(opts.corpus);
  if (!existsSync(corpus) || !statSync(corpus).isDirectory()) {
    console.log(`eval: skipped: no corpus folder at ${corpus} (give one: ${USAGE})`);
    return 0;
  }
  const truth = join(corpus, 'truth.json');
  if (!existsSync(truth)) {
    console.error(`eval: ${corpus} has no truth.json: a corpus folder holds truth.json and the documents (in raw/ or beside it)`);
    return 1;
  }
  // The corpus layout of ../shared: corpus/<name>/{raw,truth.json} and tools/score_ingest.py.
  const scorer = resolve(opts.scorer ?? join(corpus, '..', '..', 'tools', 'score_ingest.py'));
  if (!existsSync(scorer)) {
    console.error(`eval: no scorer at ${scorer}: give it with --scorer FILE`);
    return 1;
  }
  const docs = existsSync(join(corpus, 'raw')) ? join(corpus, 'raw') : corpus;

  const ingest = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'ingest.ts'), '--json', docs], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Exit 1 only means some documents failed: they are in the JSON with their error and score 0.
  if (ingest.status !== 0 && ingest.status !== 1) {
    console.error(ingest.stderr);
    console.error(`eval: the ingest stopped (exit ${ingest.status ?? ingest.signal})`);
    return 1;
  }
  const failures = ingest.stderr.split('\n').filter((l) => l.startsWith('error: '));
  for (const f of failures) console.log(f);

  const dir = mkdtempSync(join(tmpdir(), 'policy-kb-eval-'));
  try {
    const pred = join(dir, 'pred.json');
    writeFileSync(pred, ingest.stdout);
    const score = spawnSync('python3', [scorer, truth, pred, ...(opts.verbose ? ['--verbose'] : [])], { stdio: 'inherit' });
    if (score.error) {
      console.error(`eval: cannot run python3 (${score.error.message}): the scorer ${scorer} needs Python 3`);
      return 1;
    }
    return score.status ?? 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = main();
