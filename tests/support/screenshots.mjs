// Takes screenshots of key pages at phone and desktop widths, in light and dark, for review.
//   node tests/support/screenshots.mjs [--origin http://127.0.0.1:4173] [--out target/screenshots]
import { chromium } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { LAUNCH } from "./browser.mjs";
import { parseArgs } from "./args.mjs";

const args = parseArgs();
const origin = args.origin ?? "http://127.0.0.1:4173";
const out = args.out ?? "target/screenshots";
const pages = (args.pages ?? "/,/learn/what-is-a-workflow,/learn/workflow-task-project-process,/reference/glossary,/nope").split(",");
mkdirSync(out, { recursive: true });

const browser = await chromium.launch(LAUNCH);
for (const [label, viewport] of [["desktop", { width: 1280, height: 900 }], ["phone", { width: 360, height: 740 }]]) {
  for (const scheme of ["light", "dark"]) {
    const context = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
    const page = await context.newPage();
    for (const path of pages) {
      await page.goto(origin + path);
      await page.locator("#page-title").waitFor();
      await page.waitForTimeout(300);
      const name = path === "/" ? "home" : path.slice(1).replaceAll("/", "_");
      await page.screenshot({ path: `${out}/${name}-${label}-${scheme}.png`, fullPage: args.full === "yes" });
    }
    await context.close();
  }
}
await browser.close();
console.log(`screenshots in ${out}`);
