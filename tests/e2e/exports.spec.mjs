// Exports made by the core (through `flowguide-cli export`) open in other tools: the BPMN is read
// by bpmn-moddle with no warnings and passes bpmnlint's `correctness` preset. The sandbox offers
// the same exports as downloads.
import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { BpmnModdle } from "bpmn-moddle";
import { Linter } from "bpmnlint";
import NodeResolver from "bpmnlint/lib/resolver/node-resolver.js";

const cli = existsSync("target/debug/flowguide-cli") ? ["target/debug/flowguide-cli"] : ["cargo", "run", "-q", "-p", "flowguide-cli", "--"];
const run = (...args) => execFileSync(cli[0], [...cli.slice(1), ...args], { encoding: "utf8", maxBuffer: 64 << 20 });

/** The project's example workflows: the format example, the checker's samples and every rule's examples. */
function examples() {
  const dir = mkdtempSync(join(tmpdir(), "flowguide-exports-"));
  const files = ["crates/core/tests/data/expense.json", "crates/cli/tests/golden/cafe-half-built.json", "crates/cli/tests/golden/markup.json"];
  for (const name of readdirSync("crates/core/src/feedback/rules").filter((f) => f !== "mod.rs")) {
    const source = readFileSync(join("crates/core/src/feedback/rules", name), "utf8");
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

test("Mermaid and SVG exports are produced for every example", () => {
  for (const file of examples().slice(0, 10)) {
    const mermaid = run("export", file, "--to", "mermaid");
    expect(mermaid.startsWith("flowchart LR\n")).toBe(true);
    const svg = run("export", file, "--to", "svg");
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).not.toContain("<script");
  }
});
