// The site works under a strict Content Security Policy with no 'unsafe-inline':
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';
//   img-src 'self' data: blob:; object-src 'none'; base-uri 'self'
// The test servers send the policy from the build's own `_headers` file, so every browser test
// runs under it; this suite also listens for violation reports while a reader and a learner use
// every kind of page, and fails on any.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { collectErrors, pageReady } from "./helpers.mjs";

const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'self'";

/** Records every CSP violation the page reports, from the first byte on. */
async function watchViolations(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__violations.push(`${e.violatedDirective}: ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
}

const violations = (page) => page.evaluate(() => window.__violations);

test("the build ships the policy in _headers, and the server sends it", async ({ request }) => {
  const headers = readFileSync("target/site/root/_headers", "utf8");
  expect(headers).toContain(`Content-Security-Policy: ${POLICY}`);
  const response = await request.get("learn/what-is-a-workflow");
  expect(response.headers()["content-security-policy"]).toBe(POLICY);
});

test("no page breaks the policy: reading pages, search, the theme, print, 404 and the embed", async ({ page }) => {
  await watchViolations(page);
  const errors = collectErrors(page);
  for (const path of ["./", "learn/what-is-a-workflow", "reference/glossary#handoff", "reference/rules/empty-handoff", "print", "no/such/page"]) {
    await page.goto(path);
    await pageReady(page);
    expect(await violations(page), path).toEqual([]);
  }
  await page.locator("#site-search").fill("handoff");
  await expect(page.locator("#search-results [role=option]").first()).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("#page-title")).toHaveText("Handoffs");
  await page.locator(".theme-toggle").click();
  expect(await violations(page)).toEqual([]);
  await page.goto("embed/sandbox");
  await expect(page.locator(".component")).toHaveCount(6);
  expect(await violations(page)).toEqual([]);
  expect(errors.filter((e) => !e.includes("404"))).toEqual([]);
});

test("the sandbox works under the policy: editing, the diagram, a dialog, downloads and a share link", async ({ page }) => {
  await watchViolations(page);
  const errors = collectErrors(page);
  await page.goto("sandbox");
  await expect(page.locator(".component")).toHaveCount(6);
  await page.click("#wf-start");
  await page.click("#wf-start-expense");
  await expect(page.locator(".diagram-frame svg [data-step]").first()).toBeVisible();
  // The diagram's styles come from the stylesheet, so its boxes are drawn, not black.
  const fill = await page.locator(".diagram-step rect").first().evaluate((el) => getComputedStyle(el).fill);
  expect(fill).not.toBe("rgb(0, 0, 0)");
  await page.locator("#wf-name").fill("Under a strict policy");
  for (const id of ["#wf-download-svg", "#wf-download-png", "#wf-download-json", "#wf-download-bpmn"]) {
    const download = page.waitForEvent("download");
    await page.click(id);
    await download;
  }
  await page.click("#wf-share-link");
  await expect(page.locator("#wf-share-url")).toBeFocused();
  expect(await violations(page)).toEqual([]);
  expect(errors).toEqual([]);
});
