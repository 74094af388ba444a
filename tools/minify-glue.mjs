// Minifies wasm-bindgen's JS glue in a bundle's build folder (Trunk leaves it as written).
// The site generator hashes the files afterwards, so nothing else needs updating.
//
//   node tools/minify-glue.mjs DIR NAME     (DIR: where Trunk wrote NAME.js)
import { transformSync } from "esbuild";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [dir, name] = process.argv.slice(2);
if (!dir || !name) {
  console.error("usage: node tools/minify-glue.mjs DIR NAME");
  process.exit(2);
}
const path = join(dir, `${name}.js`);
const before = readFileSync(path, "utf8");
const { code } = transformSync(before, { minify: true, format: "esm", target: "es2020" });
writeFileSync(path, code);
console.log(`minified ${name}.js: ${before.length} -> ${code.length} bytes`);
