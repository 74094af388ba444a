// Copies the stylesheets folder for a release build, each stylesheet minified by esbuild (no
// comments or spaces; rules as written, nothing rewritten for older browsers). The site generator
// reads this copy (`--style DIR`), so `style/` stays the readable source.
//
//   node tools/minify-css.mjs SRC OUT     (SRC: style/; OUT: where the copy goes)
import { transformSync } from "esbuild";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [src, out] = process.argv.slice(2);
if (!src || !out) {
  console.error("usage: node tools/minify-css.mjs SRC OUT");
  process.exit(2);
}
mkdirSync(out, { recursive: true });
for (const name of readdirSync(src)) {
  if (!name.endsWith(".css")) {
    copyFileSync(join(src, name), join(out, name));
    continue;
  }
  const before = readFileSync(join(src, name), "utf8");
  const { code } = transformSync(before, { loader: "css", minify: true, target: "esnext" });
  writeFileSync(join(out, name), code);
  console.log(`minified ${name}: ${before.length} -> ${code.length} bytes`);
}
