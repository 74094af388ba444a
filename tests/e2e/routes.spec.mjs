// Every route loads, sets its own title and description, and logs no console error.
import { test, expect } from "@playwright/test";
import { APP_ROUTES, collectErrors, pageReady, summaryRoutes } from "./helpers.mjs";

const routes = [...summaryRoutes(), ...APP_ROUTES];

test("the summary lists the lessons, the components and the glossary", () => {
  expect(routes).toContain("/learn/what-is-a-workflow");
  expect(routes).toContain("/reference/handoffs");
  expect(routes).toContain("/reference/glossary");
});

for (const route of routes) {
  test(`${route} loads cleanly with its own title and description`, async ({ page }) => {
    const errors = collectErrors(page);
    const response = await page.goto(route.slice(1) || "./");
    expect(response.status()).toBe(200);
    await pageReady(page);
    const h1 = (await page.locator("#page-title").textContent()).trim();
    expect(h1.length).toBeGreaterThan(0);
    await expect(page).toHaveTitle(route === "/" ? "Flowguide" : /.+ · Flowguide$/);
    const descriptions = page.locator('meta[name="description"]');
    await expect(descriptions).toHaveCount(1);
    expect((await descriptions.getAttribute("content")).length).toBeGreaterThan(20);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    expect(errors).toEqual([]);
  });
}

test("lessons show their learning goal, text and a check-yourself answer hidden until asked", async ({ page }) => {
  await page.goto("learn/what-is-a-workflow");
  await pageReady(page);
  await expect(page.locator(".goal")).toContainText("Learning goal");
  await expect(page.locator(".prose h2").first()).toBeVisible();
  const check = page.locator(".check").first();
  const answer = check.locator(".check-answer-body");
  await expect(answer).toBeHidden();
  await check.locator("summary").focus();
  await page.keyboard.press("Enter");
  await expect(answer).toBeVisible();
});

test("headings carry anchor ids that link to themselves", async ({ page }) => {
  await page.goto("learn/why-workflows-matter");
  await pageReady(page);
  const heading = page.locator("#what-goes-wrong-without-them");
  await expect(heading).toBeVisible();
  await expect(heading.locator("a")).toHaveAttribute("href", "learn/why-workflows-matter#what-goes-wrong-without-them");
});

test("the comparison lesson has its side-by-side table", async ({ page }) => {
  await page.goto("learn/workflow-task-project-process");
  await pageReady(page);
  const table = page.locator(".prose table").first();
  await expect(table).toBeVisible();
  for (const word of ["Task", "Workflow", "Project", "Process"]) {
    await expect(table.locator("th", { hasText: word }).first()).toBeVisible();
  }
});

test("the practice pages exist: the list of exercises, each exercise, a linked exercise and the drill", async ({ page }) => {
  for (const route of ["exercises", "exercises/expense-reimbursement", "exercises/link", "practice/classify", "instructor/grade", "instructor"]) {
    await page.goto(route);
    await expect(page.locator("#page-title")).toBeVisible();
    await expect(page.locator(".app-root[data-mounted]").first()).toBeAttached();
    await expect(page.locator("meta[name=flowguide-bundle]")).toHaveAttribute("content", "studio");
  }
});

test("the print page holds every lesson and reference page, in order", async ({ page }) => {
  await page.goto("print");
  await pageReady(page);
  const expected = summaryRoutes().filter((r) => r !== "/").length;
  await expect(page.locator(".print-page")).toHaveCount(expected);
  const titles = await page.locator(".print-page > .print-title").allTextContents();
  expect(titles[0]).toBe("What is a workflow?");
  expect(titles.at(-1)).toBe("Glossary");
  // Answers print open: the page opens every <details> before printing.
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await expect(page.locator(".check-answer-body").first()).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".site-header")).toBeHidden();
  await expect(page.locator(".sidebar")).toBeHidden();
});
