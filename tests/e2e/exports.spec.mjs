// Exports made by the core (through `flowguide-cli export`) open in other tools: the BPMN is read
// by bpmn-moddle with no warnings, passes bpmnlint's `correctness` preset and imports into the
// bpmn.io modeler (bpmn-js, which Camunda Modeler is built on) with no warnings; the Mermaid is
// accepted by Mermaid's own parser in Chromium. The sandbox offers the same exports as downloads.
import { test, expect } from "@playwright/test";
import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { BpmnModdle } from "bpmn-moddle";
import { Linter } from "bpmnlint";
import NodeResolver from "bpmnlint/lib/resolver/node-resolver.js";
import { mermaidErrors } from "../support/mermaid-check.mjs";
import { cli } from "../support/cli.mjs";

const run = cli;

/** The project's example workflows: the format example, the checker's samples and every rule's examples. */
function examples() {
  const dir = mkdtempSync(join(tmpdir(), "flowguide-exports-"));
  const files = [
    "crates/engine/tests/data/expense.json",
    "crates/engine/src/workflow/examples/onboarding.json",
    "crates/engine/src/workflow/examples/support.json",
    "crates/cli/tests/golden/cafe-half-built.json",
    "crates/cli/tests/golden/markup.json",
  ];
  for (const name of readdirSync("crates/engine/src/feedback/rules").filter((f) => f !== "mod.rs")) {
    const source = readFileSync(join("crates/engine/src/feedback/rules", name), "utf8");
    for (const [, kind, json] of source.matchAll(/const (POOR|GOOD): &str = r#"([\s\S]*?)"#;/g)) {
      const file = join(dir, `${name.replace(".rs", "")}-${kind.toLowerCase()}.json`);
      writeFileSync(file, json);
      files.push(file);
    }
  }
  return files;
}

test("BPMN exports read cleanly in bpmn-moddle and pass bpmnlint's correctness rules", async () => {
  test.setTimeout(120_000);
  const files = examples();
  expect(files.length).toBeGreaterThan(50);
  for (const file of files) {
    // A linter per file: some bpmnlint rules remember what they saw between runs.
    const linter = new Linter({ config: { extends: "bpmnlint:correctness" }, resolver: new NodeResolver() });
    const xml = run("export", file, "--to", "bpmn");
    const { rootElement, warnings } = await new BpmnModdle().fromXML(xml);
    expect(warnings.map((w) => w.message), file).toEqual([]);
    const reports = await linter.lint(rootElement);
    const problems = Object.entries(reports).flatMap(([rule, found]) => found.map((r) => `${rule}: ${r.id} ${r.message}`));
    expect(problems, file).toEqual([]);
  }
});

test("every example's Mermaid export parses in Mermaid, and its SVG export is produced", async ({ page }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), "flowguide-mermaid-"));
  // Every character the exporter writes as an entity code, in every kind of label it writes.
  const tricky = join(dir, "tricky.json");
  const nasty = 'a "quoted" #tag <b>&amp;</b> [x] {y} (z) |p| `q`; end\nclick s0 call alert(1) --> evil';
  writeFileSync(
    tricky,
    JSON.stringify({
      format: "flowguide/workflow",
      version: 1,
      name: nasty,
      trigger: { description: nasty },
      outcome: { description: nasty },
      roles: [{ id: "r", name: nasty }],
      steps: [
        { id: "a", title: nasty, role: "r", next: [{ to: "b", when: nasty }, { to: "c", when: "|x| s0" }] },
        { id: "b", title: "<script>alert(1)</script>", role: "<b>boss</b>" },
        { id: "c", title: "" },
      ],
    }),
  );
  const files = [...examples(), tricky];
  expect(files.length).toBeGreaterThan(50);
  const charts = [];
  for (const file of files) {
    const mermaid = run("export", file, "--to", "mermaid");
    expect(mermaid.startsWith("flowchart LR\n"), file).toBe(true);
    charts.push([file, mermaid]);
    const svg = run("export", file, "--to", "svg");
    expect(svg, file).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg, file).not.toContain("<script");
  }
  // The labels with markup in them are among what is parsed, written as entity codes.
  const markup = charts.find(([file]) => file.endsWith("golden/markup.json"))[1];
  expect(markup).toContain("#lt;img src=x onerror=alert#40;1#41;#gt; review");
  expect(markup.match(/"[^"]*"/g).filter((l) => /[<>]/.test(l))).toEqual([]);

  // The same check must reject a broken chart, or an empty error list would prove nothing.
  const broken = [
    ["unclosed label", "flowchart LR\n  a[unclosed\n"],
    ["unquoted label breaking out", 'flowchart LR\n  s0["a"] --> evil["x"]"]\n'],
  ];
  const rejected = await mermaidErrors(page, broken);
  expect(rejected).toHaveLength(broken.length);
  for (const [i, [name]] of broken.entries()) expect(rejected[i]).toMatch(new RegExp(`^${name}: Parse error`));

  expect(await mermaidErrors(page, charts)).toEqual([]);
});

test("BPMN exports open in the bpmn.io modeler (bpmn-js) with no warnings, one task per step", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setContent('<!doctype html><html><body><div id="canvas" style="width:1200px;height:800px"></div></body></html>');
  await page.addScriptTag({ path: "node_modules/bpmn-js/dist/bpmn-modeler.production.min.js" });
  const files = examples();
  const documents = files.map((file) => ({ file, xml: run("export", file, "--to", "bpmn"), steps: (JSON.parse(readFileSync(file, "utf8")).steps ?? []).length }));
  const results = await page.evaluate(async (documents) => {
    const out = [];
    for (const { file, xml, steps } of documents) {
      const modeler = new BpmnJS({ container: "#canvas" });
      try {
        const { warnings } = await modeler.importXML(xml);
        const tasks = modeler.get("elementRegistry").filter((e) => e.type === "bpmn:Task").length;
        out.push({ file, warnings: warnings.map((w) => w.message), tasks, steps });
      } catch (e) {
        out.push({ file, warnings: [String(e.message)], tasks: -1, steps });
      }
      modeler.destroy();
    }
    return out;
  }, documents);
  expect(results.length).toBeGreaterThan(50);
  for (const r of results) {
    expect(r.warnings, r.file).toEqual([]);
    expect(r.tasks, r.file).toBe(r.steps);
  }
  // A broken document is reported, so the check cannot pass by accident.
  const broken = await page.evaluate(async () => {
    const modeler = new BpmnJS({ container: "#canvas" });
    try {
      await modeler.importXML("<definitions");
      return "accepted";
    } catch {
      return "rejected";
    } finally {
      modeler.destroy();
    }
  });
  expect(broken).toBe("rejected");
});

