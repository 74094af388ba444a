// Grading a class in the browser: a folder of 30 submissions with 2 broken files, sorting, a
// learner's work opened read-only, the CSV (the checker's, byte for byte), and the whole loop of an
// exercise written by an instructor: its link opens it for a learner, the learner hands in by a
// link, and the grading page gives the same score as the checker.
import { test, expect } from "@playwright/test";
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { deflateSync } from "node:zlib";
import { collectErrors } from "./helpers.mjs";

const ex = (id) => JSON.parse(readFileSync(new URL(`../../content/exercises/${id}.json`, import.meta.url), "utf8"));
const linkOf = (prefix, value) => prefix + deflateSync(Buffer.from(JSON.stringify(value))).toString("base64url");
/** The checker's output (it exits with 1 when a file could not be read, which these tests want). */
const checker = (...args) => {
  try {
    return execFileSync("cargo", ["run", "-q", "-p", "flowguide-cli", "--", "check", ...args], { encoding: "utf8" });
  } catch (e) {
    if (e.status === 1) return e.stdout;
    throw e;
  }
};

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

test("an instructor's exercise link, a learner's hand-in link, and the same score as the checker", async ({ page, context }) => {
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  const base = ex("library-book-reservation");
  const written = { ...base, id: "my-library", title: "My library exercise", rubric: { ...base.rubric, passMark: 80 } };
  delete written.model;
  // The learner opens the exercise from its link, works on it and makes a hand-in link.
  await page.goto(`exercises/link#${linkOf("x1.", written)}`);
  await expect(page.locator("#page-title")).toHaveText("My library exercise");
  await page.locator("#ex-name").fill("My reservations");
  await page.locator("#ex-name").press("Tab");
  await page.locator(".hand-in summary").click();
  await page.locator("#ex-learner").fill("Dana");
  await page.click("#ex-hand-in-make-link");
  const handIn = await page.locator("#ex-hand-in-link").inputValue();
  expect(handIn).toMatch(/\/instructor\/grade#s1\./);
  // The instructor opens the grading page, with the exercise from its link, and pastes the work.
  const teacher = await context.newPage();
  await teacher.goto("instructor/grade");
  await teacher.locator("#grade-exercise-link").fill(`https://example.org/exercises/link#${linkOf("x1.", written)}`);
  await teacher.click("#grade-exercise-open");
  await expect(teacher.locator("#grade-exercise-summary")).toContainText("“My library exercise” (my-library, revision 1)");
  await teacher.locator("#grade-links").fill(handIn);
  await teacher.click("#grade-add-links");
  await expect(teacher.locator("#grade-table tbody tr")).toHaveCount(1);
  const row = teacher.locator("#grade-table tbody tr").first();
  await expect(row.locator("th")).toHaveText("Dana");
  const score = Number(await row.locator("td").nth(1).textContent());
  // The checker, with the same exercise link and the same hand-in link.
  const cli = checker("--exercise", linkOf("x1.", written), "--format", "csv", handIn.slice(handIn.indexOf("#") + 1));
  expect(Number(cli.trim().split("\r\n")[1].split(",")[4])).toBe(score);
  // Opening the hand-in link itself adds the work (and picks a built-in exercise when it is one).
  const other = await context.newPage();
  await other.goto(handIn.replace(/^https?:\/\/[^/]+\//, ""));
  await expect(other.locator("#grade-table tbody tr")).toHaveCount(1);
  await expect(other.locator("#grade-table tbody tr th")).toHaveText("Dana");
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
