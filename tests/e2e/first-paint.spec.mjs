// Reading pages are text at first byte: the HTML a host sends holds the page's title, text,
// sidebar and navigation, so it reads with scripts off and before any wasm arrives; when the
// reading bundle takes over, nothing on the page moves (cumulative layout shift 0).
import { test, expect } from "@playwright/test";
import { pageReady } from "./helpers.mjs";

test("with scripts off, a lesson has its title, text, sidebar, navigation and pager", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("learn/what-is-a-workflow");
  await expect(page.locator("h1#page-title")).toHaveText("What is a workflow?");
  await expect(page).toHaveTitle("What is a workflow? · Flowguide");
  expect(await page.locator(".prose p").count()).toBeGreaterThan(5);
  await expect(page.locator('#sidebar a[aria-current="page"]')).toHaveText("What is a workflow?");
  await expect(page.locator('.site-nav a[aria-current="page"]')).toHaveText("Learn");
  await expect(page.locator(".pager a[rel=next]")).toBeVisible();
  // Controls that need a script stay out of the way; plain links still lead everywhere.
  await expect(page.locator("#site-search")).toBeHidden();
  await page.locator(".pager a[rel=next]").click();
  await expect(page.locator("h1#page-title")).toHaveText("Why workflows matter");
  await context.close();
});

test("the HTML a host sends already holds the page's words", async ({ request }) => {
  const html = await (await request.get("reference/glossary")).text();
  expect(html).toContain('<h1 id="page-title" tabindex="-1">Glossary</h1>');
  expect(html).toContain('id="handoff"');
  expect(html).not.toContain("Loading");
});

for (const path of ["./", "learn/what-is-a-workflow", "reference/glossary"]) {
  test(`nothing moves on ${path} while the reading bundle takes over (layout shift 0)`, async ({ page }) => {
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
      }).observe({ type: "layout-shift", buffered: true });
    });
    await page.goto(path);
    await pageReady(page);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => window.__shift)).toBe(0);
  });
}
