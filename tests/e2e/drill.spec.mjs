// The classification drill: a whole round from the keyboard alone (1 to 4 answer, Enter goes on),
// one question in focus at a time, wrong answers retried, results announced, a score at the end
// with the items missed.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { collectErrors } from "./helpers.mjs";

const DRILL = JSON.parse(readFileSync(new URL("../../content/drill/classify.json", import.meta.url), "utf8"));
const KINDS = ["task", "workflow", "project", "process"];
const kindOf = (text) => DRILL.items.find((i) => i.text === text).kind;

test("a whole round works from the keyboard, with retries, explanations and a score", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto("practice/classify");
  await expect(page.locator("#drill-question")).toHaveText("Description 1 of 10");
  const missed = [];
  for (let n = 1; n <= 10; n++) {
    await expect(page.locator("#drill-question")).toHaveText(`Description ${n} of 10`);
    if (n > 1) await expect(page.locator("#drill-question")).toBeFocused();
    const text = await page.locator("#drill-text").textContent();
    const kind = kindOf(text);
    // Every third question: a wrong answer first, which can be tried again.
    if (n % 3 === 0) {
      const wrong = KINDS.find((k) => k !== kind);
      await page.keyboard.press(String(KINDS.indexOf(wrong) + 1));
      await expect(page.locator("#drill-said")).toHaveText(`Not quite: it is not a ${wrong}. Try another answer.`);
      await expect(page.locator(`#drill-choice-${wrong}`)).toContainText("not this one");
      missed.push(text);
    }
    await page.keyboard.press(String(KINDS.indexOf(kind) + 1));
    await expect(page.locator("#drill-said")).toContainText(`Right: it is a ${kind}.`);
    await expect(page.locator(".drill-verdict")).toHaveText(`✓ It is a ${kind}.`);
    // The deciding words are marked, and said in words too.
    const cues = DRILL.items.find((i) => i.text === text).cues;
    const marked = (await page.locator(".drill-cued mark").allTextContents()).join(" | ");
    for (const c of cues) expect(marked).toContain(c);
    await expect(page.locator(".drill-cued")).toHaveText(text);
    await expect(page.locator(".drill-explanation a")).toHaveAttribute("href", `learn/workflow-task-project-process#${kind}`);
    await expect(page.locator("#drill-next")).toBeFocused();
    await page.keyboard.press("Enter");
  }
  await expect(page.locator("#drill-result-title")).toBeFocused();
  await expect(page.locator(".drill-score")).toHaveText(`You got ${10 - missed.length} of 10 right the first time.`);
  await expect(page.locator(".drill-missed li")).toHaveCount(missed.length);
  for (const t of missed) await expect(page.locator(".drill-missed")).toContainText(t);
  await page.locator("#drill-again").focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("#drill-question")).toHaveText("Description 1 of 10");
  expect(errors).toEqual([]);
});

test("the lesson link from an explanation leads to the definition", async ({ page }) => {
  await page.goto("practice/classify");
  const kind = kindOf(await page.locator("#drill-text").textContent());
  await page.keyboard.press(String(KINDS.indexOf(kind) + 1));
  await page.click(".drill-explanation a");
  await expect(page).toHaveURL(new RegExp(`/learn/workflow-task-project-process#${kind}$`));
  await expect(page.locator(`#${kind}`)).toBeVisible();
});
