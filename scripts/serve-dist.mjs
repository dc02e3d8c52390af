// A minimal static file server for the built app (dist/), used by the
// end-to-end tests and the benchmark. No fallback routes: view state lives in
// the query string. Usage: node scripts/serve-dist.mjs [dir] [port]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8', '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png',
};

/** Starts serving `dir` on 127.0.0.1:`port` (0 = any free port); resolves to the server.
 * With `gzip`, every file is sent gzip-compressed, as a static host would (the benchmark's transfer sizes). */
export function serve(dir, port = 0, { gzip = false } = {}) {
  const root = resolve(dir);
  const compressed = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      if (gzip) {
        if (!compressed.has(file)) compressed.set(file, gzipSync(await readFile(file), { level: 6 }));
        res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'cache-control': 'no-cache' });
        res.end(compressed.get(file));
        return;
      }
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'dist', port = '8080'] = process.argv.slice(2);
  const server = await serve(dir, Number(port));
  console.log(`Serving ${dir} at http://127.0.0.1:${server.address().port}/`);
}
