// Publishing newer figures into a copy of dist/data, as `prepare` would: for the
// tests of data releases (release.test.mjs, session.test.mjs).
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

/** The release id the newer figures are published under. */
export const NEWER = 'fedcba987654';

/** Publishes Camden's burglaries each month plus 100 in the data folder `data` under release NEWER: the file, the
 * manifest with its new size and hash, and (as `prepare` keeps every release) a copy in `releases/NEWER/`. Returns the new file. */
export function publishNewerFigures(data) {
  const readJson = (name) => JSON.parse(readFileSync(join(data, name), 'utf8'));
  const file = readJson('crime-borough-burglary.json');
  const row = file.areas.indexOf('E09000007');
  for (const series of file.series) series.values[row] = series.values[row].map((v) => (v === null ? null : v + 100));
  const text = JSON.stringify(file);
  writeFileSync(join(data, 'crime-borough-burglary.json'), text);
  const manifest = readJson('manifest.json');
  manifest.release = NEWER;
  Object.assign(manifest.outputs.find((o) => o.path === 'crime-borough-burglary.json'),
    { bytes: Buffer.byteLength(text), sha256: createHash('sha256').update(text).digest('hex') });
  writeFileSync(join(data, 'manifest.json'), JSON.stringify(manifest));
  const folder = join(data, 'releases', NEWER);
  mkdirSync(folder, { recursive: true });
  for (const name of readdirSync(data)) if (/\.(json|csv)$/.test(name)) cpSync(join(data, name), join(folder, name));
  return file;
}
