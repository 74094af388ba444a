// Shared helpers for Flowguide's browser tests.
import { readFileSync } from "node:fs";
import { expect } from "@playwright/test";

/** Every page route listed in content/SUMMARY.md, as in-app paths ("/", "/learn/…"). */
export function summaryRoutes() {
  const summary = readFileSync(new URL("../../content/SUMMARY.md", import.meta.url), "utf8");
  return [...summary.matchAll(/\]\(([^)]+)\.md\)/g)].map(([, p]) => (p === "index" ? "/" : `/${p}`));
}

/** The pages that are not generated from content. */
export const APP_ROUTES = ["/learn", "/reference", "/print", "/sandbox", "/exercises"];

/** Pages of the embed bundle: no site frame. */
export const EMBED_ROUTES = ["/embed/sandbox"];

/** Collects console errors and uncaught exceptions; check it is empty at the end of a test. */
export function collectErrors(page) {
  const errors = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => errors.push(`page error: ${err.message}`));
  return errors;
}

/** Waits until the page's text is there and the site frame's script has started. */
export async function pageReady(page) {
  await expect(page.locator("#page-title")).toBeVisible();
  // Reading pages are ready when the frame is live; the studio's pages when their tools are
  // mounted (their frame loads on first use).
  const bundle = await page.locator("meta[name=flowguide-bundle]").getAttribute("content");
  if (bundle === "reading") await expect(page.locator("html[data-shell=ready]")).toHaveCount(1);
  else await expect(page.locator(".app-root[data-mounted]").first()).toBeAttached();
}

/** Marks the current document, to tell an in-app navigation from a full page load. */
export async function markDocument(page) {
  await page.evaluate(() => (window.__sameDocument = true));
}

export async function isSameDocument(page) {
  return page.evaluate(() => window.__sameDocument === true);
}

/** Chooses the sandbox tab `name` (edit, feedback or diagram) of the sandbox with id prefix
 * `scope`, by a click (or a tap), until it is chosen. The site scrolls smoothly, so a click
 * straight after typing (which scrolls the field into view) can land while the page still moves;
 * a learner waits for it to stop, and so does this. */
export async function chooseTab(page, name, { tap = false, scope = "wf" } = {}) {
  const tab = page.locator(`#${scope}-tab-${name}`);
  await expect(async () => {
    await (tap ? tab.tap() : tab.click());
    await expect(tab).toHaveAttribute("aria-selected", "true", { timeout: 1000 });
  }).toPass();
}
