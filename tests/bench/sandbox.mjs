// The sandbox's responsiveness: from a keystroke in a step's title to the feedback panel and the
// diagram showing the change, with 100 steps (and other sizes for the curve).
//
//   node tests/bench/sandbox.mjs [--dir target/site/root | --origin URL] [--keys 100] [--steps 10,30,100]
//
// Without --origin it serves the release build in --dir itself (`./x bench` runs it so).
//
// Each key is typed inside the page (an `input` event on the title field, as a keystroke makes),
// then the clock stops once the app has handled it: when the feedback panel's and the diagram's
// text name the new title. "Script" is that moment; "with layout" also forces the browser's style
// and layout of the changed page. Paint waits for the screen's next frame, which is not work, so
// it is not counted. Timings vary with the machine; they are reported, never asserted.
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { LAUNCH } from "../support/browser.mjs";
import { parseArgs } from "../support/args.mjs";

const args = parseArgs();
const port = 4191;
const origin = args.origin ?? `http://127.0.0.1:${port}`;
const keys = Number(args.keys ?? 100);
const server = args.origin
  ? null
  : spawn("node", ["tests/support/static-server.mjs", "--dir", args.dir ?? "target/site/root", "--port", String(port)], { stdio: "ignore" });
if (server) await new Promise((r) => setTimeout(r, 500));
const sizes = (args.steps ?? "10,30,100").split(",").map(Number);

/** A workflow of `n` steps across four roles, each step passing an artifact to the next. */
export function workflow(n) {
  const roles = ["clerk", "manager", "finance", "auditor"].map((id) => ({ id, name: id[0].toUpperCase() + id.slice(1) }));
  const steps = Array.from({ length: n }, (_, i) => ({
    id: `s${i}`,
    title: `Check item ${i} against the policy`,
    role: roles[Math.floor(i / 3) % roles.length].id,
    inputs: [i === 0 ? "request" : `result ${i - 1}`],
    outputs: [`result ${i}`],
    ...(i === n - 1 ? { next: [] } : {}),
  }));
  return {
    format: "flowguide/workflow", version: 1, name: `Benchmark with ${n} steps`,
    trigger: { kind: "request", description: "A customer sends a request", provides: ["request"] },
    roles, steps,
    outcome: { description: "The request is answered", measure: "Answered within 2 working days" },
  };
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

const browser = await chromium.launch(LAUNCH);
const rows = [];
// On a wide screen the diagram is beside the editor (the default) or the feedback is, by its tab;
// both are measured. The part not shown stays in the page and is updated too.
for (const side of ["diagram", "feedback"]) for (const n of sizes) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(origin + "/sandbox");
  await page.locator(".component").first().waitFor({ state: "attached" });
  if (side === "feedback") await page.click("#wf-tab-feedback");
  await page.locator("#wf-open-file").setInputFiles({ name: "bench.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(workflow(n))) });
  await page.locator(`#wf-step-${n - 1}-title`).waitFor();
  const target = Math.floor(n / 2);
  const result = await page.evaluate(async ({ target, keys }) => {
    const field = document.getElementById(`wf-step-${target}-title`);
    const diagram = document.querySelector(".diagram-frame");
    const words = document.querySelector(".diagram-words");
    // The learner is typing here: the step is on screen, its field focused.
    field.scrollIntoView({ block: "center" });
    field.focus();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const settle = () => new Promise((r) => setTimeout(r, 0));
    const script = [], layout = [];
    for (let k = 0; k < keys; k++) {
      // Alternate a letter that makes the title vague ("stuff") with one that does not, so the
      // feedback's findings change too, not only the text.
      const value = k % 2 ? `Stuff ${k}` : `Check thing ${k}`;
      const t0 = performance.now();
      field.value = value;
      field.dispatchEvent(new InputEvent("input", { bubbles: true, data: "x", inputType: "insertText" }));
      while (!diagram.textContent.includes(value) || !words.textContent.includes(value)) await settle();
      const t1 = performance.now();
      void document.body.offsetHeight;
      const t2 = performance.now();
      script.push(t1 - t0);
      layout.push(t2 - t0);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    return { script, layout };
  }, { target, keys });
  rows.push({ side, steps: n, median: quantile(result.script, 0.5), p95: quantile(result.script, 0.95), layoutMedian: quantile(result.layout, 0.5), layoutP95: quantile(result.layout, 0.95) });
  await context.close();
}
await browser.close();
server?.kill();

console.log(`| beside the editor | steps | keystroke → feedback and diagram, median | p95 | with style and layout, median | p95 |`);
console.log(`| --- | ---: | ---: | ---: | ---: | ---: |`);
for (const r of rows) {
  console.log(`| ${r.side} | ${r.steps} | ${r.median.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${r.layoutMedian.toFixed(1)} ms | ${r.layoutP95.toFixed(1)} ms |`);
}
