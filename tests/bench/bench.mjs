// Flowguide's benchmark: the first-load size of `/` and its first contentful paint.
//
//   ./x bench              build, then measure and print a Markdown report
//   node tests/bench/bench.mjs [--dir target/site/root] [--runs 10] [--json out.json]
//
// Size: every file Chromium requests while loading `/` (until the network is idle), gzipped at
// level 9 from the build folder. Deterministic, so the browser tests assert the budget too.
// First contentful paint: the median of N cold loads (a new browser context each, cache off).
// Timings vary with the machine; they are reported, never asserted.
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { LAUNCH } from "../support/browser.mjs";
import { parseArgs } from "../support/args.mjs";

const args = parseArgs();
const dir = args.dir ?? "target/site/root";
const runs = Number(args.runs ?? 10);
const port = 4190;
const origin = `http://127.0.0.1:${port}`;

export const SIZE_BUDGET = 160 * 1024;
/** The sandbox's own page loads a second, larger bundle (the editor and the feedback engine). */
export const SANDBOX_BUDGET = 440 * 1024;
export const FCP_BUDGET_MS = 200;

/** The files the first load of `path` fetches, with their raw and gzip sizes. */
export async function firstLoad(browser, origin, dir, path = "/", ready = ".prose") {
  const context = await browser.newContext();
  const page = await context.newPage();
  const urls = [];
  page.on("request", (r) => urls.push(new URL(r.url())));
  await page.goto(origin + path, { waitUntil: "networkidle" });
  await page.locator(ready).first().waitFor();
  await context.close();
  return urls
    .filter((u) => u.origin === origin)
    .map((u) => {
      // As the static host answers: `/a/` is `a/index.html`, and `/a` is `a.html` when `a` is a folder.
      let path = u.pathname.endsWith("/") ? u.pathname + "index.html" : u.pathname;
      if (statSync(join(dir, decodeURIComponent(path)), { throwIfNoEntry: false })?.isDirectory()) path += ".html";
      const bytes = readFileSync(join(dir, decodeURIComponent(path)));
      return { path: u.pathname, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    });
}

async function firstContentfulPaint(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await page.goto(origin + "/", { waitUntil: "load" });
  const fcp = await page.evaluate(
    () =>
      new Promise((resolve) => {
        new PerformanceObserver((list) => {
          const entry = list.getEntriesByName("first-contentful-paint")[0];
          if (entry) resolve(entry.startTime);
        }).observe({ type: "paint", buffered: true });
      }),
  );
  const appReady = await page.evaluate(async () => {
    while (!document.querySelector("#page-title")) await new Promise((r) => setTimeout(r, 5));
    return performance.now();
  });
  await context.close();
  return { fcp, appReady };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = spawn("node", ["tests/support/static-server.mjs", "--dir", dir, "--port", String(port)], { stdio: "ignore" });
  await new Promise((r) => setTimeout(r, 500));
  const browser = await chromium.launch(LAUNCH);
  try {
    const files = await firstLoad(browser, origin, dir);
    const total = files.reduce((s, f) => s + f.gzip, 0);
    const sandbox = await firstLoad(browser, origin, dir, "/sandbox", ".component");
    const sandboxTotal = sandbox.reduce((s, f) => s + f.gzip, 0);
    const samples = [];
    for (let i = 0; i < runs; i++) samples.push(await firstContentfulPaint(browser));
    const fcp = median(samples.map((s) => s.fcp));
    const ready = median(samples.map((s) => s.appReady));
    const kb = (n) => (n / 1024).toFixed(1);
    console.log(`| file | raw (KB) | gzip (KB) |\n| --- | ---: | ---: |`);
    for (const f of files) console.log(`| \`${f.path.replace(/-[0-9a-f]{16}/, "-HASH")}\` | ${kb(f.raw)} | ${kb(f.gzip)} |`);
    console.log(`| **total** | ${kb(files.reduce((s, f) => s + f.raw, 0))} | **${kb(total)}** (budget ${kb(SIZE_BUDGET)}) |\n`);
    console.log(`First load of /sandbox: ${kb(sandboxTotal)} KB gzip (budget ${kb(SANDBOX_BUDGET)})`);
    for (const f of sandbox) console.log(`  ${f.path.replace(/-[0-9a-f]{16}/, "-HASH")}: ${kb(f.raw)} raw, ${kb(f.gzip)} gzip`);
    console.log(`First contentful paint, median of ${runs} cold loads: ${fcp.toFixed(1)} ms (budget ${FCP_BUDGET_MS} ms)`);
    console.log(`App mounted (page title drawn), median: ${ready.toFixed(1)} ms`);
    console.log(`All FCP samples (ms): ${samples.map((s) => s.fcp.toFixed(1)).join(", ")}`);
    if (args.json) writeFileSync(args.json, JSON.stringify({ files, total, fcp, ready, samples }, null, 2));
  } finally {
    await browser.close();
    server.kill();
  }
}
