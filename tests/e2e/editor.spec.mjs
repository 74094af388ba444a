// The sandbox as an editor, in Chromium: the diagram beside the editor on wide screens (with a
// split the learner resizes), tabs on a phone, selection shared between editor and diagram, zoom,
// fit and pan, edits on the diagram by pointer and keyboard, the friendly start, and "Library
// book loan" built from blank with the pointer alone and with the keyboard alone.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { collectErrors, chooseTab } from "./helpers.mjs";
import { workflow } from "../support/workflows.mjs";

const KEY = "flowguide-sandbox";
const PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true };

async function open(page) {
  await page.goto("sandbox");
  await expect(page.locator(".component")).toHaveCount(6);
}

async function startFrom(page, example) {
  if (await page.locator("#wf-tools").isVisible()) await page.click("#wf-tools");
  await page.click("#wf-start");
  await page.click(`#wf-start-${example}`);
  await expect(page.locator("#wf-name")).not.toHaveValue("");
}

async function savedDoc(page) {
  await expect(page.locator("#wf-save-state")).toHaveAttribute("data-state", "saved");
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "null")?.document ?? null, KEY);
}

async function statuses(page) {
  return page.locator(".component").evaluateAll((els) => Object.fromEntries(els.map((e) => [e.dataset.component, e.dataset.status])));
}

const ALL_GOOD = Object.fromEntries(["trigger", "steps", "roles", "handoffs", "inputs_outputs", "outcome"].map((c) => [c, "good"]));

/** Presses Tab (or Shift+Tab) until the element with `id` has focus; fails after 120 presses. */
async function tabTo(page, id, back = false) {
  for (let i = 0; i < 120; i++) {
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`Tab never reached #${id}`);
}

test.describe("on a wide screen", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("the diagram sits beside the editor and stays in view while the editor scrolls; feedback is one click away", async ({ page }) => {
    const errors = collectErrors(page);
    await open(page);
    await startFrom(page, "expense");
    const diagram = page.locator("#wf-pane-diagram");
    await expect(diagram).toBeVisible();
    await expect(page.locator("#wf-pane-feedback")).toBeHidden();
    const edit = await page.locator("#wf-pane-edit").boundingBox();
    const side = await diagram.boundingBox();
    expect(side.x).toBeGreaterThan(edit.x + edit.width - 1);
    // Typing in the last step, far down the editor: the diagram is still on screen.
    await page.locator("#wf-step-2-title").scrollIntoViewIfNeeded();
    await page.locator("#wf-step-2-title").click();
    await page.keyboard.type(" now");
    const box = await page.locator('#wf-pane-diagram [data-step="pay"]').boundingBox();
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(800);
    await expect(page.locator('#wf-pane-diagram [data-step="pay"]')).toContainText("now");
    // The feedback tab says how many parts need work, and opens with one click.
    await expect(page.locator("#wf-tab-feedback .tab-count")).toHaveText("✓");
    await chooseTab(page, "feedback");
    await expect(page.locator("#wf-pane-feedback")).toBeVisible();
    await expect(page.locator("#wf-pane-diagram")).toBeHidden();
    await expect(page.locator("#wf-tab-feedback")).toHaveAttribute("aria-selected", "true");
    // Arrow keys move between the tabs, as in any tab list.
    await page.keyboard.press("ArrowLeft");
    await expect(page.locator("#wf-tab-diagram")).toBeFocused();
    await expect(page.locator("#wf-pane-diagram")).toBeVisible();
    expect(errors).toEqual([]);
  });

  test("the split between editor and diagram resizes by pointer and keyboard, and is kept", async ({ page }) => {
    await open(page);
    const width = async () => (await page.locator("#wf-pane-edit").boundingBox()).width;
    const before = await width();
    const handle = page.locator("#wf-splitter");
    await expect(handle).toHaveAttribute("aria-valuenow", "50");
    const h = await handle.boundingBox();
    await page.mouse.move(h.x + h.width / 2, h.y + 200);
    await page.mouse.down();
    await page.mouse.move(h.x - 200, h.y + 200, { steps: 5 });
    await page.mouse.up();
    const narrower = await width();
    expect(narrower).toBeLessThan(before - 100);
    await handle.focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    expect(await width()).toBeGreaterThan(narrower + 40);
    await page.keyboard.press("End");
    await expect(handle).toHaveAttribute("aria-valuenow", "70");
    await page.reload();
    await expect(page.locator("#wf-splitter")).toHaveAttribute("aria-valuenow", "70");
  });

  test("selection is shared: a step worked on in the editor is highlighted on the diagram, and a box selected brings its step into view", async ({ page }) => {
    await open(page);
    await startFrom(page, "expense");
    await page.click("#wf-step-1-title");
    await expect(page.locator('#wf-pane-diagram [data-index="1"]')).toHaveClass(/selected/);
    await expect(page.locator("#wf-pane-diagram .diagram-step.selected")).toHaveCount(1);
    // Scroll the editor away, then select step 3's box: the editor brings step 3 into view.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('#wf-pane-diagram [data-index="2"]').click();
    await expect(page.locator("#wf-step-2")).toHaveClass(/selected/);
    await expect(page.locator("#wf-step-2")).toBeInViewport();
    await expect(page.locator('#wf-pane-diagram [data-index="2"]')).toHaveClass(/selected/);
    // From the keyboard: focus the diagram, arrows select, Enter edits.
    await page.locator("#wf-diagram-frame").focus();
    await page.keyboard.press("ArrowLeft");
    await expect(page.locator('#wf-pane-diagram [data-index="1"]')).toHaveClass(/selected/);
    await expect(page.locator("#wf-action-announcer")).toContainText("Selected step 2");
    await page.keyboard.press("Enter");
    await expect(page.locator("#wf-step-1-title")).toBeFocused();
  });

  test("zoom in, zoom out and fit, by buttons, keys and Ctrl+wheel; the lane names stay in view", async ({ page }) => {
    await open(page);
    await startFrom(page, "onboarding");
    const svgWidth = () => page.locator("#wf-pane-diagram svg.workflow-diagram").evaluate((s) => s.getBoundingClientRect().width);
    const frame = page.locator("#wf-diagram-frame");
    const fitted = await svgWidth();
    await expect(page.locator("#wf-zoom-fit")).toHaveAttribute("aria-pressed", "true");
    await page.click("#wf-zoom-in");
    expect(await svgWidth()).toBeGreaterThan(fitted * 1.2);
    await expect(page.locator("#wf-zoom-fit")).toHaveAttribute("aria-pressed", "false");
    await frame.focus();
    await page.keyboard.press("-");
    await page.keyboard.press("-");
    expect(await svgWidth()).toBeLessThan(fitted);
    await page.keyboard.press("0");
    expect(Math.abs((await svgWidth()) - fitted)).toBeLessThan(2);
    // Fit shrinks the diagram to the frame's width, but never below 75%, so its words stay
    // readable; a wider diagram scrolls.
    const frameWidth = await frame.evaluate((f) => f.clientWidth);
    const level = Number((await page.locator("#wf-zoom-level").textContent()).replace("%", ""));
    if (level > 75) expect(await svgWidth()).toBeLessThanOrEqual(frameWidth + 1);
    else expect(level).toBe(75);
    const f = await frame.boundingBox();
    await page.mouse.move(f.x + f.width / 2, f.y + 40);
    await page.keyboard.down("Control");
    await page.mouse.wheel(0, -100);
    await page.keyboard.up("Control");
    await expect.poll(svgWidth).toBeGreaterThan(fitted * 1.2);
    // Scrolled sideways, the lane names are still at the frame's left edge.
    await frame.evaluate((el) => (el.scrollLeft = 400));
    const lane = await page.locator("#wf-pane-diagram .lane-names span").first().boundingBox();
    expect(Math.abs(lane.x - (await frame.boundingBox()).x)).toBeLessThan(3);
    // Shift and an arrow pan.
    await frame.focus();
    const left = await frame.evaluate((el) => el.scrollLeft);
    await page.keyboard.press("Shift+ArrowLeft");
    expect(await frame.evaluate((el) => el.scrollLeft)).toBeLessThan(left);
  });

  test("edits on the diagram: add a step after, move a step to another lane, link two steps, by pointer and keyboard, each undoable", async ({ page }) => {
    const errors = collectErrors(page);
    await open(page);
    await startFrom(page, "expense");
    // Select "Fix and resubmit" and add a step after it, with the button.
    await page.locator('#wf-pane-diagram [data-step="fix"]').click();
    await page.click("#wf-dg-add");
    await expect(page.locator("#wf-pane-diagram .diagram-step")).toHaveCount(4);
    await expect(page.locator('#wf-pane-diagram [data-index="2"]')).toHaveClass(/selected/);
    let doc = await savedDoc(page);
    expect(doc.steps.map((s) => s.id)).toEqual(["review", "fix", "step-4", "pay"]);
    await page.keyboard.press("Control+z");
    await expect(page.locator("#wf-pane-diagram .diagram-step")).toHaveCount(3);

    // Drag "Pay" into the Employee lane: it is now the employee's step.
    const pay = await page.locator('#wf-pane-diagram [data-step="pay"]').boundingBox();
    const employeeLane = await page.locator("#wf-pane-diagram .diagram-lane").first().boundingBox();
    await page.mouse.move(pay.x + pay.width / 2, pay.y + pay.height / 2);
    await page.mouse.down();
    // Into the Employee lane, left of every box (the first column starts further right).
    await page.mouse.move(employeeLane.x + 175, employeeLane.y + employeeLane.height / 2, { steps: 8 });
    await expect(page.locator("#wf-pane-diagram .drag-hint")).toContainText("Release to move step 3");
    await page.mouse.up();
    doc = await savedDoc(page);
    expect(doc.steps[2].role).toBe("employee");
    await page.keyboard.press("Control+z");
    await expect.poll(async () => (await savedDoc(page)).steps[2].role).toBe("finance");

    // Drag "Pay" onto "Review": a new link from pay to review.
    const pay2 = await page.locator('#wf-pane-diagram [data-step="pay"]').boundingBox();
    const review = await page.locator('#wf-pane-diagram [data-step="review"]').boundingBox();
    await page.mouse.move(pay2.x + 20, pay2.y + pay2.height / 2);
    await page.mouse.down();
    await page.mouse.move(review.x + review.width / 2, review.y + review.height / 2, { steps: 10 });
    await expect(page.locator("#wf-pane-diagram .drag-hint")).toContainText("Release to link step 3");
    await page.mouse.up();
    doc = await savedDoc(page);
    expect((doc.steps[2].next ?? []).map((n) => n.to)).toEqual(["review"]);
    await page.keyboard.press("Control+z");

    // By keyboard: focus the diagram, select step 2, Alt+↓ moves it a lane down, then link it
    // to step 3 with the "Link to" list.
    await page.locator("#wf-diagram-frame").focus();
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowRight");
    await expect(page.locator('#wf-pane-diagram [data-index="1"]')).toHaveClass(/selected/);
    await page.keyboard.press("Alt+ArrowDown");
    await expect.poll(async () => (await savedDoc(page)).steps[1].role).toBe("manager");
    await expect(page.locator("#wf-action-announcer")).toContainText("Moved step 2");
    await expect(page.locator("#wf-diagram-frame")).toBeFocused();
    await tabTo(page, "wf-dg-link-to", true);
    await page.keyboard.press("End");
    await tabTo(page, "wf-dg-link");
    await page.keyboard.press("Enter");
    doc = await savedDoc(page);
    expect(doc.steps[1].next.map((n) => n.to)).toContain("pay");
    // The lane list moves it too.
    await tabTo(page, "wf-dg-role", true);
    await page.locator("#wf-dg-role").selectOption("finance");
    await expect.poll(async () => (await savedDoc(page)).steps[1].role).toBe("finance");
    expect(errors).toEqual([]);
  });

  test("the selected step's tools follow its edits: typing in its title keeps the lane and the step chosen to link to", async ({ page }) => {
    await open(page);
    await startFrom(page, "expense");
    await page.locator('#wf-pane-diagram [data-step="review"]').click();
    await expect(page.locator("#wf-dg-link-to option")).toHaveText(["step 2 (Fix and resubmit the claim)", "step 3 (Pay the approved amount)"]);
    await page.locator("#wf-dg-link-to").selectOption({ label: "step 3 (Pay the approved amount)" });
    await expect(page.locator("#wf-dg-role")).toHaveValue("manager");
    const link = await page.locator("#wf-dg-link-to").elementHandle();
    // Typing in the selected step's title: its name follows; the lists stay as they were.
    await page.locator("#wf-step-0-title").fill("Review the claim carefully");
    await expect(page.locator("#wf-pane-diagram .selected-step")).toHaveText("Selected: step 1 (Review the claim carefully)");
    await expect(page.locator("#wf-dg-link-to")).toHaveValue("2");
    await expect(page.locator("#wf-dg-role")).toHaveValue("manager");
    expect(await link.evaluate((e) => e.isConnected)).toBe(true);
    // Working in another step selects it; its tools list the others by their names now.
    await page.locator("#wf-step-2-title").fill("Pay the claim");
    await expect(page.locator("#wf-pane-diagram .selected-step")).toHaveText("Selected: step 3 (Pay the claim)");
    await expect(page.locator("#wf-dg-link-to option")).toHaveText(["step 1 (Review the claim carefully)", "step 2 (Fix and resubmit the claim)"]);
    await expect(page.locator("#wf-dg-role")).toHaveValue("finance");
    await expect(page.locator("#wf-dg-role option")).toHaveText(["No one yet", "Employee", "Line manager", "Finance team"]);
  });

  test("a blank sandbox greets a newcomer with a guide, not a score; parts not started say so until asked", async ({ page }) => {
    await open(page);
    await chooseTab(page, "feedback");
    await expect(page.locator("#wf-guide")).toBeVisible();
    await expect(page.locator("#wf-pane-feedback")).not.toContainText("Overall score");
    await expect(page.locator("#wf-pane-feedback .finding")).toHaveCount(0);
    await expect(page.locator('[data-component="trigger"] .badge')).toHaveText(/Not started/);
    await expect(page.locator('[data-component="trigger"]')).toHaveAttribute("data-status", "missing");
    await expect(page.locator('[data-component="trigger"]')).toHaveAttribute("data-progress", "not-started");
    await expect(page.locator("#wf-tab-feedback .tab-count")).toBeHidden();
    // Starting one part: it gets its feedback; the others still wait.
    await chooseTab(page, "diagram");
    await page.fill("#wf-trigger-description", "A member asks to borrow a book");
    await chooseTab(page, "feedback");
    await expect(page.locator("#wf-guide")).toHaveCount(0);
    await expect(page.locator(".overall")).toContainText("Overall score");
    await expect(page.locator('[data-component="trigger"]')).not.toHaveAttribute("data-progress", "not-started");
    await expect(page.locator('[data-component="outcome"] .badge')).toHaveText(/Not started/);
    await expect(page.locator(".progress-note")).toContainText("started 1 of the 6 parts");
    // Asking to check everything shows every part's findings.
    await page.click("#wf-check-all");
    await expect(page.locator('[data-component="outcome"] .badge')).toHaveText(/missing/);
    await expect(page.locator('[data-component="outcome"] .finding').first()).toBeVisible();
    await expect(page.locator(".progress-note")).toHaveCount(0);
  });

  test("the overall message never calls the work a workflow beside a missing part", async ({ page }) => {
    await open(page);
    await startFrom(page, "expense");
    await page.fill("#wf-outcome-description", "");
    await page.fill("#wf-outcome-measure", "");
    await chooseTab(page, "feedback");
    await page.click("#wf-check-all").catch(() => {});
    await expect(page.locator('[data-component="outcome"]')).toHaveAttribute("data-status", "missing");
    await expect(page.locator(".overall")).toContainText("not whole yet: it has no outcome");
    await expect(page.locator(".overall")).not.toContainText("is a workflow");
  });

  test("Library book loan, built from blank with the pointer alone", async ({ page }) => {
    const errors = collectErrors(page);
    await open(page);
    // Every control is clicked; text is typed where a field needs words.
    const typeIn = async (selector, text) => {
      await page.locator(selector).click();
      await page.keyboard.type(text);
    };
    await typeIn("#wf-name", "Library book loan");
    await page.locator("#wf-trigger-kind").selectOption("request");
    await typeIn("#wf-trigger-description", "A member asks to borrow a book at the desk");
    // A chip is added when its field loses focus to a click elsewhere.
    await typeIn("#wf-trigger-provides", "library card");
    await page.locator("#wf-trigger-description").click();
    await typeIn("#wf-trigger-provides", "book");
    await page.locator("#wf-trigger-description").click();
    const addRole = page.getByRole("button", { name: "Add role", exact: true });
    await typeIn("#wf-add-role", "Member");
    await addRole.click();
    await typeIn("#wf-add-role", "Librarian");
    await addRole.click();
    await expect(page.locator(".role")).toHaveCount(2);
    const steps = [
      { title: "Hand over the book and library card", role: "member", inputs: ["library card", "book"], outputs: ["loan request"] },
      { title: "Check the member's account for overdue loans", role: "librarian", inputs: ["loan request"], outputs: ["approved loan"] },
      { title: "Stamp the due date and issue the book", role: "librarian", inputs: ["approved loan"], outputs: ["issued book"] },
    ];
    for (const [i, s] of steps.entries()) {
      await page.locator("#wf-add-step").click();
      await typeIn(`#wf-step-${i}-title`, s.title);
      await page.locator(`#wf-step-${i}-role`).selectOption(s.role);
      for (const name of s.inputs) {
        await typeIn(`#wf-step-${i}-inputs`, name);
        await page.locator(`#wf-step-${i}-title`).click();
      }
      for (const name of s.outputs) {
        await typeIn(`#wf-step-${i}-outputs`, name);
        await page.locator(`#wf-step-${i}-title`).click();
      }
    }
    await typeIn("#wf-outcome-description", "The member leaves with the book and knows when it is due");
    await typeIn("#wf-outcome-measure", "Every loan is issued within 5 minutes of the request");
    await expect.poll(() => statuses(page)).toEqual(ALL_GOOD);
    await chooseTab(page, "feedback");
    await expect(page.locator(".overall")).toContainText("What you built is a workflow");
    await chooseTab(page, "diagram");
    await expect(page.locator("#wf-pane-diagram .diagram-step")).toHaveCount(3);
    await expect(page.locator("#wf-pane-diagram .diagram-words")).toContainText("hands off loan request to Librarian for step 2");
    const doc = await savedDoc(page);
    expect(doc.steps.map((s) => [s.title, s.role, s.inputs, s.outputs])).toEqual(steps.map((s) => [s.title, s.role, s.inputs, s.outputs]));
    expect(errors).toEqual([]);
  });

  test("Library book loan, built from blank with the keyboard alone", async ({ page }) => {
    test.setTimeout(90_000);
    const errors = collectErrors(page);
    await open(page);
    await page.locator("#page-title").focus();
    const typeInto = async (id, text) => {
      await tabTo(page, id);
      await page.keyboard.type(text);
    };
    const chips = async (id, ...names) => {
      await tabTo(page, id);
      for (const n of names) {
        await page.keyboard.type(n);
        await page.keyboard.press("Enter");
      }
    };
    await typeInto("wf-name", "Library book loan");
    await tabTo(page, "wf-trigger-kind");
    await page.keyboard.type("Someone");
    await expect(page.locator("#wf-trigger-kind")).toHaveValue("request");
    await typeInto("wf-trigger-description", "A member asks to borrow a book at the desk");
    await chips("wf-trigger-provides", "library card", "book");
    await chips("wf-add-role", "Member", "Librarian");
    const steps = [
      { title: "Hand over the book and library card", role: "Mem", inputs: ["library card", "book"], outputs: ["loan request"] },
      { title: "Check the member's account for overdue loans", role: "Lib", inputs: ["loan request"], outputs: ["approved loan"] },
      { title: "Stamp the due date and issue the book", role: "Lib", inputs: ["approved loan"], outputs: ["issued book"] },
    ];
    for (const [i, s] of steps.entries()) {
      await tabTo(page, "wf-add-step");
      await page.keyboard.press("Enter");
      await expect(page.locator(`#wf-step-${i}-title`)).toBeFocused();
      await page.keyboard.type(s.title);
      await tabTo(page, `wf-step-${i}-role`);
      await page.keyboard.type(s.role);
      await chips(`wf-step-${i}-inputs`, ...s.inputs);
      await chips(`wf-step-${i}-outputs`, ...s.outputs);
    }
    await expect(page.locator("#wf-step-0-role")).toHaveValue("member");
    await expect(page.locator("#wf-step-2-role")).toHaveValue("librarian");
    await typeInto("wf-outcome-description", "The member leaves with the book and knows when it is due");
    await typeInto("wf-outcome-measure", "Every loan is issued within 5 minutes of the request");
    await expect.poll(() => statuses(page)).toEqual(ALL_GOOD);
    // The feedback is a keystroke away: the tabs are reachable, and arrows choose.
    await tabTo(page, "wf-tab-diagram", true);
    await page.keyboard.press("ArrowRight");
    await expect(page.locator("#wf-tab-feedback")).toBeFocused();
    await expect(page.locator(".overall")).toContainText("What you built is a workflow");
    expect(errors).toEqual([]);
  });
});

test("a 20-step diagram downloads as a PNG of a sensible size: sharp, light even in the dark theme, at most 6000 px on its longest side", async ({ page }) => {
  // The page is dark; the picture keeps the light colours, readable on white paper and slides.
  await page.emulateMedia({ colorScheme: "dark" });
  await open(page);
  const doc = workflow(20);
  await page.locator("#wf-open-file").setInputFiles({ name: "twenty.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(doc)) });
  await expect(page.locator("#wf-name")).toHaveValue("A workflow of 20 steps");
  await chooseTab(page, "diagram");
  await expect(page.locator("#wf-pane-diagram .diagram-step")).toHaveCount(20);
  // The drawing's own size, from the SVG download.
  const grab = async (id) => {
    const download = page.waitForEvent("download");
    await page.click(id);
    return readFileSync(await (await download).path());
  };
  const svg = (await grab("#wf-download-svg")).toString();
  const [, w, h] = svg.match(/viewBox="0 0 (\d+) (\d+)"/).map(Number);
  const png = await grab("#wf-download-png");
  expect(png.subarray(1, 4).toString()).toBe("PNG");
  // Width and height from the PNG's header.
  const pw = png.readUInt32BE(16);
  const ph = png.readUInt32BE(20);
  expect(Math.max(pw, ph)).toBeLessThanOrEqual(6000);
  // Twice the drawing's size unless that passes the cap; the shape is kept.
  const scale = Math.min(2, 6000 / Math.max(w, h));
  expect(Math.abs(pw - w * scale)).toBeLessThanOrEqual(1);
  expect(Math.abs(ph - h * scale)).toBeLessThanOrEqual(1);
  // Sensible to attach to an email or a slide: well under 3 MB.
  expect(png.length).toBeGreaterThan(50_000);
  expect(png.length).toBeLessThan(3_000_000);
  // Light: the top left corner (a lane's background) is a pale colour, not the dark theme's.
  const corner = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = "data:image/png;base64," + b64;
    await img.decode();
    const c = document.createElement("canvas");
    c.width = 4;
    c.height = 4;
    c.getContext("2d").drawImage(img, 0, 0);
    return Array.from(c.getContext("2d").getImageData(0, 0, 1, 1).data);
  }, png.toString("base64"));
  for (const channel of corner) expect(channel).toBeGreaterThan(200);
});

test.describe("on a phone", () => {
  test.use(PHONE);

  test("Edit, Feedback and Diagram are tabs with a count; each is one tap away, and the editor comes back where it was", async ({ page }) => {
    const errors = collectErrors(page);
    await open(page);
    // The tools wait behind one button, so the first screen is the work.
    await expect(page.locator("#wf-start")).toBeHidden();
    await expect(page.locator("#wf-tools")).toHaveAttribute("aria-expanded", "false");
    await startFrom(page, "expense");
    await expect(page.locator("#wf-tools")).toHaveAttribute("aria-expanded", "true");
    await expect(page.locator("#wf-tab-edit")).toHaveAttribute("aria-selected", "true");
    await expect(page.locator("#wf-pane-diagram")).toBeHidden();
    // Break something: the feedback tab counts it.
    await page.locator("#wf-step-2-title").fill("");
    await expect(page.locator("#wf-tab-feedback .tab-count")).toHaveText("1");
    // Into the middle of the screen. Steps are laid out only when near the screen, so the page
    // can move under the field once the steps above it are: scroll again until it stays put.
    const field = page.locator("#wf-step-2-title");
    await expect.poll(async () => {
      const before = (await field.boundingBox()).y;
      await field.evaluate((e) => e.scrollIntoView({ block: "center", behavior: "instant" }));
      await page.waitForTimeout(100);
      const after = (await field.boundingBox()).y;
      return after > 100 && after < 560 && Math.abs(after - before) < 1;
    }).toBe(true);
    const y = (await field.boundingBox()).y;
    // The tabs stay at the top of the screen while the editor scrolls.
    const tabs = await page.locator("#wf-tabs").boundingBox();
    expect(tabs.y).toBeLessThan(2);
    await chooseTab(page, "feedback", { tap: true });
    await expect(page.locator("#wf-pane-feedback")).toBeVisible();
    await expect(page.locator("#wf-pane-edit")).toBeHidden();
    await expect(page.locator("#page-title")).not.toBeInViewport();
    await chooseTab(page, "diagram", { tap: true });
    await expect(page.locator("#wf-pane-diagram .diagram-step")).toHaveCount(3);
    await expect(page.locator("#wf-pane-diagram svg.workflow-diagram")).toBeInViewport();
    // Back in the editor, the field worked in is where it was on the screen.
    await chooseTab(page, "edit", { tap: true });
    await expect(page.locator("#wf-step-2-title")).toBeInViewport();
    await expect.poll(async () => Math.abs((await page.locator("#wf-step-2-title").boundingBox()).y - y)).toBeLessThan(5);
    // A finding's "go to the field" brings the editor back, with the field focused.
    await chooseTab(page, "feedback", { tap: true });
    await page.locator('[data-component="steps"] .finding-message button').first().tap();
    await expect(page.locator("#wf-pane-edit")).toBeVisible();
    await expect(page.locator("#wf-step-2-title")).toBeFocused();
    // No page-wide sideways scroll.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(errors).toEqual([]);
  });

  test("on a phone the lane names take a narrow column and the diagram fits its width", async ({ page }) => {
    await open(page);
    await startFrom(page, "expense");
    await chooseTab(page, "diagram", { tap: true });
    const lane = await page.locator("#wf-pane-diagram .lane-names span").first().boundingBox();
    expect(lane.width).toBeLessThan(90);
    const frame = page.locator("#wf-diagram-frame");
    await page.locator("#wf-zoom-in").tap();
    await page.locator("#wf-zoom-fit").tap();
    const svg = await page.locator("#wf-pane-diagram svg.workflow-diagram").boundingBox();
    const f = await frame.boundingBox();
    // Fit shrinks to the frame but never below half size; beyond that the frame scrolls.
    expect(svg.width).toBeLessThanOrEqual(Math.max(f.width, svg.width));
    await expect(page.locator("#wf-zoom-level")).toHaveText(/^(5\d|[6-9]\d|100)%$/);
    // A tap on a box selects it, and its tools are right there.
    await page.locator('#wf-pane-diagram [data-step="fix"]').tap();
    await expect(page.locator('#wf-pane-diagram [data-step="fix"]')).toHaveClass(/selected/);
    await expect(page.locator("#wf-dg-add")).toBeVisible();
    await page.locator("#wf-dg-edit").tap();
    await expect(page.locator("#wf-step-1-title")).toBeFocused();
    await expect(page.locator("#wf-tab-edit")).toHaveAttribute("aria-selected", "true");
  });
});
