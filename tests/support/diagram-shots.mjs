// Screenshots of the sandbox's diagram at 3, 8, 20 and 30 steps (with branches, joins, a loop,
// long titles and channels), light and dark, at 360 px and on a desktop, for review by eye.
//   node tests/support/diagram-shots.mjs [--dir target/site/root | --origin URL] [--out target/screenshots/diagram]
import { chromium } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { LAUNCH } from "./browser.mjs";
import { parseArgs } from "./args.mjs";
import { serve } from "./static-server.mjs";

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

const TITLES = [
  "Receive the request",
  "Check the request against the policy and the customer's history with us",
  "Ask for the missing details",
  "Approve",
  "Prepare the order for the warehouse, including the special packing instructions",
  "Pack",
  "Send the invoice",
  "Record the payment in the ledger",
];

/** A workflow of `n` steps over three roles: every fifth step branches (ahead and back), and
 * the branches join again. */
export function workflow(n) {
  const roles = [["desk", "Front desk"], ["review", "Review team"], ["warehouse", "Warehouse and shipping"]].map(([id, name]) => ({ id, name }));
  const steps = Array.from({ length: n }, (_, i) => ({
    id: `s${i}`,
    title: TITLES[i % TITLES.length] + (i >= TITLES.length ? ` (${i + 1})` : ""),
    role: roles[(i * 7 + Math.floor(i / 2)) % 3].id,
    inputs: [i === 0 ? "request" : `result ${i - 1}`],
    outputs: [`result ${i}`],
  }));
  for (let i = 1; i + 2 < n; i += 5) {
    steps[i].next = [
      { to: `s${i + 1}`, when: "details missing", via: "email" },
      { to: `s${i + 2}`, when: "complete" },
    ];
    if (i > 3) steps[i].next.push({ to: `s${i - 3}`, when: "start again" });
  }
  steps[n - 1].next = [];
  return {
    format: "flowguide/workflow", version: 1, name: `A workflow of ${n} steps`,
    trigger: { kind: "request", description: "A customer sends a request", provides: ["request"] },
    roles, steps,
    outcome: { description: "The order reaches the customer", measure: "Within 5 working days" },
  };
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
      await context.close();
    }
  }
}
await browser.close();
server?.close();
console.log(`diagram screenshots in ${out}`);
