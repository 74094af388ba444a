// Trunk post-build step: minifies wasm-bindgen's JS glue (Trunk leaves it as written) and
// updates its subresource-integrity hash in index.html, so the browser still verifies it.
//
//   node tools/minify-glue.mjs DIR     (DIR: Trunk's staging folder)
import { transformSync } from "esbuild";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: node tools/minify-glue.mjs DIR");
  process.exit(2);
}
const integrity = (bytes) => "sha384-" + createHash("sha384").update(bytes).digest("base64");
const indexPath = join(dir, "index.html");
let index = readFileSync(indexPath, "utf8");

for (const name of readdirSync(dir).filter((f) => f.endsWith(".js"))) {
  const path = join(dir, name);
  const before = readFileSync(path);
  const { code } = transformSync(before.toString("utf8"), { minify: true, format: "esm", target: "es2020" });
  writeFileSync(path, code);
  const [oldHash, newHash] = [integrity(before), integrity(Buffer.from(code))];
  if (!index.includes(oldHash)) throw new Error(`index.html has no integrity hash for ${name}`);
  index = index.replaceAll(oldHash, newHash);
  console.log(`minified ${name}: ${before.length} -> ${code.length} bytes`);
}
writeFileSync(indexPath, index);
