// Preloaded into every Node process of a test build (NODE_OPTIONS=--import): counts the reads of
// policy files (*.md under POLICY_DIR or content/policies) and writes them, per process, to
// READ_LOG_DIR/<pid>.json when the process exits. tests/build-reads.test.ts reads the logs.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { join, resolve } from 'node:path';

const logDir = process.env.READ_LOG_DIR;
const policies = resolve(process.env.POLICY_DIR || 'content/policies');
const reads = new Map();

function note(path) {
  if (typeof path !== 'string' && !(path instanceof URL)) return;
  const abs = resolve(path instanceof URL ? path.pathname : path);
  if (abs.startsWith(policies + '/') && abs.endsWith('.md')) reads.set(abs, (reads.get(abs) ?? 0) + 1);
}
const wrap = (object, name) => {
  const original = object[name];
  object[name] = function (path, ...rest) {
    note(path);
    return original.call(this, path, ...rest);
  };
};
if (logDir) {
  wrap(fs, 'readFileSync');
  wrap(fs, 'readFile');
  wrap(fs.promises, 'readFile');
  syncBuiltinESMExports();
  process.on('exit', () => {
    if (reads.size === 0) return;
    fs.mkdirSync(logDir, { recursive: true });
    fs.writeFileSync(join(logDir, `${process.pid}.json`), JSON.stringify({ argv: process.argv.slice(1), reads: Object.fromEntries(reads) }));
  });
}
