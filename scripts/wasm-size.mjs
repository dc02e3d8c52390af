// What the app's wasm is made of: the bytes of its code by crate and by module
// of our own crates, its data, and the largest functions. It reads a wasm that
// keeps its function names, built as the release is but with names kept:
//
//   node scripts/wasm-size.mjs            builds target/wasm-size/named.wasm, then reports
//   node scripts/wasm-size.mjs FILE.wasm  reports on FILE.wasm
//
// Function sizes are the bodies in the code section after wasm-opt -Oz, as in
// the release; the name section itself is not counted. Generic code is counted
// where rustc names it, usually the crate of the function, not of its caller.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

function build() {
  const out = 'target/wasm-size';
  mkdirSync(out, { recursive: true });
  const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  run('cargo', ['build', '--release', '--locked', '--target', 'wasm32-unknown-unknown', '-p', 'met-data-explorer']);
  run('wasm-bindgen', ['--keep-debug', '--target', 'web', '--out-dir', out, 'target/wasm32-unknown-unknown/release/met-data-explorer.wasm']);
  const features = ['bulk-memory', 'nontrapping-float-to-int', 'sign-ext', 'mutable-globals', 'reference-types', 'multivalue'];
  run('wasm-opt', ['-Oz', '-g', ...features.map((f) => `--enable-${f}`), `${out}/met-data-explorer_bg.wasm`, '-o', `${out}/named.wasm`]);
  return `${out}/named.wasm`;
}

/** A reader of LEB128 numbers and names over `bytes`. */
function reader(bytes, pos = 0) {
  return {
    get pos() { return pos; },
    set pos(p) { pos = p; },
    u32() {
      let result = 0;
      let shift = 0;
      for (;;) {
        const b = bytes[pos++];
        result += (b & 0x7f) * 2 ** shift;
        shift += 7;
        if (b < 0x80) return result;
      }
    },
    name() {
      const n = this.u32();
      const s = new TextDecoder().decode(bytes.subarray(pos, pos + n));
      pos += n;
      return s;
    },
  };
}

/** The sections of a wasm module, and its functions' names and body sizes. */
export function parse(bytes) {
  const r = reader(bytes, 8);
  const sections = [];
  let imported = 0;
  const sizes = [];
  const names = new Map();
  while (r.pos < bytes.length) {
    const id = bytes[r.pos];
    r.pos += 1;
    const size = r.u32();
    const start = r.pos;
    const end = start + size;
    let label = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'][id] ?? `section ${id}`;
    if (id === 0) {
      const name = r.name();
      label = `custom "${name}"`;
      if (name === 'name') {
        while (r.pos < end) {
          const sub = bytes[r.pos];
          r.pos += 1;
          const subSize = r.u32();
          const subEnd = r.pos + subSize;
          if (sub === 1) {
            const count = r.u32();
            for (let i = 0; i < count; i++) names.set(r.u32(), r.name());
          }
          r.pos = subEnd;
        }
      }
    } else if (id === 2) {
      const count = r.u32();
      for (let i = 0; i < count; i++) {
        r.name();
        r.name();
        const kind = bytes[r.pos];
        r.pos += 1;
        if (kind === 0) { imported += 1; r.u32(); }
        else if (kind === 1) { r.pos += 1; const flags = r.u32(); r.u32(); if (flags & 1) r.u32(); }
        else if (kind === 2) { const flags = r.u32(); r.u32(); if (flags & 1) r.u32(); }
        else if (kind === 3) { r.pos += 2; }
        else { r.pos += 1; }
      }
    } else if (id === 10) {
      const count = r.u32();
      for (let i = 0; i < count; i++) {
        const bodySize = r.u32();
        sizes.push(bodySize);
        r.pos += bodySize;
      }
    }
    sections.push({ label, size });
    r.pos = end;
  }
  const functions = sizes.map((size, i) => ({ name: names.get(imported + i) ?? `function ${imported + i}`, size }));
  return { sections, functions };
}

/** The crate a function's name belongs to, and its module path within our own crates. */
export function owner(name) {
  // `<T as Trait>::f` and `<T>::f` belong to T's crate.
  const path = name.replace(/^<+/, '').replace(/^&(mut )?/, '').replace(/^dyn /, '');
  const crate = /^([A-Za-z_][A-Za-z0-9_]*)/.exec(path)?.[1] ?? name.split(/[:\s]/)[0];
  const parts = path.split('::');
  const own = ['met_core', 'met_data_explorer'].includes(crate);
  return { crate, module: own ? parts.slice(0, 3).join('::').replace(/[<{(].*$/, '') : crate };
}

function table(rows, total, limit) {
  const kb = (n) => `${(n / 1024).toFixed(1).padStart(7)} KB`;
  for (const [key, size] of rows.slice(0, limit)) {
    console.log(`${kb(size)} ${((100 * size) / total).toFixed(1).padStart(5)}%  ${key}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2] ?? build();
  const bytes = readFileSync(file);
  const { sections, functions } = parse(bytes);
  const code = functions.reduce((a, f) => a + f.size, 0);
  const counted = sections.filter((s) => !s.label.startsWith('custom'));
  const size = counted.reduce((a, s) => a + s.size, 0);
  console.log(`== ${file}: ${(size / 1024).toFixed(1)} KB without custom sections, ${functions.length} functions`);
  table(counted.map((s) => [s.label, s.size]).sort((a, b) => b[1] - a[1]), size, 20);
  const by = (key) => {
    const m = new Map();
    for (const f of functions) m.set(key(f), (m.get(key(f)) ?? 0) + f.size);
    return [...m].sort((a, b) => b[1] - a[1]);
  };
  console.log(`\n== code by crate (${(code / 1024).toFixed(1)} KB)`);
  table(by((f) => owner(f.name).crate), code, 30);
  console.log('\n== code by module of our crates');
  table(by((f) => owner(f.name).module).filter(([k]) => k.startsWith('met_')), code, 40);
  console.log('\n== largest functions');
  table(functions.map((f) => [f.name.slice(0, 140), f.size]).sort((a, b) => b[1] - a[1]), code, 30);
  console.log(`\n(gzip of the whole file without names is about ${(gzipSync(bytes).length / 1024).toFixed(0)} KB with names)`);
}
