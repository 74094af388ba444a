// The rule catalogue: generated from the rules' own documentation, every rule has a page with a
// poor and a good example and the engine's real findings, and the format's schema is served.
import { test, expect } from "@playwright/test";
import { collectErrors, isSameDocument, markDocument, pageReady } from "./helpers.mjs";

test("the catalogue lists every rule by component and links each to its page", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto("reference/rules");
  await pageReady(page);
  await expect(page.locator("#page-title")).toHaveText("Feedback rules");
  const links = page.locator('.rule-list a[href^="reference/rules/"]');
  expect(await links.count()).toBeGreaterThanOrEqual(25);
  await expect(page.locator(".prose h3")).toHaveText(["Trigger", "Steps", "Roles", "Handoffs", "Inputs and outputs", "Outcome"]);
  await markDocument(page);
  await page.getByRole("link", { name: "Every step has a role" }).click();
  await expect(page).toHaveURL(/\/reference\/rules\/step-without-role$/);
  await pageReady(page);
  await expect(page.locator("#page-title")).toHaveText("Every step has a role");
  await expect(page).toHaveTitle("Every step has a role · Flowguide");
  await expect(page.locator("#a-poor-example")).toBeVisible();
  await expect(page.locator("#a-good-example")).toBeVisible();
  await expect(page.locator(".rule-findings li").first()).toContainText("has no role: who does it?");
  expect(await isSameDocument(page)).toBe(true);
  expect(errors).toEqual([]);
});

test("rule pages step through the rules with the arrow keys, and unknown rules are a 404", async ({ page }) => {
  await page.goto("reference/rules/no-steps");
  await pageReady(page);
  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(/\/reference\/rules\/single-step$/);
  await page.keyboard.press("ArrowLeft");
  await expect(page).toHaveURL(/\/reference\/rules\/no-steps$/);
  // Rule pages stay out of the sidebar.
  await expect(page.locator('#sidebar a[href*="reference/rules/"]')).toHaveCount(0);
  await page.goto("reference/rules/no-such-rule");
  await pageReady(page);
  await expect(page.locator("#page-title")).toHaveText("We can’t find that page");
});

test("search finds a rule by its title", async ({ page }) => {
  await page.goto("./");
  await pageReady(page);
  await page.locator("#site-search").fill("every handoff carries");
  await expect(page.locator("#search-results [role=option]").first()).toContainText("Every handoff carries something");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/reference\/rules\/empty-handoff$/);
});

test("the workflow format's JSON Schema is served with the site", async ({ request }) => {
  const response = await request.get("schema/workflow-v1.json");
  expect(response.ok()).toBe(true);
  const schema = await response.json();
  expect(schema.$id).toBe("workflow-v1.json");
  expect(schema.required).toEqual(["format", "version"]);
});

test("lessons show workflows as cards with the feedback's verdict on each component", async ({ page }) => {
  await page.goto("learn/designing-a-good-workflow");
  await pageReady(page);
  const cards = page.locator(".workflow-card");
  expect(await cards.count()).toBeGreaterThanOrEqual(2);
  // The first draft needs work; the improved version is good all round.
  await expect(cards.first().locator('[data-component="steps"]')).toHaveAttribute("data-status", "needs-work");
  const improved = cards.nth(1);
  for (const component of ["trigger", "steps", "roles", "handoffs", "inputs_outputs", "outcome"]) {
    await expect(improved.locator(`[data-component="${component}"]`)).toHaveAttribute("data-status", "good");
  }
  // Status is in words and a symbol, not colour alone.
  await expect(improved.locator('[data-component="steps"] strong')).toHaveText("good");
});
