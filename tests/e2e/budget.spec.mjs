// The size budget: the first load of `/` (HTML, JS, wasm, CSS and the page text, gzip) is at
// most 160 KB. Sizes are deterministic, so this is asserted; timings are only reported (./x bench).
import { test, expect, chromium } from "@playwright/test";
import { ROOT } from "../../playwright.config.mjs";
import { LAUNCH } from "../support/browser.mjs";
import { firstLoad, SIZE_BUDGET, SANDBOX_BUDGET } from "../bench/bench.mjs";

test("the first load of / fits the 160 KB gzip budget", async () => {
  const browser = await chromium.launch(LAUNCH);
  const files = await firstLoad(browser, ROOT, "target/site/root");
  await browser.close();
  const kinds = files.map((f) => f.path.split(".").pop());
  for (const kind of ["wasm", "js", "css"]) expect(kinds).toContain(kind);
  const total = files.reduce((sum, f) => sum + f.gzip, 0);
  const report = files.map((f) => `${f.path}: ${(f.gzip / 1024).toFixed(1)} KB`).join("\n");
  expect(total, `first load is ${(total / 1024).toFixed(1)} KB gzip:\n${report}`).toBeLessThanOrEqual(SIZE_BUDGET);
});

test("the sandbox loads its own bundle, within its 440 KB gzip budget, and the reading pages never load it", async () => {
  const browser = await chromium.launch(LAUNCH);
  const home = await firstLoad(browser, ROOT, "target/site/root");
  const files = await firstLoad(browser, ROOT, "target/site/root", "/sandbox", ".component");
  await browser.close();
  const wasm = (list) => list.filter((f) => f.path.endsWith(".wasm")).map((f) => f.path);
  expect(wasm(files)).toHaveLength(1);
  expect(wasm(files)).not.toEqual(wasm(home));
  const total = files.reduce((sum, f) => sum + f.gzip, 0);
  const report = files.map((f) => `${f.path}: ${(f.gzip / 1024).toFixed(1)} KB`).join("\n");
  expect(total, `the sandbox's first load is ${(total / 1024).toFixed(1)} KB gzip:\n${report}`).toBeLessThanOrEqual(SANDBOX_BUDGET);
});

