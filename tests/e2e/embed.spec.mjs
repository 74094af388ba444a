// Flowguide inside course pages (docs/embedding.md). The course pages are served from another
// origin than the site (another port), the way an LMS or a blog embeds Flowguide: with embed.js,
// with a plain iframe in a Canvas-style page that only understands `lti.frameResize`, and with
// hosts that try to listen in or send what they should not.
import { test, expect } from "@playwright/test";
import { createServer } from "node:http";
import { ROOT } from "../../playwright.config.mjs";
import { collectErrors } from "./helpers.mjs";

/** Course pages, by path; each is served as written, from http://127.0.0.1:PORT. */
const pages = new Map();
let host;
let HOST;

test.beforeAll(async () => {
  host = createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    const page = pages.get(url.pathname);
    if (!page) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", ...(page.headers ?? {}) }).end(page.html);
  });
  await new Promise((ok) => host.listen(0, "127.0.0.1", ok));
  HOST = `http://127.0.0.1:${host.address().port}`;
});

test.afterAll(() => host?.close());

/** A course page at `path` with `body`, recording every message its window receives. */
function course(path, body, headers) {
  pages.set(path, {
    headers,
    html: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Course page</title>
<script>window.__got = []; addEventListener("message", (e) => window.__got.push({ origin: e.origin, data: e.data }));</script>
</head><body style="margin:0"><h1>Week 3: workflows</h1>${body}</body></html>`,
  });
  return `${HOST}${path}`;
}

const embedJs = `<script src="${ROOT}/embed.js" async></script>`;

/** The embed's frame on the course page, as Playwright's Frame. */
async function flowguideFrame(page) {
  const iframe = page.locator(`iframe[src^="${ROOT}/embed/"]`);
  await expect(iframe).toHaveCount(1);
  const handle = await iframe.elementHandle();
  const frame = await handle.contentFrame();
  await frame.locator(".app-root[data-mounted]").waitFor();
  return frame;
}

/** The frame's own height and its content's, and whether it scrolls inside. */
async function heights(page) {
  const outer = await page.locator(`iframe[src^="${ROOT}/embed/"]`).evaluate((f) => f.getBoundingClientRect().height);
  const frame = await flowguideFrame(page);
  const inner = await frame.evaluate(() => ({
    content: Math.ceil(document.body.getBoundingClientRect().height),
    scrolls: document.documentElement.scrollHeight > document.documentElement.clientHeight + 1,
  }));
  return { outer, ...inner };
}

/** Grows the sandbox's content: starts from the first example. */
async function grow(frame) {
  await frame.locator("#wf-start").click();
  await frame.locator("#wf-start-menu button").nth(1).click();
  await expect(frame.locator("#wf-name")).not.toHaveValue("");
}

test("with embed.js, a div becomes a titled, lazy iframe as tall as its content as it grows and shrinks, and its events arrive on the div", async ({ page }) => {
  const errors = collectErrors(page);
  const url = course(
    "/week3.html",
    `<div id="fg" data-flowguide="sandbox" data-course="bio-101"></div>${embedJs}
<script>window.__events = []; for (const t of ["flowguide:ready","flowguide:resize","flowguide:feedback"]) document.addEventListener(t, (e) => window.__events.push({ type: e.type, target: e.target.id, detail: e.detail }));</script>`,
  );
  await page.goto(url);
  const iframe = page.locator("#fg iframe");
  await expect(iframe).toHaveAttribute("title", "Flowguide workflow sandbox");
  await expect(iframe).toHaveAttribute("loading", "lazy");
  const frame = await flowguideFrame(page);
  // The frame has no site navigation, only the tool and a way out to the full site.
  await expect(frame.locator(".site-header, .sidebar, .site-footer, nav")).toHaveCount(0);
  await expect(frame.locator(".embed-open a")).toHaveAttribute("target", "_blank");
  // Its height is its content's: no inner scrollbar.
  await expect.poll(async () => { const h = await heights(page); return Math.abs(h.outer - h.content) <= 1 && !h.scrolls; }).toBe(true);
  const small = (await heights(page)).outer;
  await grow(frame);
  await expect.poll(async () => (await heights(page)).outer).toBeGreaterThan(small + 200);
  await expect.poll(async () => { const h = await heights(page); return Math.abs(h.outer - h.content) <= 1 && !h.scrolls; }).toBe(true);
  const big = (await heights(page)).outer;
  // Undo brings the blank workflow back, and the frame shrinks with it.
  await frame.locator("#wf-name").focus();
  await page.keyboard.press("Control+z");
  await expect(frame.locator("#wf-name")).toHaveValue("");
  await expect.poll(async () => (await heights(page)).outer).toBeLessThan(big - 200);
  await expect.poll(async () => { const h = await heights(page); return Math.abs(h.outer - h.content) <= 1 && !h.scrolls; }).toBe(true);
  // The frame's messages arrive as events on the div, each in the documented shape.
  const events = await page.evaluate(() => window.__events);
  const ready = events.find((e) => e.type === "flowguide:ready");
  expect(ready).toMatchObject({ target: "fg", detail: { type: "flowguide:ready", version: 1, embed: "sandbox", frame: "fg" } });
  expect(events.some((e) => e.type === "flowguide:resize" && e.detail.height > small + 200)).toBe(true);
  const feedback = events.filter((e) => e.type === "flowguide:feedback").at(-1).detail.report;
  expect(Object.keys(feedback)).toEqual(["file", "overall", "components", "language"]);
  expect(Object.keys(feedback.components)).toEqual(["trigger", "steps", "roles", "handoffs", "inputs_outputs", "outcome"]);
  // The frame posted only to this page's origin, as objects; Canvas's message as JSON text.
  const got = await page.evaluate(() => window.__got);
  expect(got.length).toBeGreaterThan(3);
  for (const m of got) expect(m.origin).toBe(ROOT);
  expect(got.some((m) => typeof m.data === "string" && JSON.parse(m.data).subject === "lti.frameResize")).toBe(true);
  expect(errors).toEqual([]);
});

test("a Canvas-style page with no Flowguide script sizes the frame from lti.frameResize alone", async ({ page }) => {
  const url = course(
    "/canvas.html",
    `<iframe id="f" src="${ROOT}/embed/sandbox" title="Workflow sandbox" style="width:100%;border:0;height:150px"></iframe>
<script>addEventListener("message", (e) => { let m; try { m = JSON.parse(e.data); } catch { return; } if (m.subject === "lti.frameResize") document.getElementById("f").style.height = m.height + "px"; });</script>`,
  );
  await page.goto(url);
  const frame = await flowguideFrame(page);
  await expect.poll(async () => { const h = await heights(page); return Math.abs(h.outer - h.content) <= 1 && !h.scrolls; }).toBe(true);
  const small = (await heights(page)).outer;
  await grow(frame);
  await expect.poll(async () => (await heights(page)).outer).toBeGreaterThan(small + 200);
  await expect.poll(async () => { const h = await heights(page); return Math.abs(h.outer - h.content) <= 1 && !h.scrolls; }).toBe(true);
});

test("the frame never posts to '*': a page other than the one it names gets nothing; with no referrer it still finds its parent", async ({ page }) => {
  // The embed names another origin: the browser drops every message meant for it. A frame that
  // posted to '*' would be heard here.
  const other = course("/named-elsewhere.html", `<iframe src="${ROOT}/embed/sandbox?origin=https://lms.example.edu" title="Sandbox" style="width:100%;height:300px"></iframe>`);
  await page.goto(other);
  const frame = await flowguideFrame(page);
  await grow(frame);
  await page.waitForTimeout(800);
  expect(await page.evaluate(() => window.__got)).toEqual([]);
  // No referrer and no embed.js: the browser still tells the frame its parent's origin
  // (location.ancestorOrigins), and only that page hears it. (With neither, the frame posts
  // nothing: host::post_target's tests.)
  const silent = course("/no-referrer.html", `<iframe src="${ROOT}/embed/sandbox" title="Sandbox" referrerpolicy="no-referrer" style="width:100%;height:300px"></iframe>`);
  await page.goto(silent);
  const f2 = await flowguideFrame(page);
  expect(await f2.evaluate(() => document.referrer)).toBe("");
  await expect.poll(async () => (await page.evaluate(() => window.__got)).length).toBeGreaterThan(0);
});

test("the frame acts only on its parent's documented messages; a foreign frame's are ignored", async ({ page }) => {
  const url = course(
    "/themes.html",
    `<iframe id="f" src="${ROOT}/embed/sandbox?theme=light" title="Sandbox" style="width:100%;height:400px"></iframe>
<iframe id="other" src="${HOST}/foreign.html" title="Another tool"></iframe>`,
  );
  pages.set("/foreign.html", { html: "<!DOCTYPE html><title>Another tool</title><p>Another tool" });
  await page.goto(url);
  const frame = await flowguideFrame(page);
  await expect(frame.locator("html")).toHaveAttribute("data-theme", "light");
  // A sibling frame (another tool on the course page) tries to change the theme: ignored.
  const other = page.frame({ url: /foreign\.html/ });
  await other.evaluate(() => parent.frames[0].postMessage({ type: "flowguide:theme", version: 1, theme: "dark" }, "*"));
  await page.waitForTimeout(300);
  await expect(frame.locator("html")).toHaveAttribute("data-theme", "light");
  // Undocumented and malformed messages from the parent change nothing either.
  await page.evaluate(() => {
    const w = document.getElementById("f").contentWindow;
    w.postMessage({ type: "flowguide:theme", version: 2, theme: "dark" }, "*");
    w.postMessage({ type: "flowguide:theme", version: 1, theme: "<b>dark</b>" }, "*");
    w.postMessage('{"type":"flowguide:navigate","version":1,"to":"javascript:alert(1)"}', "*");
  });
  await page.waitForTimeout(300);
  await expect(frame.locator("html")).toHaveAttribute("data-theme", "light");
  // The parent's own, documented message is followed.
  await page.evaluate(() => document.getElementById("f").contentWindow.postMessage({ type: "flowguide:theme", version: 1, theme: "dark" }, "*"));
  await expect(frame.locator("html")).toHaveAttribute("data-theme", "dark");
});

test("embed.js listens only to its own frames from the Flowguide origin", async ({ page }) => {
  const url = course(
    "/listening.html",
    `<div id="fg" data-flowguide="sandbox" data-height="300"></div>${embedJs}
<iframe id="stranger" src="${HOST}/foreign.html" title="Another tool"></iframe>
<iframe id="lookalike" src="${ROOT}/no-such-page" title="Another Flowguide page"></iframe>
<script>window.__resizes = 0; document.addEventListener("flowguide:resize", () => window.__resizes++);</script>`,
  );
  pages.set("/foreign.html", { html: "<!DOCTYPE html><title>Another tool</title><p>Another tool" });
  await page.goto(url);
  const iframe = page.locator("#fg iframe");
  await expect.poll(async () => (await iframe.evaluate((f) => f.getBoundingClientRect().height))).toBeGreaterThan(300);
  const settled = await iframe.evaluate((f) => f.getBoundingClientRect().height);
  const before = await page.evaluate(() => window.__resizes);
  // A frame of another origin, and a Flowguide page that is not one of embed.js's frames.
  for (const name of ["stranger", "lookalike"]) {
    const f = page.frames().find((fr) => fr.url().includes(name === "stranger" ? "foreign.html" : "no-such-page"));
    await f.evaluate(() => parent.postMessage({ type: "flowguide:resize", version: 1, height: 7 }, "*"));
  }
  await page.waitForTimeout(300);
  expect(await iframe.evaluate((f) => f.getBoundingClientRect().height)).toBe(settled);
  expect(await page.evaluate(() => window.__resizes)).toBe(before);
});

test("options: theme, panels, read-only, preset and saving; hostile values change nothing and never reach the page", async ({ page }) => {
  const errors = collectErrors(page);
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.goto(`embed/sandbox?theme=dark&panels=feedback,diagram&preset=strict&save=0`);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.locator(".app-root[data-mounted]")).toBeAttached();
  await expect(page.locator(".wf-editor")).toBeHidden();
  await expect(page.locator(".feedback")).toBeVisible();
  await expect(page.locator("#wf-diagram-frame")).toBeVisible();
  await expect(page.locator("#wf-preset")).toHaveValue("strict");
  // save=0: nothing is kept, and the learner is told so.
  await expect(page.locator(".sandbox")).toContainText("does not keep your work");
  await page.evaluate(() => localStorage.clear());
  await page.goto(`embed/sandbox?save=0`);
  await grow(page);
  await page.waitForTimeout(1500);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("flowguide-embed")))).toEqual([]);
  // Read-only: the workflow and its feedback, no editor or tools.
  await page.goto(`embed/sandbox?readonly=1`);
  await expect(page.locator(".feedback")).toBeVisible();
  await expect(page.locator(".wf-editor")).toBeHidden();
  await expect(page.locator(".toolbar")).toBeHidden();
  // Hostile values: every one ignored and named in the console, none in the page.
  await page.addInitScript(() => (window.__ran = 0));
  const payload = `"><img src=x onerror="window.__ran++"><script>window.__ran++</script>`;
  const q = new URLSearchParams({ theme: payload, panels: payload, readonly: payload, preset: payload, lang: payload, save: payload, course: payload, page: payload, origin: `javascript:window.__ran++`, frame: payload, learner: payload, [payload]: "1" });
  await page.goto(`embed/sandbox?${q}`);
  await expect(page.locator(".app-root[data-mounted]")).toBeAttached();
  await expect(page.locator("html")).not.toHaveAttribute("data-theme", /./);
  await expect(page.locator(".wf-editor")).toBeVisible();
  await expect(page.locator("img[src=x], main script")).toHaveCount(0);
  expect(await page.evaluate(() => window.__ran)).toBe(0);
  expect(warnings.join("\n")).toContain("not understood");
  expect(errors).toEqual([]);
});

test("two course pages embedding the same tool keep their own work; two pages of one course share it", async ({ page }) => {
  const a = course("/course-a/page.html", `<div data-flowguide="sandbox"></div>${embedJs}`);
  const b = course("/course-b/page.html", `<div data-flowguide="sandbox"></div>${embedJs}`);
  const c1 = course("/bio/one.html", `<div data-flowguide="sandbox" data-course="bio-101"></div>${embedJs}`);
  const c2 = course("/bio/two.html", `<div data-flowguide="sandbox" data-course="bio-101"></div>${embedJs}`);
  await page.goto(a);
  let frame = await flowguideFrame(page);
  await grow(frame);
  const name = await frame.locator("#wf-name").inputValue();
  await page.waitForTimeout(1200);
  await page.goto(b);
  frame = await flowguideFrame(page);
  await expect(frame.locator("#wf-name")).toHaveValue("");
  await page.goto(a);
  frame = await flowguideFrame(page);
  await expect(frame.locator("#wf-name")).toHaveValue(name);
  await page.goto(c1);
  frame = await flowguideFrame(page);
  await grow(frame);
  await page.waitForTimeout(1200);
  await page.goto(c2);
  frame = await flowguideFrame(page);
  await expect(frame.locator("#wf-name")).toHaveValue(name);
});

test("Open in Flowguide carries the work to the full sandbox", async ({ page, context }) => {
  await page.goto("embed/sandbox?save=0");
  await expect(page.locator(".embed-open a")).toHaveAttribute("href", /\/sandbox#w1\.[A-Za-z0-9_-]+$/);
  const blank = await page.locator(".embed-open a").getAttribute("href");
  await grow(page);
  const name = await page.locator("#wf-name").inputValue();
  // The link follows the work at once (no pause needed before a click).
  await expect(page.locator(".embed-open a")).not.toHaveAttribute("href", blank);
  const [tab] = await Promise.all([context.waitForEvent("page"), page.locator(".embed-open a").click()]);
  await expect(tab.locator("#wf-name")).toHaveValue(name);
});
