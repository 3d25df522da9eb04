// Builds the single self-contained HTML file of the app (opens from file://, no server):
// the page, its script, the wasm, ICU data, fonts, schema and samples all inlined.
//   node scripts/single_file.mjs DIST_DIR OUT_FILE
// Data travels as base64 in inert <script type="application/x-goldspan"> blocks; the two
// executable scripts are allowed by their SHA-256 hashes in the page's CSP.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const [dist, out] = process.argv.slice(2);
if (!dist || !out) throw new Error('usage: single_file.mjs DIST_DIR OUT_FILE');
const read = (f) => readFileSync(join(dist, f));
const manifest = JSON.parse(read('manifest.json'));
const files = ['manifest.json', 'goldspan.wasm', manifest.icu, manifest.icuDict, manifest.schema, ...manifest.fonts,
  ...(manifest.scriptFonts || []).filter((f) => f.single).map((f) => f.file), ...manifest.samples];

const data = files.map((f) => `<script type="application/x-goldspan" data-file="${f}">${read(f).toString('base64')}</script>`).join('\n');
// A '</script' inside inlined JS would end the block early.
const js = (f) => read(f).toString('utf8').replace(/<\/script/gi, '<\\/script');
const scripts = [js('goldspan.js'), js('goldspan-shell.js')];
const hash = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

let html = read('index.html').toString('utf8');
const csp = `default-src 'none'; script-src ${scripts.map(hash).join(' ')} 'wasm-unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'`;
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/s, `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
html = html.replace(/<link rel="preload"[^>]*>\n/g, '');  // everything is inline: nothing to fetch
html = html.replace('<link rel="stylesheet" href="goldspan.css">', `<style>\n${read('goldspan.css')}</style>`);
html = html.replace('<script src="goldspan.js"></script>\n<script src="goldspan-shell.js"></script>',
  `${data}\n<script>${scripts[0]}</script>\n<script>${scripts[1]}</script>`);
if (!html.includes('application/x-goldspan')) throw new Error('index.html does not have the expected script tags');
writeFileSync(out, html);
console.log(`goldspan: wrote ${out} (${(html.length / 1048576).toFixed(1)} MB)`);
