// Trunk's post-build hook, second step (scripts/post-build.mjs): writes into
// the service worker (public/sw.js, copied by Trunk) the files of the app
// shell it keeps for use offline, and the build they belong to. The build id is
// a hash of those files, so every build that changes one is a new worker with a
// cache of its own, and the old shell is deleted when it takes over.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The shell's files in the built folder `dir`: every top-level file but the worker itself, the standalone
 * pages (`pages/*.html`) and the first views' copies (`first-view/*.js`, scripts/first-view.mjs). */
export function shellFiles(dir) {
  const files = (folder, ending) => (existsSync(join(dir, folder))
    ? readdirSync(join(dir, folder)).filter((name) => name.endsWith(ending)).map((name) => `${folder}/${name}`)
    : []);
  const top = readdirSync(dir).filter((name) => name !== 'sw.js' && statSync(join(dir, name)).isFile());
  return [...top, ...files('pages', '.html'), ...files('first-view', '.js')].sort();
}

/** The worker's source with the shell `files` of `dir` and their build id written in. */
export function writeShell(source, dir, files) {
  if (!source.includes("'__BUILD__'") || !source.includes("['__SHELL__']")) {
    throw new Error('offline.mjs: sw.js has no __BUILD__ or __SHELL__ to fill in');
  }
  if (!files.includes('index.html')) throw new Error(`offline.mjs: ${dir} has no index.html`);
  const hash = createHash('sha256');
  for (const name of files) hash.update(name).update('\0').update(readFileSync(join(dir, name))).update('\0');
  const build = hash.digest('hex').slice(0, 16);
  return source.replace("'__BUILD__'", JSON.stringify(build)).replace("['__SHELL__']", JSON.stringify(files));
}

/** Fills in the worker of the built folder `dir`. */
export function offline(dir) {
  const worker = join(dir, 'sw.js');
  const files = shellFiles(dir);
  writeFileSync(worker, writeShell(readFileSync(worker, 'utf8'), dir, files));
  return files;
}
