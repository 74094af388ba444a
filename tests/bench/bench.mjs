// Flowguide's benchmark: each bundle's first-load size and the first contentful paint of `/`.
//
//   ./x bench              build, then measure and print a Markdown report
//   node tests/bench/bench.mjs [--dir target/site/root] [--runs 10] [--json out.json]
//
// Size: every file Chromium requests while loading each bundle's page (until the network is idle),
// gzipped at level 9 (and brotli at 11) from the build folder. Deterministic, so the browser tests
// assert the budgets too.
// First contentful paint: the median of N cold loads (a new browser context each, cache off).
// Timings vary with the machine; they are reported, never asserted.
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { LAUNCH } from "../support/browser.mjs";
import { parseArgs } from "../support/args.mjs";
import { BUDGETS, BUDGET_PAGES, firstLoad, kb, median } from "../support/site.mjs";

const args = parseArgs();
const dir = args.dir ?? "target/site/root";
const runs = Number(args.runs ?? 10);
const port = 4190;
const origin = `http://127.0.0.1:${port}`;

export const FCP_BUDGET_MS = 200;

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
    // The page's text is in its HTML; this is when the reading bundle has taken over the page.
    while (!document.querySelector("html[data-shell=ready]")) await new Promise((r) => setTimeout(r, 5));
    return performance.now();
  });
  await context.close();
  return { fcp, appReady };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = spawn("node", ["tests/support/static-server.mjs", "--dir", dir, "--port", String(port)], { stdio: "ignore" });
  await new Promise((r) => setTimeout(r, 500));
  const browser = await chromium.launch(LAUNCH);
  try {
    const loads = {};
    for (const [name, path] of Object.entries(BUDGET_PAGES)) loads[name] = await firstLoad(browser, origin, dir, path);
    const samples = [];
    for (let i = 0; i < runs; i++) samples.push(await firstContentfulPaint(browser));
    const fcp = median(samples.map((s) => s.fcp));
    const ready = median(samples.map((s) => s.appReady));
    for (const [name, files] of Object.entries(loads)) {
      const sum = (k) => files.reduce((t, f) => t + f[k], 0);
      console.log(`\n${name} bundle, first load of ${BUDGET_PAGES[name]}:\n| file | raw (KB) | gzip (KB) | brotli (KB) |\n| --- | ---: | ---: | ---: |`);
      for (const f of files) console.log(`| \`${f.path.replace(/-[0-9a-f]{16}/, "-HASH")}\` | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} |`);
      console.log(`| **total** | ${kb(sum("raw"))} | **${kb(sum("gzip"))}** (budget ${kb(BUDGETS[name])}) | ${kb(sum("brotli"))} |`);
    }
    console.log("");
    console.log(`First contentful paint, median of ${runs} cold loads: ${fcp.toFixed(1)} ms (budget ${FCP_BUDGET_MS} ms)`);
    console.log(`Reading bundle started (links move in place, search works), median: ${ready.toFixed(1)} ms`);
    console.log(`All FCP samples (ms): ${samples.map((s) => s.fcp.toFixed(1)).join(", ")}`);
    if (args.json) writeFileSync(args.json, JSON.stringify({ loads, fcp, ready, samples }, null, 2));
  } finally {
    await browser.close();
    server.kill();
  }
}
