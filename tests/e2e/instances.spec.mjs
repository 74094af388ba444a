// Many instances on one page: three sandboxes (each with its own editor, feedback panel and
// diagram) mounted side by side by the embed bundle, as a course page or a lesson with several
// live blocks will. Each edits, draws, announces and saves on its own; no id appears twice in the
// document, and every reference (labels, ARIA, the diagrams' arrowheads) stays inside its own
// instance.
import { test, expect } from "@playwright/test";
import { manifest } from "../support/site.mjs";

const SCOPES = ["first", "second", "third"];

/** A page of this origin with three sandbox placeholders and the embed bundle. */
function threeSandboxes() {
  const m = manifest("target/site/root");
  const b = m.bundles.embed;
  const css = b.css.map((href) => `<link rel="stylesheet" href="${href}">`).join("");
  const roots = SCOPES.map(
    (s) => `<section aria-label="Sandbox ${s}"><div class="app-root" data-mount="sandbox" data-scope="${s}" data-storage-key="test-${s}"></div></section>`,
  ).join("");
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Three sandboxes</title><base href="/">${css}<script type="module" src="${b.loader}"></script></head><body class="embedded"><main>${roots}</main></body></html>`;
}

async function open(page) {
  await page.route("**/three-sandboxes", (route) => route.fulfill({ contentType: "text/html", body: threeSandboxes() }));
  await page.goto("three-sandboxes");
  await expect(page.locator(".component")).toHaveCount(18);
}

const root = (page, scope) => page.locator(`#${scope}-root`);

test("three sandboxes on one page have no id in common, and every reference stays inside its own sandbox", async ({ page }) => {
  await open(page);
  await page.click("#second-start");
  await page.click("#second-start-expense");
  await page.click("#third-start");
  await page.click("#third-start-support");
  await expect(page.locator("#third-root .diagram-frame [data-step]").first()).toBeVisible();
  const report = await page.evaluate((scopes) => {
    const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
    const strays = [];
    for (const el of document.querySelectorAll("[for], [aria-labelledby], [aria-describedby], [aria-controls], [list]")) {
      const home = el.closest(".sandbox");
      for (const attr of ["for", "aria-labelledby", "aria-describedby", "aria-controls", "list"]) {
        for (const ref of (el.getAttribute(attr) ?? "").split(/\s+/).filter(Boolean)) {
          const target = document.getElementById(ref);
          if (!target) strays.push(`${attr}=${ref} points at nothing`);
          else if (home && target.closest(".sandbox") !== home) strays.push(`${attr}=${ref} points into another sandbox`);
        }
      }
    }
    for (const el of document.querySelectorAll("[marker-end]")) {
      const ref = el.getAttribute("marker-end").match(/url\(#(.+)\)/)?.[1];
      const target = ref && document.getElementById(ref);
      if (!target || target.closest(".sandbox") !== el.closest(".sandbox")) strays.push(`marker ${ref} is not in its own sandbox`);
    }
    const outside = ids.filter((id) => !scopes.some((s) => id.startsWith(`${s}-`)));
    return { count: ids.length, duplicates, strays: [...new Set(strays)], outside };
  }, SCOPES);
  expect(report.count).toBeGreaterThan(150);
  expect(report.duplicates).toEqual([]);
  expect(report.strays).toEqual([]);
  expect(report.outside).toEqual([]);
});

test("each sandbox edits, draws, announces, undoes and saves on its own", async ({ page }) => {
  await open(page);
  await page.click("#first-start");
  await page.click("#first-start-expense");
  await page.click("#second-start");
  await page.click("#second-start-onboarding");
  // Only the first and second changed; the third is still blank.
  await expect(page.locator("#first-name")).toHaveValue("Expense reimbursement");
  await expect(page.locator("#second-name")).toHaveValue("New employee onboarding");
  await expect(page.locator("#third-name")).toHaveValue("");
  // Each draws its own workflow.
  const boxes = (s) => root(page, s).locator(".diagram-frame [data-step]");
  await expect(boxes("first")).toHaveCount(3);
  expect(await boxes("second").count()).toBeGreaterThan(3);
  await expect(boxes("third")).toHaveCount(0);
  // Typing in one changes its own diagram and announces in its own live region.
  await page.locator("#first-name").fill("Claims");
  await expect(root(page, "first").locator(".diagram-frame title").first()).toHaveText("Diagram of Claims");
  await expect(root(page, "second").locator(".diagram-frame title").first()).toHaveText("Diagram of New employee onboarding");
  await page.locator("#third-name").fill("A third workflow");
  await page.locator("#third-add-step").click();
  await expect(page.locator("#third-action-announcer")).not.toHaveText("");
  await expect(page.locator("#first-action-announcer")).not.toHaveText(/step/i);
  // Undo in one leaves the others alone.
  await page.locator("#first-name").focus();
  await page.keyboard.press("Control+z");
  await expect(page.locator("#first-name")).toHaveValue("Expense reimbursement");
  await expect(page.locator("#third-name")).toHaveValue("A third workflow");
  // Each saves under its own key, and a reload brings each its own work back.
  for (const s of SCOPES) await expect(page.locator(`#${s}-save-state`)).toHaveAttribute("data-state", "saved");
  const saved = await page.evaluate((scopes) => scopes.map((s) => JSON.parse(localStorage.getItem(`test-${s}`) ?? "null")?.document?.name ?? null), SCOPES);
  expect(saved).toEqual(["Expense reimbursement", "New employee onboarding", "A third workflow"]);
  await page.reload();
  await expect(page.locator(".component")).toHaveCount(18);
  await expect(page.locator("#first-name")).toHaveValue("Expense reimbursement");
  await expect(page.locator("#second-name")).toHaveValue("New employee onboarding");
  await expect(page.locator("#third-name")).toHaveValue("A third workflow");
});
