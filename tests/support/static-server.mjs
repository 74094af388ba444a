// A static file server that behaves like a plain static host (GitHub Pages, Netlify, S3):
// it serves the build folder under a base path, answers unknown paths with the build's 404.html
// and status 404, and compresses what it sends the way real hosts do (the build's precompressed
// `.br` or `.gz` copy when the browser accepts it, else gzip on the fly). Flowguide's deep links
// must survive exactly that.
//
//   node tests/support/static-server.mjs --dir target/site/root --port 4173 [--base /course/flowguide/] [--headers on]
//
// With `--headers on` it also sends the headers the build's `_headers` file asks for (the
// Content Security Policy among them), as Netlify and Cloudflare Pages would.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { parseArgs } from "./args.mjs";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
};
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".wasm", ".css", ".svg", ".json", ".txt"]);

/** The rules of a Netlify-style `_headers` file: [{ pattern: RegExp, headers: [[name, value]] }]. */
export function parseHeaders(text) {
  const rules = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      const pattern = new RegExp("^" + line.trim().replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*") + "$");
      rules.push({ pattern, headers: [] });
    } else if (rules.length) {
      const [name, ...rest] = line.trim().split(":");
      rules.at(-1).headers.push([name.trim(), rest.join(":").trim()]);
    }
  }
  return rules;
}

/** Starts the server; resolves once it listens. */
export function serve({ dir, port, base = "/", headers = false }) {
  dir = resolve(dir);
  base = base.replace(/\/?$/, "/");
  let rules = [];
  if (headers) rules = parseHeaders(readFileSync(join(dir, "_headers"), "utf8"));

  async function fileFor(urlPath) {
    if (!urlPath.startsWith(base)) return null;
    const rel = normalize(decodeURIComponent(urlPath.slice(base.length)));
    if (rel.startsWith("..")) return null;
    let path = join(dir, rel);
    try {
      const info = await stat(path);
      if (info.isDirectory()) path = join(path, "index.html");
      await stat(path);
      return path;
    } catch {
      return null;
    }
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://localhost");
    const path = await fileFor(url.pathname);
    const [status, file] = path ? [200, path] : [404, join(dir, "404.html")];
    const ext = extname(file);
    const accepts = String(req.headers["accept-encoding"] ?? "");
    const out = { "content-type": TYPES[ext] ?? "application/octet-stream", "cache-control": "no-cache" };
    for (const rule of rules) {
      if (rule.pattern.test(url.pathname)) for (const [name, value] of rule.headers) out[name.toLowerCase()] = value;
    }
    try {
      let body;
      if (COMPRESSIBLE.has(ext)) {
        out.vary = "Accept-Encoding";
        const pre = async (suffix) => readFile(file + suffix).catch(() => null);
        let encoded;
        if (/\bbr\b/.test(accepts) && (encoded = await pre(".br"))) {
          out["content-encoding"] = "br";
          body = encoded;
        } else if (/\bgzip\b/.test(accepts)) {
          out["content-encoding"] = "gzip";
          body = (await pre(".gz")) ?? gzipSync(await readFile(file));
        }
      }
      body ??= await readFile(file);
      res.writeHead(status, out);
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  return new Promise((ok) => server.listen(port, "127.0.0.1", () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = parseArgs();
  const port = Number(args.port ?? 4173);
  const base = args.base ?? "/";
  await serve({ dir: args.dir ?? "dist", port, base, headers: args.headers === "on" });
  console.log(`serving ${resolve(args.dir ?? "dist")} at http://127.0.0.1:${port}${base.replace(/\/?$/, "/")}`);
}
