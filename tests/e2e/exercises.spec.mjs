// Scenario exercises: the list and its progress, every built-in exercise passed by entering its
// model answer from the keyboard, the rubric's findings in the feedback, the model answer beside
// the learner's work, handing in (file and link), and exercises carried in links, hostile ones
// included.
import { test, expect } from "@playwright/test";
import { readFileSync, readdirSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { collectErrors } from "./helpers.mjs";
import { enterWorkflow, typeInto } from "../support/enter.mjs";
import { cli } from "../support/cli.mjs";

const DIR = new URL("../../content/exercises/", import.meta.url);
const EXERCISES = readdirSync(DIR)
  .filter((f) => f.endsWith(".json"))
  .map((f) => JSON.parse(readFileSync(new URL(f, DIR), "utf8")));

/** An `x1.` (or `s1.`) link payload for a value, as Flowguide writes them. */
export function linkOf(prefix, value) {
  return prefix + deflateSync(Buffer.from(JSON.stringify(value))).toString("base64url");
}

async function openExercise(page, id) {
  await page.goto(`exercises/${id}`);
  await expect(page.locator("#ex-verdict")).toBeVisible();
}

async function startBlank(page) {
  await page.locator("#ex-start").focus();
  await page.keyboard.press("Enter");
  await page.locator("#ex-start-blank").focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("#ex-name")).toHaveValue("");
}

test("the list shows every built-in exercise with its facts and progress", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto("exercises");
  await expect(page.locator(".exercise-card")).toHaveCount(EXERCISES.length);
  expect(EXERCISES.length).toBeGreaterThanOrEqual(8);
  for (const e of EXERCISES) {
    const card = page.locator(".exercise-card", { has: page.locator(`[data-progress="${e.id}"]`) });
    await expect(card.locator("h2")).toHaveText(e.title);
    await expect(card.locator(".progress-badge")).toHaveText("Not started");
  }
  await expect(page.locator(".app-root[data-mount=progress]")).toBeAttached();
  expect(errors).toEqual([]);
});

for (const e of EXERCISES) {
  test(`${e.id}: entering the model answer from the keyboard passes, and the list says so`, async ({ page }) => {
    test.setTimeout(120_000);
    const errors = collectErrors(page);
    await openExercise(page, e.id);
    // The starting workflow does not pass, and the rubric says why, tied to the scenario.
    await expect(page.locator("#ex-verdict")).toHaveAttribute("data-passed", "false");
    await expect(page.locator("#ex-reveal")).toBeDisabled();
    await startBlank(page);
    await enterWorkflow(page, "ex", e.model);
    await expect(page.locator("#ex-verdict")).toHaveAttribute("data-passed", "true");
    await expect(page.locator("#ex-verdict")).toContainText("Score 100 of 100");
    await expect(page.locator(".component[data-status=good]")).toHaveCount(6);
    await expect(page.locator(".progress-badge")).toHaveText("Passed, best score 100");
    await page.goto("exercises");
    await expect(page.locator(`[data-progress="${e.id}"]`)).toHaveText("Passed, best score 100");
    await expect(page.locator(`[data-progress="${e.id}"]`)).toHaveAttribute("data-state", "passed");
    expect(errors).toEqual([]);
  });
}

test("the rubric's findings quote the scenario, and the model answer opens after a first check", async ({ page }) => {
  const errors = collectErrors(page);
  const e = EXERCISES.find((x) => x.id === "expense-reimbursement");
  await openExercise(page, e.id);
  await page.click("#ex-tab-feedback");
  const finance = e.rubric.roles.find((r) => r.name === "Finance team");
  await expect(page.locator(".feedback")).toContainText(`The scenario says ${finance.says}, but no step is done by Finance team.`);
  await expect(page.locator("#ex-preset")).toHaveCount(0);
  // Changing the work makes it "in progress".
  await typeInto(page, "ex-name", "My expenses");
  await expect(page.locator(".progress-badge")).toHaveText("In progress");
  await page.click("#ex-check");
  await expect(page.locator(".progress-badge")).toContainText("In progress, best score");
  await expect(page.locator("#ex-reveal")).toBeEnabled();
  await page.click("#ex-reveal");
  await expect(page.locator("#ex-model-title")).toBeFocused();
  await expect(page.locator(".compare-table tbody tr")).toHaveCount(6);
  await expect(page.locator('.compare-table tr[data-component="roles"]')).toContainText("The model also has “Finance team”");
  await expect(page.locator(".compare-diagrams svg")).toHaveCount(2);
  // The comparison follows the learner's edits.
  await typeInto(page, "ex-outcome-description", "The employee gets the money back");
  await expect(page.locator('.compare-table tr[data-component="outcome"] td').nth(1)).toContainText("The employee gets the money back");
  expect(errors).toEqual([]);
});

test("handing in downloads a submission the checker grades with the same score, and makes a link", async ({ page }) => {
  const errors = collectErrors(page);
  const e = EXERCISES.find((x) => x.id === "purchase-order");
  await openExercise(page, e.id);
  const shown = Number((await page.locator("#ex-verdict").textContent()).match(/Score (\d+)/)[1]);
  await page.locator(".hand-in summary").click();
  await typeInto(page, "ex-learner", "Ana <b>Lima</b>");
  const download = page.waitForEvent("download");
  await page.click("#ex-hand-in");
  const file = await (await download).path();
  const sub = JSON.parse(readFileSync(file, "utf8"));
  expect(sub.format).toBe("flowguide/submission");
  expect(sub.exercise).toEqual({ id: e.id, revision: 1 });
  expect(sub.learner).toBe("Ana <b>Lima</b>");
  expect(sub.submittedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  // The checker, on the same file: the same score.
  const csv = cli("check", "--exercise", e.id, "--format", "csv", file);
  const row = csv.trim().split("\r\n")[1].split(",");
  expect(Number(row[4])).toBe(shown);
  expect(row[5]).toBe("no");
  await page.click("#ex-hand-in-make-link");
  await expect(page.locator("#ex-hand-in-link")).toBeFocused();
  await expect(page.locator("#ex-hand-in-link")).toHaveValue(/\/instructor\/grade#s1\.[A-Za-z0-9_-]+$/);
  // The name is kept for the next exercise.
  expect(await page.evaluate(() => localStorage.getItem("flowguide-learner-name"))).toBe("Ana <b>Lima</b>");
  expect(errors).toEqual([]);
});

test("an exercise in a link opens with its scenario; script and HTML in every field stay text", async ({ page }) => {
  const errors = collectErrors(page);
  await page.addInitScript(() => (window.__ran = 0));
  const payload = `<img src=x onerror="window.__ran++"><script>window.__ran++</script>`;
  const doc = { format: "flowguide/workflow", version: 1, name: payload, trigger: { description: payload }, roles: [{ id: "a", name: payload }], steps: [{ id: "s", title: payload, role: "a" }] };
  const exercise = {
    format: "flowguide/exercise", version: 1, id: "hostile", title: `Title ${payload}`, field: payload, summary: payload,
    scenario: `Read **this** ${payload}\n\n- [a link](javascript:window.__ran++)\n- [a real link](https://example.org/)`,
    goals: [payload],
    rubric: { roles: [{ name: payload, synonyms: [payload], says: payload }], artifacts: [{ name: payload, says: payload }], decision: { says: payload } },
    start: doc, model: doc,
  };
  await page.goto(`exercises/link#${linkOf("x1.", exercise)}`);
  await expect(page.locator("#page-title")).toHaveText(`Title ${payload}`);
  await expect(page.locator("#ex-scenario")).toContainText(payload);
  await expect(page.locator("#ex-scenario a")).toHaveCount(1);
  await expect(page.locator("#ex-scenario a")).toHaveAttribute("href", "https://example.org/");
  await expect(page.locator("#ex-scenario")).toContainText("a link (javascript:window.__ran++)");
  await expect(page.locator("#ex-scenario strong")).toHaveText("this");
  await expect(page.locator("#ex-name")).toHaveValue(payload);
  await page.click("#ex-tab-feedback");
  await expect(page.locator(".feedback")).toContainText(`The scenario says ${payload}`);
  await page.click("#ex-check");
  await page.click("#ex-reveal");
  await expect(page.locator(".compare-table")).toContainText(payload);
  await expect(page.locator("img[src=x]")).toHaveCount(0);
  expect(await page.evaluate(() => window.__ran)).toBe(0);
  expect(errors).toEqual([]);
});

test("a damaged or cut-short exercise link says so and offers nothing broken", async ({ page }) => {
  const e = EXERCISES[0];
  const link = linkOf("x1.", e);
  for (const bad of [link.slice(0, link.length - 9), link.slice(0, 3) + "A" + link.slice(4), "x9.abc", "nothing"]) {
    await page.goto(`exercises/link#${bad}`);
    await expect(page.locator(".app-root .notice-problem")).toContainText("The exercise in this link could not be opened.");
    await expect(page.locator("#ex-verdict")).toHaveCount(0);
  }
});
