// The size budgets: each bundle's first load (HTML, JS, wasm, CSS; gzip) fits its budget, every
// file a page fetches is one its manifest entry names, and no page loads another bundle's code.
// Sizes are deterministic, so they are asserted; timings are only reported (./x bench).
import { test, expect, chromium } from "@playwright/test";
import { ROOT } from "../../playwright.config.mjs";
import { LAUNCH } from "../support/browser.mjs";
import { BUDGETS, BUDGET_PAGES, bundleFiles, firstLoad, kb, manifest } from "../support/site.mjs";

const DIR = "target/site/root";

for (const [name, path] of Object.entries(BUDGET_PAGES)) {
  test(`the ${name} bundle's first load (${path}) stays within its ${kb(BUDGETS[name])} KB gzip budget and loads only its own files`, async () => {
    const m = manifest(DIR);
    const browser = await chromium.launch(LAUNCH);
    const files = await firstLoad(browser, ROOT, DIR, path);
    await browser.close();
    const entry = m.pages.find((p) => "/" + p.route === path);
    expect(entry?.bundle).toBe(name);
    const allowed = new Set([entry.file, ...m.shared, ...bundleFiles(m, name)]);
    const fetched = files.map((f) => f.path);
    // Everything the manifest says the page loads is loaded, and nothing else.
    expect(fetched.filter((f) => !allowed.has(f)), "files the manifest does not name").toEqual([]);
    for (const f of bundleFiles(m, name)) expect(fetched).toContain(f);
    for (const other of Object.keys(m.bundles).filter((b) => b !== name)) {
      for (const f of [m.bundles[other].glue, m.bundles[other].wasm]) expect(fetched).not.toContain(f);
    }
    const total = files.reduce((sum, f) => sum + f.gzip, 0);
    const report = files.map((f) => `${f.path}: ${kb(f.gzip)} KB`).join("\n");
    expect(total, `${path} loads ${kb(total)} KB gzip:\n${report}`).toBeLessThanOrEqual(BUDGETS[name]);
  });
}

test("every reading page loads the reading bundle and no other", () => {
  const m = manifest(DIR);
  const reading = m.pages.filter((p) => p.route === "" || p.route.startsWith("learn") || p.route.startsWith("reference"));
  expect(reading.length).toBeGreaterThan(20);
  for (const p of reading) expect(p.bundle, p.route).toBe("reading");
  expect(m.pages.find((p) => p.route === "sandbox").bundle).toBe("studio");
  expect(m.pages.find((p) => p.route === "embed/sandbox").bundle).toBe("embed");
});
