// What the build says about itself: its manifest (which files each page loads) and the budgets
// each bundle's first load must fit. Sizes are deterministic, so the browser tests assert them.
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

/** First-load budgets, gzip, HTML + JS + wasm + CSS (docs/PERFORMANCE.md). */
// Studio and embed: raised from 250 and 230 KB by issue 11 (the meaning rules and word lists cost both
// sandbox bundles about 31 KB, the indexes that keep the analysis linear about 2 KB more); see
// docs/PERFORMANCE.md, "Issue 11 and the budgets", for the way back. Studio raised again by issue 12
// (exercises, the drill, writing exercises and grading a class: about 84 KB), see "Issue 12 and the studio's budget".
// Embed raised by issue 13 (its options, sizing, messages and the checker's report as JSON: about
// 13 KB), see "Issue 13 and the embed's budget". Waiting for the team's decision on all three.
export const BUDGETS = { reading: 150 * 1024, studio: 369 * 1024, embed: 278 * 1024 };

/** The page each bundle is measured on. */
export const BUDGET_PAGES = { reading: "/", studio: "/sandbox", embed: "/embed/sandbox" };

/** The build's manifest.json. */
export function manifest(dir = "target/site/root") {
  return JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
}

/** Every file of a bundle (its stylesheets, loader, glue and wasm). */
export function bundleFiles(m, name) {
  const b = m.bundles[name];
  return [...b.css, b.loader, b.glue, b.wasm];
}

/** The sizes of one file of the build: raw, gzip (level 9) and brotli (quality 11). */
export function sizes(dir, rel) {
  const bytes = readFileSync(join(dir, rel));
  return {
    path: rel,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** The build file a request path is answered with, as the static host answers it. */
export function fileOf(dir, base, pathname) {
  let rel = decodeURIComponent(pathname).slice(base.length).replace(/^\//, "");
  if (rel === "" || rel.endsWith("/")) rel += "index.html";
  else if (statSync(join(dir, rel), { throwIfNoEntry: false })?.isDirectory()) rel += ".html";
  return rel;
}

/**
 * Loads `path` in a new context and returns the build files it fetched until the network was
 * idle and `ready` showed, with their sizes.
 */
export async function firstLoad(browser, origin, dir, path = "/", ready = "#page-title") {
  const context = await browser.newContext();
  const page = await context.newPage();
  const urls = [];
  page.on("request", (r) => urls.push(new URL(r.url())));
  await page.goto(origin + path, { waitUntil: "networkidle" });
  await page.locator(ready).first().waitFor();
  await context.close();
  const base = new URL(origin + "/").pathname;
  return [...new Set(urls.filter((u) => u.origin === new URL(origin).origin).map((u) => u.pathname))].map((p) =>
    sizes(dir, fileOf(dir, base, p)),
  );
}

export const kb = (n) => (n / 1024).toFixed(1);

/** The median of a list of timings, for the benchmarks. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
