// static-server.mjs: serves a folder on 127.0.0.1 with the right content types (.wasm as
// application/wasm, which streaming compilation requires). Used by scripts/serve and the browser
// tests. Loopback only; paths are confined to the folder.
//   node scripts/static-server.mjs build/site [port]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.data': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

// `prefix` serves the folder under a sub-path ('/some/sub/path/'), as GitHub Pages or a course
// server would; anything outside it is 404.
export function startServer({ root, port = 8080, host = '127.0.0.1', prefix = '/' }) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      let path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
      if (!path.startsWith(prefix)) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
      path = '/' + path.slice(prefix.length);
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file).toLowerCase()] || 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      const missing = err && (err.code === 'ENOENT' || err.code === 'ENOTDIR' || err instanceof URIError);
      res.writeHead(missing ? 404 : 500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(missing ? 'not found\n' : 'server error\n');
    }
  });
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolveListen(server));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = process.argv[2] || 'build/site';
  const port = Number(process.argv[3] || process.env.PORT || 8080);
  startServer({ root, port }).then((server) => {
    const { address, port: p } = server.address();
    console.log(`Scaling Explorer: serving ${root} at http://${address}:${p}/  (Ctrl+C to stop)`);
  }, (err) => {
    console.error(`scripts/serve: cannot listen on 127.0.0.1:${port}: ${err.message}`);
    process.exit(1);
  });
}
