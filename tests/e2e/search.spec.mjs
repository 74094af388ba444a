// Search: `/` focuses the box, title hits rank first, arrow keys and Enter drive the results.
import { test, expect } from "@playwright/test";
import { collectErrors, pageReady } from "./helpers.mjs";

test("searching for handoff finds the Handoffs page first, and Enter opens it", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto("learn/what-is-a-workflow");
  await pageReady(page);
  await page.locator("body").press("/");
  const box = page.locator("#site-search");
  await expect(box).toBeFocused();
  await box.pressSequentially("handoff");
  const results = page.locator("#search-results [role=option]");
  await expect(results.first()).toBeVisible();
  await expect(results.first().locator(".result-title")).toHaveText("Handoffs");
  await expect(results.first().locator("mark").first()).toBeVisible();
  await expect(box).toHaveAttribute("aria-expanded", "true");
  await expect(page.locator(".search-status")).toContainText("results");

  await page.keyboard.press("ArrowDown");
  await expect(results.first()).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", "search-result-0");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/reference\/handoffs$/);
  await expect(page.locator("#page-title")).toHaveText("Handoffs");
  expect(errors).toEqual([]);
});

test("arrow keys move through results, and a glossary term result lands on the term", async ({ page }) => {
  await page.goto("./");
  await pageReady(page);
  const box = page.locator("#site-search");
  await box.click();
  await box.pressSequentially("swimlane");
  const results = page.locator("#search-results [role=option]");
  await expect(results.first()).toBeVisible();
  const count = await results.count();
  await page.keyboard.press("ArrowUp");
  await expect(results.nth(count - 1)).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowDown");
  await expect(results.first()).toHaveAttribute("aria-selected", "true");
  const term = results.filter({ hasText: "Glossary" }).first();
  await term.click();
  await expect(page).toHaveURL(/\/reference\/glossary#swimlane$/);
  await expect(page.locator("dt#swimlane")).toBeInViewport();
});

test("a query with no match says so, and Escape clears the box", async ({ page }) => {
  await page.goto("./");
  await pageReady(page);
  const box = page.locator("#site-search");
  await box.click();
  await box.pressSequentially("zzqx");
  await expect(page.locator(".search-status")).toHaveText("No pages match “zzqx”.");
  await expect(page.locator("#search-results [role=option]")).toHaveCount(0);
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  await expect(box).toHaveValue("");
});

test("markup typed into search is shown as text and never runs", async ({ page }) => {
  await page.goto("./");
  await pageReady(page);
  const box = page.locator("#site-search");
  await box.click();
  await box.fill('<img src=x onerror="window.__pwned=1">');
  await expect(page.locator(".search-status")).toContainText("<img");
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  await expect(page.locator(".search-panel img")).toHaveCount(0);
});
