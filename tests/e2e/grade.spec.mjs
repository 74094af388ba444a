// The instructor's pages. Grading a class in the browser: a folder of 30 submissions with 2 broken
// files, sorting, a learner's work opened read-only, the CSV (the checker's, byte for byte). And the
// whole loop: an instructor writes an exercise, its link opens it for a learner, the learner hands
// in by a link, and the grading page gives the same score as the checker.
import { test, expect } from "@playwright/test";
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { collectErrors } from "./helpers.mjs";
import { checker } from "../support/cli.mjs";

const ex = (id) => JSON.parse(readFileSync(new URL(`../../content/exercises/${id}.json`, import.meta.url), "utf8"));
const linkOf = (prefix, value) => prefix + deflateSync(Buffer.from(JSON.stringify(value))).toString("base64url");

function classFolder() {
  const dir = mkdtempSync(join(tmpdir(), "flowguide-class-"));
  const folder = join(dir, "class");
  mkdirSync(folder);
  const e = ex("purchase-order");
  for (let i = 1; i <= 28; i++) {
    const doc = i % 3 === 0 ? e.start : JSON.parse(JSON.stringify(e.model));
    if (i % 5 === 0) doc.outcome = { description: "", measure: "" };
    const sub = { format: "flowguide/submission", version: 1, exercise: { id: e.id, revision: 1 }, learner: `Learner ${String(i).padStart(2, "0")}`, submittedAt: "2026-12-02T14:03:00Z", workflow: doc };
    writeFileSync(join(folder, `learner-${String(i).padStart(2, "0")}.json`), JSON.stringify(sub, null, 2));
  }
  writeFileSync(join(folder, "broken-cut.json"), JSON.stringify({ format: "flowguide/submission", version: 1, learner: "X" }).slice(0, 30));
  writeFileSync(join(folder, "broken-version.json"), JSON.stringify({ format: "flowguide/workflow", version: 9 }));
  return { folder, e };
}

test("a folder of 30 submissions with 2 broken files grades into a sortable table and the checker's CSV", async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  const { folder, e } = classFolder();
  await page.goto("instructor/grade");
  await page.locator("#grade-exercise").selectOption({ label: `${e.title} (built in)` });
  await expect(page.locator("#grade-exercise-summary")).toContainText(`“${e.title}” (${e.id}, revision 1)`);
  await page.locator("#grade-folder").setInputFiles(folder);
  await expect(page.locator("#grade-table tbody tr")).toHaveCount(30);
  await expect(page.locator("#grade-table caption")).toContainText("30 files:");
  await expect(page.locator("#grade-table caption")).toContainText("2 could not be read");
  // The broken files keep their rows, with the problem named, at the end.
  const last = page.locator("#grade-table tbody tr").nth(29);
  await expect(last).toContainText("could not be read");
  await expect(page.locator("#grade-table tbody")).toContainText("version 9");
  // Sorting by score, highest first.
  await page.click("#grade-sort-2");
  await expect(page.locator("#grade-table thead th").nth(2)).toHaveAttribute("aria-sort", "descending");
  const scores = (await page.locator("#grade-table tbody tr td:nth-of-type(2)").allTextContents()).slice(0, 28).map(Number);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
  // A row opens that learner's work and feedback.
  await page.getByRole("button", { name: /View the work of Learner 03/ }).click();
  await expect(page.locator("#grade-view-title")).toBeFocused();
  await expect(page.locator("#grade-view")).toContainText("Learner 03");
  await expect(page.locator("#grade-view")).toContainText("✗ Not passed");
  await expect(page.locator("#grade-view svg")).toHaveCount(1);
  // The CSV is the checker's, row for row (the file names are the folder's paths).
  await page.click("#grade-sort-1");
  const download = page.waitForEvent("download");
  await page.click("#grade-csv");
  const csv = readFileSync(await (await download).path(), "utf8");
  const cli = checker("--exercise", e.id, "--format", "csv", folder);
  const norm = (text) => text.split("\r\n").map((line) => line.replace(/^[^,]*\/(learner-\d+|broken-\w+)\.json/, "$1")).sort();
  expect(norm(csv)).toEqual(norm(cli));
  expect(errors).toEqual([]);
});

test("an instructor writes an exercise; its link opens it for a learner, who hands in; grading gives the checker's score", async ({ page, context }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  // The instructor fills in the form.
  await page.goto("instructor");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.locator("#author-title").fill("Returning a library book");
  await expect(page.locator("#author-status")).toContainText("Not ready yet: the exercise has no scenario");
  await page.locator("#author-scenario").fill("A member brings back a book.\n\n- The **desk assistant** checks it in.\n- The shelver puts it back.");
  await page.locator("#author-goals").fill("Name who does each step\nSay what each step takes and makes");
  await page.locator("#author-roles").fill("Desk assistant: librarian, desk staff | the desk assistant checks the book in\nShelver: shelving assistant | the shelver puts it back");
  await page.locator("#author-artifacts").fill("book: returned book | the member brings back a book");
  await page.locator("#author-min").fill("3");
  await page.locator("#author-pass-mark").fill("60");
  await expect(page.locator("#author-status")).toContainText("Ready. It has no model answer.");
  await expect(page.locator("#author-preview strong")).toHaveText("desk assistant");
  const link = await page.locator("#author-link").inputValue();
  expect(link).toMatch(/\/exercises\/link#x1\.[A-Za-z0-9_-]+$/);
  await expect(page.locator("#author-embed")).toHaveValue(/^<iframe src="[^"]+exercises\/link#x1\./);
  // The file the form gives opens back into the form.
  const download = page.waitForEvent("download");
  await page.click("#author-download");
  const file = await (await download).path();
  const written = JSON.parse(readFileSync(file, "utf8"));
  expect(written.id).toBe("returning-a-library-book");
  expect(written.rubric.roles[0]).toEqual({ name: "Desk assistant", synonyms: ["librarian", "desk staff"], says: "the desk assistant checks the book in" });
  await page.locator("#author-title").fill("Something else");
  await page.locator("#author-open-file").setInputFiles(file);
  await expect(page.locator("#author-title")).toHaveValue("Returning a library book");
  // A learner opens the link, works, and makes a hand-in link.
  const learner = await context.newPage();
  await learner.goto(link.replace(/^https?:\/\/[^/]+\//, ""));
  await expect(learner.locator("#page-title")).toHaveText("Returning a library book");
  await expect(learner.locator("#ex-scenario strong")).toHaveText("desk assistant");
  await learner.locator("#ex-name").fill("Book return");
  await learner.locator("#ex-name").press("Tab");
  await learner.locator(".hand-in summary").click();
  await learner.locator("#ex-learner").fill("Dana");
  await learner.click("#ex-hand-in-make-link");
  const handIn = await learner.locator("#ex-hand-in-link").inputValue();
  expect(handIn).toMatch(/\/instructor\/grade#s1\./);
  // The instructor grades it, with the exercise from its link.
  const teacher = await context.newPage();
  await teacher.goto("instructor/grade");
  await teacher.locator("#grade-exercise-link").fill(link);
  await teacher.click("#grade-exercise-open");
  await expect(teacher.locator("#grade-exercise-summary")).toContainText("“Returning a library book” (returning-a-library-book, revision 1)");
  await teacher.locator("#grade-links").fill(handIn);
  await teacher.click("#grade-add-links");
  await expect(teacher.locator("#grade-table tbody tr")).toHaveCount(1);
  const row = teacher.locator("#grade-table tbody tr").first();
  await expect(row.locator("th")).toHaveText("Dana");
  const score = Number(await row.locator("td").nth(1).textContent());
  const cli = checker("--exercise", link, "--format", "csv", handIn.slice(handIn.indexOf("#") + 1));
  expect(Number(cli.trim().split("\r\n")[1].split(",")[4])).toBe(score);
  // Opening the hand-in link itself adds the work to the grading page.
  const other = await context.newPage();
  await other.goto(handIn.replace(/^https?:\/\/[^/]+\//, ""));
  await expect(other.locator("#grade-table tbody tr th")).toHaveText("Dana");
  // And the exercise link opens back into the form.
  const again = await context.newPage();
  await again.goto("instructor#" + link.split("#")[1]);
  await expect(again.locator("#author-title")).toHaveValue("Returning a library book");
  await expect(again.locator("#author-roles")).toHaveValue(/^Desk assistant: librarian, desk staff \| the desk assistant checks the book in/);
  expect(errors).toEqual([]);
});

test("the form's model answer is checked against its own rubric, and script in any field stays text", async ({ page }) => {
  const errors = collectErrors(page);
  await page.addInitScript(() => (window.__ran = 0));
  const payload = `<img src=x onerror="window.__ran++"><script>window.__ran++</script>`;
  await page.goto("instructor");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  for (const f of ["title", "field", "summary", "scenario", "goals", "decision-says"]) await page.locator(`#author-${f}`).fill(payload);
  await page.locator("#author-roles").fill(`${payload}: ${payload} | ${payload}`);
  await expect(page.locator("#author-preview")).toContainText(payload);
  await expect(page.locator("#author-status")).toContainText("Ready.");
  // A model answer that misses the expected role does not pass, and the form says so.
  await page.locator(".author-sandbox > summary").nth(1).click();
  await page.locator("#author-model-name").fill("A model");
  await expect(page.locator("#author-status")).toContainText("The model answer does not pass its own rubric yet");
  await page.locator("#author-overrides").fill("no-such-rule: off");
  await expect(page.locator("#author-status")).toContainText("“no-such-rule”, which is not one of Flowguide's rules");
  await expect(page.locator("img[src=x]")).toHaveCount(0);
  expect(await page.evaluate(() => window.__ran)).toBe(0);
  expect(errors).toEqual([]);
});

test("names, files and links with script in them stay text on the grading page", async ({ page }) => {
  const errors = collectErrors(page);
  await page.addInitScript(() => (window.__ran = 0));
  const e = ex("expense-reimbursement");
  const payload = `<img src=x onerror="window.__ran++"><script>window.__ran++</script>`;
  const sub = { format: "flowguide/submission", version: 1, exercise: { id: e.id, revision: 1 }, learner: payload, workflow: { ...e.model, name: payload } };
  await page.goto("instructor/grade");
  await page.locator("#grade-files").setInputFiles([{ name: `${payload}.json`, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(sub)) }]);
  await expect(page.locator("#grade-table tbody tr th")).toHaveText(payload);
  await page.getByRole("button", { name: /View the work of/ }).click();
  await expect(page.locator("#grade-view-title")).toContainText(payload);
  await expect(page.locator("img[src=x]")).toHaveCount(0);
  expect(await page.evaluate(() => window.__ran)).toBe(0);
  expect(errors).toEqual([]);
});
