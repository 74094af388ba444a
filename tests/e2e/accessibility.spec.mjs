// Automated accessibility checks with axe-core, in both themes. They catch contrast, naming and
// structure problems; the keyboard tests elsewhere cover what axe cannot see.
import { test, expect } from "@playwright/test";
import { createRequire } from "node:module";
import { pageReady, chooseTab } from "./helpers.mjs";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

// axe is injected as an inline script, which the site's Content Security Policy rightly refuses;
// the policy itself is tested in csp.spec.mjs.
test.use({ bypassCSP: true });
const pages = ["./", "learn/what-is-a-workflow", "learn/workflow-task-project-process", "learn/designing-a-good-workflow", "reference/glossary", "reference/rules", "reference/rules/empty-handoff", "sandbox", "embed/sandbox", "nope", "exercises", "exercises/expense-reimbursement", "practice/classify", "instructor/grade", "instructor"];

for (const scheme of ["light", "dark"]) {
  for (const path of pages) {
    test(`${path} has no accessibility violations (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      if (path.startsWith("embed/")) await expect(page.locator(".component")).toHaveCount(6);
      else await pageReady(page);
      // Open every answer, so its text is checked too.
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
      await page.addScriptTag({ path: axePath });
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
      const problems = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
      expect(problems).toEqual([]);
    });
  }
}

test("search results are announced as a listbox of options", async ({ page }) => {
  await page.goto("./");
  await pageReady(page);
  await page.locator("#site-search").fill("role");
  await expect(page.locator("#search-results")).toHaveAttribute("role", "listbox");
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() => window.axe.run(".search", { resultTypes: ["violations"] }));
  expect(result.violations.map((v) => v.id)).toEqual([]);
});

for (const scheme of ["light", "dark"]) {
  test(`the sandbox at work (findings, branches, chips, notices, the role dialog) has no violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("sandbox");
    await expect(page.locator(".component")).toHaveCount(6);
    await page.click("#wf-start");
    await page.click("#wf-start-support");
    await page.locator("#wf-step-1-title").fill("Stuff");
    await page.locator("#wf-step-2-role").selectOption("");
    await page.click("#wf-share-link");
    await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
    await page.addScriptTag({ path: axePath });
    const run = () => page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
    const describe = (result) => result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
    expect(describe(await run())).toEqual([]);
    await page.getByRole("button", { name: "Remove the role Specialist" }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    expect(describe(await run())).toEqual([]);
  });
}

// The editor's layout: each tab's panel, at phone and desktop widths, in both themes, with a box
// selected on the diagram (its step tools shown) and on a phone the tools menu open.
for (const scheme of ["light", "dark"]) {
  for (const [label, viewport] of [["360 px", { width: 360, height: 740 }], ["desktop", { width: 1280, height: 800 }]]) {
    test(`the sandbox's tabs, diagram tools and feedback have no violations at ${label} (${scheme})`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto("sandbox");
      await expect(page.locator(".component")).toHaveCount(6);
      await page.addScriptTag({ path: axePath });
      const run = async () => {
        const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
        return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
      };
      // A blank sandbox: the guide.
      await chooseTab(page, "feedback");
      expect(await run()).toEqual([]);
      if (await page.locator("#wf-tools").isVisible()) await page.click("#wf-tools");
      await page.click("#wf-start");
      await page.click("#wf-start-support");
      if (await page.locator("#wf-tab-edit").isVisible()) await chooseTab(page, "edit");
      await page.locator("#wf-step-1-title").fill("Stuff");
      for (const tab of ["feedback", "diagram"]) {
        await chooseTab(page, tab);
        if (tab === "diagram") await page.locator('#wf-pane-diagram [data-index="1"]').click();
        await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
        expect(await run()).toEqual([]);
      }
    });
  }
}

// The practice pages at work: an exercise with its hand-in open and the model answer revealed,
// on a wide screen and a phone; the drill half done, with an explanation and a wrong try showing.
for (const scheme of ["light", "dark"]) {
  for (const [label, viewport] of [["360 px", { width: 360, height: 740 }], ["desktop", { width: 1280, height: 800 }]]) {
    test(`an exercise with the model answer revealed has no violations at ${label} (${scheme})`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto("exercises/software-bug-triage");
      await expect(page.locator("#ex-verdict")).toBeVisible();
      await page.click("#ex-check");
      await page.click("#ex-reveal");
      await expect(page.locator(".compare-table")).toBeVisible();
      await page.locator(".hand-in summary").click();
      await page.click("#ex-hand-in-make-link");
      await expect(page.locator("#ex-hand-in-link")).toBeVisible();
      await page.addScriptTag({ path: axePath });
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
      expect(result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
    });
  }
  test(`the drill half done has no violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("practice/classify");
    await expect(page.locator("#drill-question")).toBeVisible();
    const drill = JSON.parse(await page.locator("#drill-data").textContent());
    const kinds = ["task", "workflow", "project", "process"];
    for (let n = 0; n < 5; n++) {
      const text = await page.locator("#drill-text").textContent();
      const kind = drill.items.find((i) => i.text === text).kind;
      await page.keyboard.press(String(kinds.indexOf(kind) + 1));
      await page.keyboard.press("Enter");
    }
    const text = await page.locator("#drill-text").textContent();
    const kind = drill.items.find((i) => i.text === text).kind;
    await page.keyboard.press(String(((kinds.indexOf(kind) + 1) % 4) + 1));
    await page.keyboard.press(String(kinds.indexOf(kind) + 1));
    await expect(page.locator(".drill-explanation")).toBeVisible();
    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
    expect(result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
  });
}
