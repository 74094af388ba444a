// Theme and layout: dark mode follows the system, the toggle overrides and persists; the page
// never scrolls sideways at 360 px; the sub-path build works.
import { test, expect } from "@playwright/test";
import { SUBPATH } from "../../playwright.config.mjs";
import { APP_ROUTES, collectErrors, isSameDocument, markDocument, pageReady, summaryRoutes } from "./helpers.mjs";

const background = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test("the theme follows the system until the toggle overrides it, and the choice persists", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("learn/what-is-a-workflow");
  await pageReady(page);
  const toggle = page.getByRole("button", { name: "Dark theme" });
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  expect(await background(page)).toBe("rgb(18, 20, 23)");

  await page.emulateMedia({ colorScheme: "light" });
  await page.reload();
  await pageReady(page);
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  expect(await background(page)).toBe("rgb(255, 255, 255)");

  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  expect(await background(page)).toBe("rgb(18, 20, 23)");

  await page.reload();
  await pageReady(page);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "true");
  expect(await background(page)).toBe("rgb(18, 20, 23)");

  await page.getByRole("button", { name: "Dark theme" }).press("Enter");
  await page.reload();
  await pageReady(page);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
});

test.describe("at 360 px wide", () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  for (const route of [...summaryRoutes(), ...APP_ROUTES, "/reference/rules/empty-handoff", "/no-such-page"]) {
    test(`${route} has no horizontal scroll`, async ({ page }) => {
      await page.goto(route.slice(1) || "./");
      await pageReady(page);
      const { scroll, client } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      expect(scroll).toBeLessThanOrEqual(client);
    });
  }

  test("the contents open from a button and close after choosing a page", async ({ page }) => {
    await page.goto("learn/what-is-a-workflow");
    await pageReady(page);
    const sidebar = page.locator("#sidebar");
    await expect(sidebar).toBeHidden();
    const button = page.getByRole("button", { name: "Contents" });
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await button.click();
    await expect(button).toHaveAttribute("aria-expanded", "true");
    await expect(sidebar).toBeVisible();
    await sidebar.getByRole("link", { name: "Roles" }).click();
    await expect(page.locator("#page-title")).toHaveText("Roles");
    await expect(sidebar).toBeHidden();
  });
});

test("a build under /course/flowguide/ works: assets, links, deep links and reloads", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(SUBPATH);
  await pageReady(page);
  await markDocument(page);
  const lesson = page.locator("#sidebar").getByRole("link", { name: "Why workflows matter" });
  await expect(lesson).toHaveAttribute("href", "/course/flowguide/learn/why-workflows-matter");
  await lesson.click();
  await expect(page).toHaveURL(`${SUBPATH}learn/why-workflows-matter`);
  await pageReady(page);
  await expect(page.locator("#page-title")).toHaveText("Why workflows matter");
  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(`${SUBPATH}learn/workflow-task-project-process`);
  await pageReady(page);
  await page.locator('.prose a[href^="reference/"]').first().click();
  await expect(page).toHaveURL(new RegExp(`^${SUBPATH}reference/`));
  expect(await isSameDocument(page)).toBe(true);

  await page.goto(`${SUBPATH}reference/glossary#handoff`);
  await pageReady(page);
  await expect(page.locator("dt#handoff")).toBeInViewport();
  await page.reload();
  await pageReady(page);
  await expect(page.locator("#page-title")).toHaveText("Glossary");

  await page.locator("#site-search").fill("handoff");
  await expect(page.locator("#search-results [role=option]").first()).toHaveText(/Handoffs/);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`${SUBPATH}reference/handoffs`);
  expect(errors).toEqual([]);
});
