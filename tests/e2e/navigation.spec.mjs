// Moving around: links move within the app, arrow keys step through pages, deep links survive
// a reload, the skip link and focus work from the keyboard.
import { test, expect } from "@playwright/test";
import { collectErrors, isSameDocument, markDocument, pageReady } from "./helpers.mjs";

test("sidebar, lesson and pager links move within the app, with no full reload", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto("./");
  await pageReady(page);
  await markDocument(page);

  await page.locator("#sidebar").getByRole("link", { name: "What is a workflow?" }).click();
  await expect(page).toHaveURL(/\/learn\/what-is-a-workflow$/);
  await expect(page.locator("#page-title")).toHaveText("What is a workflow?");
  await expect(page.locator('#sidebar a[aria-current="page"]')).toHaveText("What is a workflow?");
  await expect(page.locator('.site-nav a[aria-current="page"]')).toHaveText("Learn");
  await expect(page).toHaveTitle("What is a workflow? · Flowguide");
  // Focus moves to the new page's title, so a screen reader announces the change.
  await expect(page.locator("#page-title")).toBeFocused();

  // A link inside the lesson text (rendered Markdown) to a glossary term.
  await pageReady(page);
  await page.locator('.prose a[href^="reference/glossary#"]').first().click();
  await expect(page).toHaveURL(/\/reference\/glossary#[a-z-]+$/);
  await expect(page.locator("#page-title")).toHaveText("Glossary");

  await page.getByRole("link", { name: /Previous/ }).click();
  await expect(page.locator("#page-title")).toHaveText("Feedback rules");
  expect(await isSameDocument(page)).toBe(true);
  expect(errors).toEqual([]);
});

test("the left and right arrow keys move to the previous and next page", async ({ page }) => {
  await page.goto("learn/what-is-a-workflow");
  await pageReady(page);
  await markDocument(page);
  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(/\/learn\/why-workflows-matter$/);
  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(/\/learn\/workflow-task-project-process$/);
  await page.keyboard.press("ArrowLeft");
  await expect(page).toHaveURL(/\/learn\/why-workflows-matter$/);
  expect(await isSameDocument(page)).toBe(true);

  // Arrow keys inside the search box belong to the search box.
  await page.locator("#site-search").focus();
  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(/\/learn\/why-workflows-matter$/);
});

test("a deep link to a glossary term survives a reload on a static host", async ({ page }) => {
  const response = await page.goto("reference/glossary#handoff");
  expect(response.status()).toBe(200);
  await pageReady(page);
  const term = page.locator("dt#handoff");
  await expect(term).toBeInViewport();
  await expect(term).toHaveClass(/is-target/);
  await page.reload();
  await pageReady(page);
  await expect(page.locator("dt#handoff")).toBeInViewport();
});

test("an unknown deep link still boots the app from the host's 404.html", async ({ page }) => {
  // The static host answers /learn/… with 404.html (status 404) only when the path is unknown;
  // a real lesson path is not a file either, so it must come through the same fallback.
  const response = await page.goto("learn/designing-a-good-workflow");
  expect([200, 404]).toContain(response.status());
  await pageReady(page);
  await expect(page.locator("#page-title")).toHaveText("Designing a good workflow");
  await page.reload();
  await pageReady(page);
  await expect(page.locator("#page-title")).toHaveText("Designing a good workflow");
});

test("the 404 page shows for unknown addresses and unknown lessons", async ({ page }) => {
  const errors = collectErrors(page);
  for (const path of ["no/such/page", "learn/no-such-lesson", "reference/nothing"]) {
    await page.goto(path);
    await pageReady(page);
    await expect(page.locator("#page-title")).toHaveText("We can’t find that page");
    await expect(page).toHaveTitle("Page not found · Flowguide");
    await expect(page.locator(".not-found code")).toHaveText(`/${path}`);
    await expect(page.locator(".not-found ol a").first()).toHaveText("What is a workflow?");
  }
  await page.locator(".not-found").getByRole("link", { name: "Go to the welcome page" }).click();
  await pageReady(page);
  await expect(page).toHaveURL(/:4173\/$/);
  // The host answered with status 404, which the browser logs; nothing else may go wrong.
  expect(errors.filter((e) => !e.includes("404"))).toEqual([]);
});

test("the skip link is the first stop and jumps to the main content", async ({ page }) => {
  await page.goto("learn/what-is-a-workflow");
  await pageReady(page);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test("every control shows a visible focus ring", async ({ page }) => {
  await page.goto("./");
  await pageReady(page);
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("Tab");
    const outline = await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return { tag: el.tagName, width: parseFloat(style.outlineWidth), style: style.outlineStyle };
    });
    expect(outline.style, `focus on ${outline.tag}`).not.toBe("none");
    expect(outline.width, `focus on ${outline.tag}`).toBeGreaterThanOrEqual(2);
  }
});
