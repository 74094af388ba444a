// `./x serve`: builds the site the way a release build does (the same three bundles and the same
// pages, unoptimised so rebuilds are quick), serves it compressed like a static host, and
// rebuilds whenever a file under src/, crates/, content/, style/ or schema/ changes.
//
//   node tools/serve.mjs [--port 8080]
import { spawn } from "node:child_process";
import { watch } from "node:fs";
import { parseArgs } from "../tests/support/args.mjs";
import { serve } from "../tests/support/static-server.mjs";

const args = parseArgs();
const port = Number(args.port ?? 8080);
const WATCHED = ["src", "crates", "content", "style", "schema"];

let running = null;
let again = false;

function rebuild() {
  if (running) {
    again = true;
    return;
  }
  const started = Date.now();
  running = spawn("./x", ["run", "dev_build"], { stdio: "inherit" });
  running.on("exit", (code) => {
    running = null;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(code === 0 ? `\n  rebuilt in ${seconds} s: reload the page to see it\n` : `\n  the build failed (exit ${code}); the last good build is still served\n`);
    if (again) {
      again = false;
      rebuild();
    }
  });
}

let timer = null;
for (const dir of WATCHED) {
  watch(dir, { recursive: true }, (_, file) => {
    if (file && /(^|\/)(target|node_modules)\//.test(file)) return;
    clearTimeout(timer);
    timer = setTimeout(rebuild, 300);
  });
}
rebuild();
await serve({ dir: "target/dev-site", port, headers: false });
console.log(`serving Flowguide at http://127.0.0.1:${port}/`);
