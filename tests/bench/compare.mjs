// Flowguide beside the tools people compare it with, measured in the same run on this machine:
// - a lesson's largest contentful paint (when its text is painted) beside an mdBook build of the
//   same lessons (goal: at most 0.8× mdBook's);
// - the sandbox ready to type in beside the bpmn.io modeler (bpmn-js) ready to edit a 7-element
//   diagram (goal: no later than the modeler).
// Each is the median of N cold loads (a new browser context each, HTTP cache off, CPU throttled
// `--cpu` times), served compressed from localhost. Timings are reported, never asserted.
//
//   node tests/bench/compare.mjs [--dir target/site/root] [--runs 10] [--cpu 4] [--json out.json]
import { chromium } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { LAUNCH } from "../support/browser.mjs";
import { parseArgs } from "../support/args.mjs";
import { median } from "../support/site.mjs";
import { serve } from "../support/static-server.mjs";

const args = parseArgs();
const dir = args.dir ?? "target/site/root";
const runs = Number(args.runs ?? 10);
const cpu = Number(args.cpu ?? 4);
const LESSON = "learn/what-is-a-workflow";

/** An mdBook of the same lessons: content/ without its front matter. */
function buildMdBook(out) {
  rmSync(out, { recursive: true, force: true });
  const src = join(out, "src");
  const walk = (from) => {
    for (const name of readdirSync(from)) {
      const path = join(from, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".md")) {
        const rel = path.slice("content/".length);
        mkdirSync(dirname(join(src, rel)), { recursive: true });
        const text = readFileSync(path, "utf8").replace(/^---\n[\s\S]*?\n---\n/, "");
        writeFileSync(join(src, rel), text);
      }
    }
  };
  walk("content");
  writeFileSync(join(out, "book.toml"), '[book]\ntitle = "Flowguide"\nlanguage = "en"\n');
  execFileSync("mdbook", ["build", out], { stdio: "inherit" });
  return join(out, "book");
}

/** A page with the bpmn.io modeler that imports a diagram with 7 elements. */
function bpmnPage(out) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  cpSync("node_modules/bpmn-js/dist", join(out, "bpmn-js"), { recursive: true });
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="d" targetNamespace="http://bpmn.io/schema/bpmn">
<bpmn:process id="p" isExecutable="false">
<bpmn:startEvent id="s"/><bpmn:task id="t1" name="Review the claim"/><bpmn:task id="t2" name="Pay the claim"/><bpmn:endEvent id="e"/>
<bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t1"/><bpmn:sequenceFlow id="f2" sourceRef="t1" targetRef="t2"/><bpmn:sequenceFlow id="f3" sourceRef="t2" targetRef="e"/>
</bpmn:process>
<bpmndi:BPMNDiagram id="dd"><bpmndi:BPMNPlane id="pl" bpmnElement="p">
<bpmndi:BPMNShape id="s_di" bpmnElement="s"><dc:Bounds x="100" y="100" width="36" height="36"/></bpmndi:BPMNShape>
<bpmndi:BPMNShape id="t1_di" bpmnElement="t1"><dc:Bounds x="190" y="78" width="100" height="80"/></bpmndi:BPMNShape>
<bpmndi:BPMNShape id="t2_di" bpmnElement="t2"><dc:Bounds x="350" y="78" width="100" height="80"/></bpmndi:BPMNShape>
<bpmndi:BPMNShape id="e_di" bpmnElement="e"><dc:Bounds x="510" y="100" width="36" height="36"/></bpmndi:BPMNShape>
<bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="136" y="118"/><di:waypoint x="190" y="118"/></bpmndi:BPMNEdge>
<bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="290" y="118"/><di:waypoint x="350" y="118"/></bpmndi:BPMNEdge>
<bpmndi:BPMNEdge id="f3_di" bpmnElement="f3"><di:waypoint x="450" y="118"/><di:waypoint x="510" y="118"/></bpmndi:BPMNEdge>
</bpmndi:BPMNPlane></bpmndi:BPMNDiagram></bpmn:definitions>`;
  writeFileSync(join(out, "diagram.bpmn"), xml);
  writeFileSync(
    join(out, "index.html"),
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>bpmn.io modeler</title>
<link rel="stylesheet" href="bpmn-js/assets/diagram-js.css"><link rel="stylesheet" href="bpmn-js/assets/bpmn-js.css"><link rel="stylesheet" href="bpmn-js/assets/bpmn-font/css/bpmn.css">
<script src="bpmn-js/bpmn-modeler.production.min.js"></script></head><body><div id="canvas" style="width:1000px;height:600px"></div>
<script>(async()=>{const m=new BpmnJS({container:"#canvas"});await m.importXML(await (await fetch("diagram.bpmn")).text());requestAnimationFrame(()=>setTimeout(()=>{window.__ready=performance.now();}));})();</script></body></html>`,
  );
  return out;
}

async function cold(browser, url, measure, before) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (before) await page.addInitScript(before);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (cpu > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
  await page.goto(url, { waitUntil: "load" });
  const ms = await measure(page);
  await context.close();
  return ms;
}

const lcp = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        new PerformanceObserver((list) => {
          const entries = list.getEntries();
          if (entries.length) resolve(entries.at(-1).startTime);
        }).observe({ type: "largest-contentful-paint", buffered: true });
      }),
  );

if (import.meta.url === `file://${process.argv[1]}`) {
  const book = buildMdBook("target/bench/mdbook");
  const modeler = bpmnPage("target/bench/bpmn");
  const servers = [
    await serve({ dir, port: 4191 }),
    await serve({ dir: book, port: 4192 }),
    await serve({ dir: modeler, port: 4193 }),
  ];
  const browser = await chromium.launch(LAUNCH);
  try {
    const samples = { flowguide: [], mdbook: [], sandbox: [], bpmn: [] };
    for (let i = 0; i < runs; i++) {
      samples.flowguide.push(await cold(browser, `http://127.0.0.1:4191/${LESSON}`, lcp));
      samples.mdbook.push(await cold(browser, `http://127.0.0.1:4192/${LESSON}.html`, lcp));
      samples.sandbox.push(
        // Both timestamps are taken inside the page, at the first frame painted after each tool
        // is ready: the modeler's import has resolved, the sandbox has set its mark.
        await cold(
          browser,
          "http://127.0.0.1:4191/sandbox",
          async (page) => {
            await page.waitForFunction(() => window.__painted);
            return page.evaluate(() => window.__painted);
          },
          () =>
            new PerformanceObserver((list, observer) => {
              if (!list.getEntriesByName("flowguide-ready").length) return;
              observer.disconnect();
              requestAnimationFrame(() => setTimeout(() => (window.__painted = performance.now())));
            }).observe({ type: "mark" }),
        ),
      );
      samples.bpmn.push(
        await cold(browser, "http://127.0.0.1:4193/", async (page) => {
          await page.waitForFunction(() => window.__ready);
          return page.evaluate(() => window.__ready);
        }),
      );
    }
    const m = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
    console.log(`Median of ${runs} cold loads, CPU throttled ${cpu}×:`);
    console.log(`| what | Flowguide | compared with | ratio |\n| --- | ---: | ---: | ---: |`);
    console.log(`| a lesson's text painted (LCP) | ${m.flowguide.toFixed(0)} ms | mdBook: ${m.mdbook.toFixed(0)} ms | ${(m.flowguide / m.mdbook).toFixed(2)}× (goal ≤ 0.8×) |`);
    console.log(`| ready to edit | sandbox: ${m.sandbox.toFixed(0)} ms | bpmn.io modeler, 7 elements: ${m.bpmn.toFixed(0)} ms | ${(m.sandbox / m.bpmn).toFixed(2)}× (goal ≤ 1×) |`);
    for (const [k, v] of Object.entries(samples)) console.log(`  ${k}: ${v.map((x) => x.toFixed(0)).join(", ")}`);
    if (args.json) writeFileSync(args.json, JSON.stringify({ runs, cpu, samples, medians: m }, null, 2));
  } finally {
    await browser.close();
    for (const s of servers) s.close();
  }
}
