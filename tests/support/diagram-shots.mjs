// Screenshots of the sandbox's diagram at 3, 8, 20 and 30 steps (with branches, joins, a loop,
// long titles and channels), light and dark, at 360 px and on a desktop, for review by eye: the
// diagram's frame, the screen, and the whole drawing.
//   node tests/support/diagram-shots.mjs [--dir target/site/root | --origin URL] [--out target/screenshots/diagram]
import { chromium } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { LAUNCH } from "./browser.mjs";
import { parseArgs } from "./args.mjs";
import { serve } from "./static-server.mjs";
import { workflow } from "./workflows.mjs";

const args = parseArgs();
const out = args.out ?? "target/screenshots/diagram";
const sizes = (args.steps ?? "3,8,20,30").split(",").map(Number);
mkdirSync(out, { recursive: true });
let server;
let origin = args.origin;
if (!origin) {
  server = await serve({ dir: args.dir ?? "target/site/root", port: 4198 });
  origin = "http://127.0.0.1:4198";
}

const browser = await chromium.launch(LAUNCH);
for (const [label, viewport] of [["desktop", { width: 1280, height: 900 }], ["phone", { width: 360, height: 740 }]]) {
  for (const scheme of ["light", "dark"]) {
    for (const n of sizes) {
      const context = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
      await context.addInitScript((doc) => {
        localStorage.setItem("flowguide-sandbox", JSON.stringify({ kind: "flowguide-sandbox", version: 1, savedAt: Date.now(), document: doc }));
      }, workflow(n));
      const page = await context.newPage();
      await page.goto(`${origin}/sandbox`);
      await page.locator(".diagram-step").first().waitFor({ state: "attached" });
      if (label === "phone") await page.click("#wf-tab-diagram");
      await page.waitForTimeout(200);
      await page.locator("#wf-diagram-frame").screenshot({ path: `${out}/steps-${n}-${label}-${scheme}.png` });
      // The screen as the learner sees it, and the whole drawing (the frame grown to hold it).
      await page.screenshot({ path: `${out}/steps-${n}-${label}-${scheme}-screen.png` });
      await page.locator("#wf-diagram-frame").evaluate((f) => {
        f.style.setProperty("max-height", "none");
        f.style.setProperty("overflow", "visible");
        f.closest(".sandbox-side")?.style.setProperty("max-height", "none");
        f.closest(".sandbox-side")?.style.setProperty("overflow", "visible");
      });
      await page.locator("#wf-diagram-frame svg.workflow-diagram").screenshot({ path: `${out}/steps-${n}-${label}-${scheme}-whole.png` });
      await context.close();
    }
  }
}
await browser.close();
server?.close();
console.log(`diagram screenshots in ${out}`);
