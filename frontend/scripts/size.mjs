// First load of 总览, gzip'd: index.html, the entry chunk and its CSS, the overview chunk and every chunk it
// imports statically (from Vite's manifest). Prints each file and the total; exits 1 over the 300 KB budget.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET = 300 * 1024;
const manifest = JSON.parse(readFileSync('dist/.vite/manifest.json', 'utf8'));
const files = new Set(['index.html']);
function add(key) {
  const c = manifest[key];
  if (!c) return;
  if (files.has(c.file)) return;
  files.add(c.file);
  (c.css ?? []).forEach((f) => files.add(f));
  (c.imports ?? []).forEach(add);
}
add('index.html');
add('src/views/overview.ts');
let total = 0;
for (const f of files) {
  const bytes = readFileSync(`dist/${f}`);
  const gz = gzipSync(bytes, { level: 9 }).length;
  total += gz;
  console.log(`${String(gz).padStart(8)}  ${String(bytes.length).padStart(8)}  ${f}`);
}
console.log(`${String(total).padStart(8)}  gzip total, first load of 总览 (budget ${BUDGET})`);
if (total > BUDGET) process.exit(1);
