// Minimal static file server for build/wasm/dist on 127.0.0.1 (no dependencies).
//   node scripts/serve.mjs [DIR] [PORT]        (also imported by the browser tests)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json',
  '.dat': 'application/octet-stream', '.ttf': 'font/ttf', '.otf': 'font/otf', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
};

// Serves `root` on 127.0.0.1:`port` (0 = any free port); resolves to the listening server.
export function startServer(root, port) {
  root = resolve(root);
  const server = createServer(async (req, res) => {
  try {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = join(root, normalize(path));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if (!(await stat(file)).isFile()) throw new Error('not a file');
    const body = await readFile(file);
    res.writeHead(200, { 'Content-Type': types[extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache' });
    res.end(body);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  }
});
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] || 'build/wasm/dist';
  const server = await startServer(root, Number(process.argv[3] || process.env.PORT || 8080));
  console.log(`goldspan: serving ${resolve(root)} at http://127.0.0.1:${server.address().port}/`);
}
