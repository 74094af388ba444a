// The sandbox, end to end in Chromium: building a workflow by keyboard alone, fixes, undo and
// redo, keeping work (autosave, corrupt storage, files, links, two tabs), the diagram and its
// downloads, and HTML or script typed into every field.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { BpmnModdle } from "bpmn-moddle";
import { Linter } from "bpmnlint";
import NodeResolver from "bpmnlint/lib/resolver/node-resolver.js";
import { collectErrors, markDocument, isSameDocument, pageReady, chooseTab } from "./helpers.mjs";
import { SUBPATH } from "../../playwright.config.mjs";
import { mermaidErrors } from "../support/mermaid-check.mjs";

const KEY = "flowguide-sandbox";
const COMPONENTS = ["trigger", "steps", "roles", "handoffs", "inputs_outputs", "outcome"];

async function openSandbox(page) {
  await page.goto("sandbox");
  await expect(page.locator("#page-title")).toHaveText("Sandbox");
  await expect(page.locator(".component")).toHaveCount(6);
  // The mark the benchmark times readiness by (./x bench), set once the tools are in the page.
  expect(await page.evaluate(() => performance.getEntriesByName("flowguide-ready").length)).toBe(1);
}

async function statuses(page) {
  return page.locator(".component").evaluateAll((els) => Object.fromEntries(els.map((e) => [e.dataset.component, e.dataset.status])));
}

function all(status) {
  return Object.fromEntries(COMPONENTS.map((c) => [c, status]));
}

/** Presses Tab (or Shift+Tab) until the element with `id` has focus; fails after 80 presses. */
async function tabTo(page, id, back = false) {
  for (let i = 0; i < 80; i++) {
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`Tab never reached #${id}`);
}

async function typeInto(page, id, text) {
  await tabTo(page, id);
  await page.keyboard.type(text);
}

async function chipsInto(page, id, ...names) {
  await tabTo(page, id);
  for (const name of names) {
    await page.keyboard.type(name);
    await page.keyboard.press("Enter");
  }
}

/** Chooses an option of the focused <select> by typing its first letters, as keyboard users do. */
async function chooseByTyping(page, id, text) {
  await tabTo(page, id);
  await page.keyboard.type(text);
  await page.waitForTimeout(50);
}

async function savedDoc(page) {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "null")?.document ?? null, KEY);
}

async function waitSaved(page) {
  await expect(page.locator("#wf-save-state")).toHaveAttribute("data-state", "saved");
}

async function startFrom(page, example) {
  // On a phone the tools wait behind "More tools".
  if (await page.locator("#wf-tools").isVisible()) await page.click("#wf-tools");
  await page.click("#wf-start");
  await page.click(`#wf-start-${example}`);
}

test("a learner builds the expense workflow from blank by keyboard alone, and each status goes from missing to good", async ({ page }) => {
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  await openSandbox(page);
  expect(await statuses(page)).toEqual(all("missing"));
  await page.locator("#page-title").focus();

  await typeInto(page, "wf-name", "Expense reimbursement");
  await chooseByTyping(page, "wf-trigger-kind", "Something");
  await expect(page.locator("#wf-trigger-kind")).toHaveValue("event");
  await typeInto(page, "wf-trigger-description", "An employee submits an expense claim with receipts");
  await chipsInto(page, "wf-trigger-provides", "expense claim", "receipts");
  await expect(page.locator('[data-component="trigger"]')).toHaveAttribute("data-status", "good");

  await chipsInto(page, "wf-add-role", "Employee", "Line manager", "Finance team");
  await expect(page.locator(".role")).toHaveCount(3);

  // Three steps: "Add a step" moves focus to the new step's title.
  const steps = [
    { title: "Review the claim against the expense policy", role: "Line", inputs: ["expense claim", "receipts"], outputs: ["approval decision"] },
    { title: "Fix and resubmit the claim", role: "Emp", inputs: ["approval decision"], outputs: ["expense claim"] },
    { title: "Pay the approved amount", role: "Fin", inputs: ["approval decision", "expense claim"], outputs: ["payment"] },
  ];
  for (const [i, s] of steps.entries()) {
    await tabTo(page, "wf-add-step");
    await page.keyboard.press("Enter");
    await expect(page.locator(`#wf-step-${i}-title`)).toBeFocused();
    await page.keyboard.type(s.title);
    await chooseByTyping(page, `wf-step-${i}-role`, s.role);
    await chipsInto(page, `wf-step-${i}-inputs`, ...s.inputs);
    await chipsInto(page, `wf-step-${i}-outputs`, ...s.outputs);
    if (i === 0) await expect(page.locator('[data-component="steps"]')).not.toHaveAttribute("data-status", "missing");
  }
  await expect(page.locator("#wf-step-0-role")).toHaveValue("line-manager");
  await expect(page.locator("#wf-step-2-role")).toHaveValue("finance-team");

  // Step 1 branches: rejected → step 2, approved → step 3.
  await tabTo(page, "wf-step-0-after", true);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(page.locator("#wf-step-0-after")).toHaveValue("chosen");
  await typeInto(page, "wf-step-0-branch-0-when", "rejected");
  await tabTo(page, "wf-step-0-add-branch");
  await page.keyboard.press("Enter");
  await expect(page.locator("#wf-step-0-branch-1-to")).toBeFocused();
  await expect(page.locator("#wf-step-0-branch-1-to")).toHaveValue("step-3");
  await typeInto(page, "wf-step-0-branch-1-when", "approved");
  // Step 2 goes back to step 1 by email; step 3 ends the workflow.
  await tabTo(page, "wf-step-1-after");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await chooseByTyping(page, "wf-step-1-branch-0-to", "Step 1");
  await expect(page.locator("#wf-step-1-branch-0-to")).toHaveValue("step-1");
  await typeInto(page, "wf-step-1-branch-0-via", "email");
  await tabTo(page, "wf-step-2-after");
  await page.keyboard.press("ArrowDown");
  await expect(page.locator("#wf-step-2-after")).toHaveValue("end");

  await typeInto(page, "wf-outcome-description", "The employee is reimbursed for valid expenses");
  await typeInto(page, "wf-outcome-measure", "Payment reaches the employee within 10 working days of the claim");

  await expect.poll(() => statuses(page)).toEqual(all("good"));
  await expect(page.locator(".overall")).toContainText("What you built is a workflow");
  // The status changes were announced politely, once the typing stopped.
  await expect(page.locator("#wf-feedback-announcer")).toContainText("now good");
  // Each status shows in words and a symbol, not colour alone.
  await expect(page.locator('[data-component="roles"] .badge')).toHaveText(/✓\s*good/);
  // What was built is the expense example, field for field.
  await waitSaved(page);
  const example = JSON.parse(readFileSync("crates/engine/src/workflow/examples/expense.json", "utf8"));
  const built = await savedDoc(page);
  const shape = (doc) => doc.steps.map((s) => [s.title, s.inputs, s.outputs, (s.next ?? []).map((n) => n.when ?? n.via).sort()]);
  expect(shape(built)).toEqual(shape(example));
  expect(errors).toEqual([]);
});

test("a fix applies with one button, and undo and redo take it back and forth", async ({ page }) => {
  await openSandbox(page);
  await startFrom(page, "expense");
  // Give step 3 a role that is not defined: the undefined-role rule offers to add it.
  await page.evaluate(() => {
    const input = document.querySelector("#wf-step-2-role");
    input.insertAdjacentHTML("beforeend", '<option value="auditor">Auditor</option>');
  });
  await page.selectOption("#wf-step-2-role", "auditor");
  const roles = page.locator('[data-component="roles"]');
  await expect(roles).toHaveAttribute("data-status", "needs-work");
  await expect(roles.locator('[data-rule="undefined-role"]')).toHaveCount(1);
  await chooseTab(page, "feedback");
  const fix = roles.locator('[data-rule="undefined-role"] button', { hasText: /^Fix:/ });
  await expect(fix).toBeVisible();
  await fix.focus();
  await page.keyboard.press("Enter");
  const undefinedRole = roles.locator('[data-rule="undefined-role"]');
  await expect(page.locator(".role")).toHaveCount(4);
  await expect(undefinedRole).toHaveCount(0);
  // Focus lands on what the fix changed: the new role's name, ready to be renamed.
  await expect(page.locator("#wf-role-3-name")).toBeFocused();
  await expect(page.locator("#wf-role-3-name")).toHaveValue("Auditor");
  await page.keyboard.press("Control+z");
  await expect(page.locator(".role")).toHaveCount(3);
  await expect(undefinedRole).toHaveCount(1);
  await page.keyboard.press("Control+Shift+z");
  await expect(page.locator(".role")).toHaveCount(4);
  await expect(undefinedRole).toHaveCount(0);
  // Typing in one field is one undo step; the buttons work too.
  await page.locator("#wf-name").fill("");
  await page.keyboard.press("Tab"); // leaving the field ends its undo step
  await page.locator("#wf-name").pressSequentially("Claims");
  await page.keyboard.press("Control+z");
  await expect(page.locator("#wf-name")).toHaveValue("");
  await page.getByRole("button", { name: "Redo" }).click();
  await expect(page.locator("#wf-name")).toHaveValue("Claims");
  // Undo goes all the way back to before the example was opened.
  for (let i = 0; i < 10; i++) await page.keyboard.press("Control+z");
  await expect(page.locator(".step")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Undo" })).toBeDisabled();
});

test("clicking a finding moves focus to its field, and a diagram box selects its step", async ({ page }) => {
  await openSandbox(page);
  await startFrom(page, "support");
  await page.locator("#wf-step-1-title").fill("Stuff");
  await chooseTab(page, "feedback");
  const finding = page.locator('[data-component="steps"] .finding .link-button').first();
  await expect(finding).toBeVisible();
  const field = await finding.getAttribute("data-field");
  await finding.click();
  await expect(page.locator(`#${field}`)).toBeFocused();
  expect(field).toBe("wf-step-1-title");
  await chooseTab(page, "diagram");
  // The box of the step with a problem carries a marker with a count, not only a colour, and the
  // boxes without problems carry none.
  const marked = page.locator('.diagram-frame [data-index="1"]');
  await expect(marked).toHaveClass(/has-problems/);
  await expect(marked.locator(".diagram-marker text")).toHaveText(/^!\d+$/);
  await expect(marked.locator(".diagram-marker")).toBeVisible();
  await expect(page.locator('.diagram-frame [data-index="0"] .diagram-marker')).toHaveCount(0);
  await expect(page.locator('.diagram-frame [data-index="0"]')).not.toHaveClass(/has-problems/);
  // A click selects the box and brings its step into view in the editor; a double-click edits it.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('.diagram-frame [data-index="3"]').click();
  await expect(page.locator("#wf-step-3")).toHaveClass(/selected/);
  await expect(page.locator("#wf-step-3")).toBeInViewport();
  await page.locator('.diagram-frame [data-index="3"]').dblclick();
  await expect(page.locator("#wf-step-3-title")).toBeFocused();
  // The text alternative names each step, its role and its handoffs.
  await page.locator(".diagram-words summary").click();
  await expect(page.locator(".diagram-words li").first()).toContainText("Step 1, Read the ticket");
  // Each sentence offers, from the keyboard, what selecting its box does.
  await page.getByRole("button", { name: "Edit step 2" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("#wf-step-1-title")).toBeFocused();
});

test("steps move with buttons and with Alt+arrow keys, keeping focus", async ({ page }) => {
  await openSandbox(page);
  await startFrom(page, "expense");
  await page.locator("#wf-step-0-title").focus();
  await page.keyboard.press("Alt+ArrowDown");
  await expect(page.locator("#wf-step-1-title")).toHaveValue("Review the claim against the expense policy");
  await expect(page.locator("#wf-step-1-title")).toBeFocused();
  await expect(page.locator("#wf-action-announcer")).toContainText("Moved step 1 to position 2");
  await page.getByRole("button", { name: "Move step 2 up" }).click();
  await expect(page.locator("#wf-step-0-title")).toHaveValue("Review the claim against the expense policy");
  await page.getByRole("button", { name: "Duplicate step 1" }).click();
  await expect(page.locator(".step")).toHaveCount(4);
  await expect(page.locator("#wf-step-1-title")).toBeFocused();
  await page.getByRole("button", { name: "Remove step 2" }).click();
  await expect(page.locator(".step")).toHaveCount(3);
});

test("removing a role that steps use asks what to do with them", async ({ page }) => {
  await openSandbox(page);
  await startFrom(page, "expense");
  await page.getByRole("button", { name: "Remove the role Line manager" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Line manager does 1 step");
  // Escape cancels and changes nothing.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.locator(".role")).toHaveCount(3);
  await page.getByRole("button", { name: "Remove the role Line manager" }).click();
  await dialog.getByLabel("The role that takes them").selectOption("finance");
  await dialog.getByRole("button", { name: "Remove role" }).click();
  await expect(page.locator(".role")).toHaveCount(2);
  await expect(page.locator("#wf-step-0-role")).toHaveValue("finance");
  // A new role can be typed in place, from the button beside a step's role chooser.
  await page.click("#wf-step-0-add-role");
  await expect(page.locator("#wf-step-0-new-role")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.locator("#wf-step-0-new-role")).toHaveCount(0);
  await expect(page.locator("#wf-step-0-add-role")).toBeFocused();
  await expect(page.locator("#wf-step-0-role")).toHaveValue("finance");
  // Moving through the chooser with the arrow keys only chooses: focus stays on it.
  await page.locator("#wf-step-0-role").focus();
  for (const key of ["ArrowDown", "ArrowDown", "ArrowUp"]) {
    await page.keyboard.press(key);
    await expect(page.locator("#wf-step-0-role")).toBeFocused();
  }
  await page.locator("#wf-step-0-role").selectOption("finance");
  await page.click("#wf-step-0-add-role");
  await page.locator("#wf-step-0-new-role").fill("Auditor");
  await page.keyboard.press("Enter");
  await expect(page.locator("#wf-step-0-role")).toHaveValue("auditor");
  await expect(page.locator(".role")).toHaveCount(3);
});

test("a reload restores exactly what was there, and the indicator says when it is saved", async ({ page }) => {
  await openSandbox(page);
  await startFrom(page, "onboarding");
  // Typing shows "Saving…" at once; the write happens after a pause, and then it says "Saved".
  await page.locator("#wf-outcome-measure").fill("Every starter signs in on day one");
  // The words and the state checked together: one after the other, a busy machine can finish
  // the save in between.
  await expect(page.locator('#wf-save-state[data-state="saving"]')).toHaveText("Saving…");
  await waitSaved(page);
  await expect(page.locator("#wf-save-state")).toHaveText("Saved");
  const before = await savedDoc(page);
  expect(before.outcome.measure).toBe("Every starter signs in on day one");
  await page.reload();
  await expect(page.locator(".component")).toHaveCount(6);
  await expect(page.locator("#wf-outcome-measure")).toHaveValue("Every starter signs in on day one");
  await expect(page.locator(".step")).toHaveCount(before.steps.length);
  expect(await savedDoc(page)).toEqual(before);
  // The feedback level is kept too.
  await chooseTab(page, "feedback");
  await page.locator("#wf-preset").selectOption("strict");
  await page.reload();
  await expect(page.locator("#wf-preset")).toHaveValue("strict");
});

test("saved data that cannot be read is kept aside, reported, and the sandbox starts blank", async ({ page }) => {
  const broken = '{"kind":"flowguide-sandbox","version":1,"savedAt":1,"document":{"format":"flowguide/workflow","vers';
  await page.addInitScript(([key, value]) => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem(key, value);
      sessionStorage.setItem("seeded", "1");
    }
  }, [KEY, broken]);
  await openSandbox(page);
  const notice = page.locator("#wf-sandbox-notice");
  await expect(notice).toHaveAttribute("role", "alert");
  await expect(notice).toContainText("could not be opened");
  await expect(notice).toContainText("cut short");
  expect(await statuses(page)).toEqual(all("missing"));
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("flowguide-sandbox-backup-")).map((k) => localStorage.getItem(k)));
  expect(backups).toEqual([broken]);
  // The raw data can be downloaded as it was.
  const download = page.waitForEvent("download");
  await notice.getByRole("button", { name: "Download the saved data" }).click();
  const file = await (await download).path();
  expect(readFileSync(file, "utf8")).toBe(broken);
  // New work saves normally, and the backup stays.
  await page.locator("#wf-name").fill("Fresh start");
  await waitSaved(page);
  expect((await savedDoc(page)).name).toBe("Fresh start");
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes("backup")).length)).toBe(1);
});

test("a full storage quota is reported, not ignored", async ({ page }) => {
  await openSandbox(page);
  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException("full", "QuotaExceededError");
    };
  });
  await page.locator("#wf-name").fill("Too much");
  await expect(page.locator("#wf-save-state")).toHaveAttribute("data-state", "failed");
  await expect(page.locator("#wf-sandbox-notice")).toContainText("storage for this site is full");
});

test("importing a broken file names the problem and leaves the work untouched; a good file or a dropped one opens", async ({ page }) => {
  await openSandbox(page);
  await startFrom(page, "expense");
  await waitSaved(page);
  const before = await savedDoc(page);
  await page.locator("#wf-open-file").setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from('{\n  "format": "flowguide/workflow",\n  "version": 1,\n  "steps": [ { "id": "a" ]\n}') });
  const notice = page.locator("#wf-sandbox-notice");
  await expect(notice).toContainText("broken.json could not be opened: line 4, column");
  await expect(notice).toContainText("Your workflow has not changed");
  await expect(page.locator("#wf-name")).toHaveValue("Expense reimbursement");
  expect(await savedDoc(page)).toEqual(before);
  await page.locator("#wf-open-file").setInputFiles({ name: "other.json", mimeType: "application/json", buffer: Buffer.from('{"format":"flowguide/workflow","version":9}') });
  await expect(notice).toContainText("version 9");

  const support = readFileSync("crates/engine/src/workflow/examples/support.json", "utf8");
  await page.locator("#wf-open-file").setInputFiles({ name: "support.json", mimeType: "application/json", buffer: Buffer.from(support) });
  await expect(page.locator("#wf-name")).toHaveValue("Customer support ticket");
  // Drag and drop goes through the same reader.
  const onboarding = readFileSync("crates/engine/src/workflow/examples/onboarding.json", "utf8");
  const transfer = await page.evaluateHandle((text) => {
    const t = new DataTransfer();
    t.items.add(new File([text], "onboarding.json", { type: "application/json" }));
    return t;
  }, onboarding);
  await page.locator(".sandbox").dispatchEvent("drop", { dataTransfer: transfer });
  await expect(page.locator("#wf-name")).toHaveValue("New employee onboarding");
  // An import is undoable like any edit.
  await page.keyboard.press("Control+z");
  await expect(page.locator("#wf-name")).toHaveValue("Customer support ticket");
  // And the exported file opens again as the same document.
  const download = page.waitForEvent("download");
  await page.click("#wf-download-json");
  const file = await (await download).path();
  expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(JSON.parse(support));
});

test("a share link round-trips, asks before replacing saved work, and a damaged link says so", async ({ page, browser }) => {
  await openSandbox(page);
  await startFrom(page, "onboarding");
  await page.locator("#wf-name").fill("Onboarding, shared");
  await page.click("#wf-share-link");
  await expect(page.locator("#wf-share-url")).toBeFocused();
  const url = await page.locator("#wf-share-url").inputValue();
  expect(url).toMatch(/\/sandbox#w1\.[A-Za-z0-9_-]+$/);
  await waitSaved(page);
  const shared = await savedDoc(page);

  // Someone with no saved work opens it straight away.
  const other = await browser.newContext();
  const reader = await other.newPage();
  await reader.goto(url);
  await expect(reader.locator("#wf-name")).toHaveValue("Onboarding, shared");
  await expect.poll(() => savedDoc(reader)).toEqual(shared);
  expect(await reader.evaluate(() => location.hash)).toBe("");

  // Someone with work of their own is asked first.
  await reader.locator("#wf-name").fill("My own work");
  await waitSaved(reader);
  // Pasting the link while the sandbox is open changes only the fragment: it is still offered.
  await reader.goto(url);
  await expect(reader.locator("#wf-link-offer")).toContainText("called “Onboarding, shared”");
  await expect(reader.locator("#wf-name")).toHaveValue("My own work");
  await reader.click("#wf-offer-keep");
  await expect(reader.locator("#wf-name")).toHaveValue("My own work");
  await reader.reload(); // a full load of the link is offered the same way
  await reader.goto(url);
  await expect(reader.locator("#wf-offer-open")).toBeFocused();
  await reader.click("#wf-offer-open");
  await expect(reader.locator("#wf-name")).toHaveValue("Onboarding, shared");
  await reader.keyboard.press("Control+z");
  await expect(reader.locator("#wf-name")).toHaveValue("My own work");

  // A truncated or tampered link is refused with a clear message, and the work stays. So is a
  // link that would expand past the size limit (the browser's decompressor stops at 16 MB), and
  // one whose JSON is not a workflow.
  const linkOf = (bytes) => url.replace(/#.*/, "#w1." + deflateSync(bytes, { level: 9 }).toString("base64url"));
  const bomb = linkOf(Buffer.alloc(16 * 1024 * 1024 + 10, " "));
  const stranger = linkOf(Buffer.from('{"format":"flowguide/workflow","version":7}'));
  for (const bad of [url.slice(0, -12), url.replace(/.$/, (c) => (c === "A" ? "B" : "A")), bomb]) {
    await reader.goto(bad);
    await expect(reader.locator("#wf-sandbox-notice")).toContainText("could not be opened");
    await expect(reader.locator("#wf-sandbox-notice")).toContainText("incomplete or has been changed");
    await expect(reader.locator("#wf-sandbox-notice")).not.toContainText("..");
    await expect(reader.locator("#wf-name")).toHaveValue("My own work");
  }
  await reader.goto(stranger);
  await expect(reader.locator("#wf-sandbox-notice")).toContainText("version 7");
  await expect(reader.locator("#wf-name")).toHaveValue("My own work");
  await other.close();
});

test("a change in one tab shows in the other, with a note, and nothing is overwritten silently", async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await openSandbox(a);
  await startFrom(a, "expense");
  await waitSaved(a);
  await openSandbox(b);
  await expect(b.locator("#wf-name")).toHaveValue("Expense reimbursement");
  await a.locator("#wf-name").fill("Changed in tab A");
  await expect(b.locator("#wf-name")).toHaveValue("Changed in tab A");
  await expect(b.locator("#wf-sandbox-notice")).toContainText("another tab");
  // Tab B's next change builds on A's, and A follows it in turn.
  await b.locator("#wf-outcome-measure").fill("Paid within 5 days");
  await expect(a.locator("#wf-outcome-measure")).toHaveValue("Paid within 5 days");
  await expect(a.locator("#wf-name")).toHaveValue("Changed in tab A");
  await waitSaved(b);
  const saved = await savedDoc(b);
  expect([saved.name, saved.outcome.measure]).toEqual(["Changed in tab A", "Paid within 5 days"]);
});

test("the diagram downloads as a non-empty SVG and PNG; BPMN and Mermaid downloads open in their tools", async ({ page }) => {
  test.setTimeout(90_000);
  await openSandbox(page);
  await startFrom(page, "support");
  const grab = async (id) => {
    const download = page.waitForEvent("download");
    await page.click(id);
    const d = await download;
    return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
  };
  const svg = await grab("#wf-download-svg");
  expect(svg.name).toBe("customer-support-ticket.svg");
  expect(svg.bytes.toString()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[\s\S]*Read the ticket[\s\S]*<\/svg>$/);
  const png = await grab("#wf-download-png");
  expect(png.name).toBe("customer-support-ticket.png");
  expect(png.bytes.subarray(1, 4).toString()).toBe("PNG");
  expect(png.bytes.length).toBeGreaterThan(10_000);
  // The PNG is a real drawing: not one flat colour.
  const colours = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = "data:image/png;base64," + b64;
    await img.decode();
    const c = document.createElement("canvas");
    c.width = img.width;
    c.height = img.height;
    const cx = c.getContext("2d");
    cx.drawImage(img, 0, 0);
    const data = cx.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set();
    for (let i = 0; i < data.length; i += 4 * 97) seen.add(data.slice(i, i + 3).join());
    return seen.size;
  }, png.bytes.toString("base64"));
  expect(colours).toBeGreaterThan(5);

  const bpmn = await grab("#wf-download-bpmn");
  expect(bpmn.name).toBe("customer-support-ticket.bpmn");
  const { rootElement, warnings } = await new BpmnModdle().fromXML(bpmn.bytes.toString());
  expect(warnings).toEqual([]);
  const linter = new Linter({ config: { extends: "bpmnlint:correctness" }, resolver: new NodeResolver() });
  const reports = await linter.lint(rootElement);
  expect(Object.values(reports).flat()).toEqual([]);

  const mermaid = await grab("#wf-download-mermaid");
  expect(mermaid.name).toBe("customer-support-ticket.mmd");
  const probe = await page.context().newPage();
  expect(await mermaidErrors(probe, [["download", mermaid.bytes.toString()]])).toEqual([]);
  await probe.close();
});

test("HTML and script typed into every text field show as text and never run", async ({ page }) => {
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  await openSandbox(page);
  await startFrom(page, "expense");
  const payload = (n) => `<img src=x onerror="window.__pwned=${n}"><script>window.__pwned=${n}</script>"'&`;
  await page.locator("#wf-step-0-after").selectOption("chosen");
  const fields = await page.locator('.wf-editor input[type="text"]:not([id$="new-role"])').evaluateAll((els) => els.map((e) => e.id));
  expect(fields.length).toBeGreaterThan(20);
  for (const [n, id] of fields.entries()) {
    const field = page.locator(`#${id}`);
    if (await field.getAttribute("list")) {
      await field.fill(payload(n));
      await field.press("Enter");
    } else {
      await field.fill(payload(n));
    }
  }
  await waitSaved(page);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await page.locator('.sandbox img, .sandbox script, .diagram-frame foreignObject').count()).toBe(0);
  // The text is there, as text: in the diagram, the feedback and the chips.
  await expect(page.locator(".diagram-frame")).toContainText('<img src=x onerror="window.__pwned=');
  await expect(page.locator(".chip", { hasText: "<img src=x" }).first()).toBeVisible();
  await expect(page.locator("#wf-name")).toHaveValue(payload(fields.indexOf("wf-name")));
  // It survives a reload and a share link the same way.
  await page.reload();
  await expect(page.locator(".component")).toHaveCount(6);
  await page.click("#wf-share-link");
  await expect(page.locator("#wf-share-url")).toBeFocused();
  await page.goto((await page.locator("#wf-share-url").inputValue()).replace("/sandbox#", "/sandbox?again#"));
  await expect(page.locator(".diagram-frame")).toContainText("<script>window.__pwned=");
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(errors).toEqual([]);
});

test("moving between the reading pages and the sandbox is an ordinary link: each page loads its own bundle", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto("learn/what-is-a-workflow");
  await pageReady(page);
  await markDocument(page);
  await page.locator(".site-nav a", { hasText: "Sandbox" }).click();
  await expect(page.locator(".component")).toHaveCount(6);
  await expect(page).toHaveTitle("Sandbox · Flowguide");
  await expect(page.locator('.site-nav a[aria-current="page"]')).toHaveText("Sandbox");
  expect(await isSameDocument(page)).toBe(false);
  await pageReady(page);
  await page.locator(".site-nav a", { hasText: "Learn" }).click();
  await expect(page.locator("#page-title")).toHaveText("Learn");
  await expect(page).toHaveTitle("Learn · Flowguide");
  expect(errors).toEqual([]);
});

test("on a phone the sandbox has tabs, no page-wide sideways scroll, and the diagram scrolls in its frame", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await openSandbox(page);
  await startFrom(page, "onboarding");
  await expect(page.locator("#wf-tabs")).toBeVisible();
  await chooseTab(page, "diagram");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const frame = await page.locator(".diagram-frame").evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(frame.scroll).toBeGreaterThan(frame.client);
  // Scrolled sideways, the lane names stay in view at the frame's left edge.
  const names = await page.locator(".diagram-frame").evaluate((el) => {
    el.scrollLeft = el.scrollWidth;
    const first = el.querySelector(".lane-names span").getBoundingClientRect();
    return { offset: Math.round(first.left - el.getBoundingClientRect().left), text: el.querySelector(".lane-names").textContent };
  });
  expect(names.offset).toBeLessThanOrEqual(2);
  expect(names.text).toContain("HR coordinator");
  await context.close();
});

test("the sandbox's page is written at build time: with scripts off it still has its title, frame and a reason", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const response = await page.goto("sandbox");
  expect(response.status()).toBe(200);
  await expect(page.locator("h1#page-title")).toHaveText("Sandbox");
  await expect(page.locator(".site-nav a", { hasText: "Learn" })).toBeVisible();
  await expect(page.locator(".app-root .without-script")).toBeVisible();
  await expect(page.locator(".app-root .without-script")).toContainText("needs JavaScript");
  await expect(page.locator(".app-root .loading")).toBeHidden();
  await context.close();
});

test("a document too big for the sandbox is refused with the reason, and the work stays", async ({ page }) => {
  await openSandbox(page);
  await startFrom(page, "expense");
  const steps = Array.from({ length: 501 }, (_, i) => ({ id: `s${i}`, title: `Check item ${i}` }));
  const big = JSON.stringify({ format: "flowguide/workflow", version: 1, name: "Big", steps });
  await page.locator("#wf-open-file").setInputFiles({ name: "big.json", mimeType: "application/json", buffer: Buffer.from(big) });
  await expect(page.locator("#wf-sandbox-notice")).toContainText("big.json could not be opened: it has 501 steps");
  await expect(page.locator("#wf-name")).toHaveValue("Expense reimbursement");
});

test("every sandbox control shows a visible focus ring from the keyboard", async ({ page }) => {
  await openSandbox(page);
  await startFrom(page, "expense");
  await page.locator("#page-title").focus();
  const seen = new Set();
  for (let i = 0; i < 70; i++) {
    await page.keyboard.press("Tab");
    const ring = await page.evaluate(() => {
      let el = document.activeElement;
      const id = el.id || el.textContent.trim().slice(0, 30) || el.tagName;
      // A visually hidden file input shows its ring on its label.
      if (el.classList.contains("visually-hidden") && el.labels?.length) el = el.labels[0];
      const style = getComputedStyle(el);
      return { id, width: parseFloat(style.outlineWidth), style: style.outlineStyle };
    });
    seen.add(ring.id);
    expect(ring.style, `focus on ${ring.id}`).not.toBe("none");
    expect(ring.width, `focus on ${ring.id}`).toBeGreaterThanOrEqual(2);
  }
  for (const id of ["wf-open-file", "wf-start", "wf-name", "wf-trigger-kind", "wf-role-0-name"]) expect(seen).toContain(id);
});

test("the share box's link follows the workflow while it is open", async ({ page }) => {
  await openSandbox(page);
  await startFrom(page, "expense");
  await page.click("#wf-share-link");
  await expect(page.locator("#wf-share-url")).toBeFocused();
  const first = await page.locator("#wf-share-url").inputValue();
  await page.locator("#wf-name").fill("Expenses, version 2");
  await expect(page.locator("#wf-share-url")).not.toHaveValue(first);
  const second = await page.locator("#wf-share-url").inputValue();
  const fresh = await page.context().browser().newContext();
  const other = await fresh.newPage();
  await other.goto(second);
  await expect(other.locator("#wf-name")).toHaveValue("Expenses, version 2");
  await fresh.close();
});

test("under a sub-path the sandbox loads, its links carry the base, and a share link opens there", async ({ page, browser }) => {
  const errors = collectErrors(page);
  await page.goto(SUBPATH + "learn/what-is-a-workflow");
  await page.locator(".site-nav a", { hasText: "Sandbox" }).click();
  await expect(page).toHaveURL(`${SUBPATH}sandbox`);
  await expect(page.locator(".component")).toHaveCount(6);
  await startFrom(page, "expense");
  await page.locator("#wf-step-1-role").selectOption("");
  const rule = page.locator('[data-component="roles"] a', { hasText: "About this rule" }).first();
  // Links are relative to the page's base, so they resolve under the sub-path.
  expect(await rule.evaluate((a) => a.href)).toBe(`${SUBPATH}reference/rules/step-without-role`);
  expect(await page.locator('[data-component="roles"] h3 a').evaluate((a) => a.href)).toBe(`${SUBPATH}reference/roles`);
  await page.click("#wf-share-link");
  await expect(page.locator("#wf-share-url")).toBeFocused();
  const url = await page.locator("#wf-share-url").inputValue();
  expect(url.startsWith(`${SUBPATH}sandbox#w1.`)).toBe(true);
  const other = await browser.newContext();
  const reader = await other.newPage();
  await reader.goto(url);
  await expect(reader.locator("#wf-name")).toHaveValue("Expense reimbursement");
  await expect(reader.locator("#wf-step-1-role")).toHaveValue("");
  await other.close();
  // Back to the lessons, still under the base.
  await chooseTab(page, "feedback");
  await rule.click();
  await expect(page).toHaveURL(`${SUBPATH}reference/rules/step-without-role`);
  expect(errors).toEqual([]);
});


test("the studio's first load carries no site frame; the frame arrives the first time it is used, and the first press still counts", async ({ page }) => {
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  await openSandbox(page);
  await page.waitForLoadState("networkidle");
  expect(fetched.filter((p) => p.includes("/reading-")), "the reading bundle before any use of the frame").toEqual([]);
  await expect(page.locator("html[data-shell=ready]")).toHaveCount(0);

  // A click on the theme button before the frame is there is not lost.
  const toggle = page.locator(".theme-toggle");
  const pressed = await toggle.getAttribute("aria-pressed");
  await toggle.click();
  await expect(page.locator("html[data-shell=ready]")).toHaveCount(1);
  await expect(toggle).toHaveAttribute("aria-pressed", pressed === "true" ? "false" : "true");
  expect(fetched.some((p) => /\/reading-[0-9a-f]+_bg\.wasm$/.test(p))).toBe(true);

  // Search works from the sandbox page; a result is an ordinary link to a reading page.
  await page.locator("#site-search").fill("handoff");
  const first = page.locator("#search-results [role=option]").first();
  await expect(first).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).not.toHaveURL(/\/sandbox$/);
  await expect(page.locator("html[data-shell=ready]")).toHaveCount(1);
});

test("on the sandbox page, / jumps to search even before the frame has loaded, but not while typing", async ({ page }) => {
  await openSandbox(page);
  await page.locator("#wf-name").pressSequentially("A/B testing");
  await expect(page.locator("#wf-name")).toHaveValue("A/B testing");
  await expect(page.locator("html[data-shell=ready]")).toHaveCount(0);
  await page.locator("#wf-name").blur();
  await page.keyboard.press("/");
  await expect(page.locator("#site-search")).toBeFocused();
  await expect(page.locator("html[data-shell=ready]")).toHaveCount(1);
});

test("the embed is the sandbox without the BPMN and Mermaid exports or edits on the diagram, laid out for a frame that grows to fit; it keeps files and share links", async ({ page }) => {
  await page.goto("embed/sandbox");
  await expect(page.locator(".component")).toHaveCount(6);
  for (const id of ["#wf-download-json", "#wf-open-file", "#wf-share-link", "#wf-download-svg", "#wf-download-png"]) {
    await expect(page.locator(id)).toHaveCount(1);
  }
  await expect(page.locator("#wf-download-bpmn, #wf-download-mermaid")).toHaveCount(0);
  // No tabs and no split: the editor and the feedback side by side, the diagram below them.
  await expect(page.locator("#wf-tabs, #wf-splitter")).toHaveCount(0);
  const editor = await page.locator("#wf-name").boundingBox();
  const feedback = await page.locator(".component").first().boundingBox();
  const frame = await page.locator("#wf-diagram-frame").boundingBox();
  expect(feedback.x).toBeGreaterThan(editor.x + editor.width);
  expect(frame.y).toBeGreaterThan(feedback.y);
  // The diagram zooms and selects, and its help says only what it does here.
  await expect(page.locator("#wf-diagram-step-tools")).toHaveCount(0);
  await page.locator(".diagram-help summary").click();
  await expect(page.locator("#wf-diagram-keys")).not.toContainText("Drag");
  await expect(page.locator("#wf-diagram-keys")).toContainText("arrow keys select steps");
  await page.goto("sandbox");
  await expect(page.locator("#wf-download-bpmn")).toBeVisible();
  await expect(page.locator("#wf-download-mermaid")).toBeVisible();
});

test("one press starts from an example: the Start from menu lists each choice whole, closes with Escape, and undo brings the work back", async ({ page }) => {
  await openSandbox(page);
  await page.locator("#wf-name").fill("My own work");
  const toggle = page.locator("#wf-start");
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  const menu = page.getByRole("group", { name: "Start from" });
  await expect(menu.getByRole("button")).toHaveText(["A blank workflow", "Example: Expense reimbursement", "Example: New employee onboarding", "Example: Customer support ticket"]);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await expect(toggle).toBeFocused();
  await expect(page.locator("#wf-name")).toHaveValue("My own work");
  await toggle.click();
  await menu.getByRole("button", { name: "Example: Customer support ticket" }).click();
  await expect(page.locator("#wf-name")).toHaveValue("Customer support ticket");
  await expect(menu).toHaveCount(0);
  await expect(page.locator("#wf-sandbox-notice")).toContainText("Started from the example “Customer support ticket”");
  await page.keyboard.press("Control+z");
  await expect(page.locator("#wf-name")).toHaveValue("My own work");
});

test("a click at human speed on Add a step, straight after typing an output, adds the step and keeps the output", async ({ page }) => {
  await openSandbox(page);
  await page.click("#wf-add-step");
  await page.locator("#wf-step-0-title").fill("Check the request");
  await page.locator("#wf-step-0-outputs").pressSequentially("checked request");
  // The pointer goes to the button while the output is still being typed, then presses and
  // releases it a moment later, as a person does.
  // The page scrolls smoothly unless the reader asks for less motion; this reader does, so the
  // button is where it was measured.
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.locator("#wf-add-step").scrollIntoViewIfNeeded();
  const box = await page.locator("#wf-add-step").boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
  await page.mouse.down();
  await page.waitForTimeout(120);
  await page.mouse.up();
  await expect(page.locator(".step")).toHaveCount(2);
  await expect(page.locator("#wf-step-1-title")).toBeFocused();
  await expect(page.locator("#wf-step-0 .chip")).toHaveText(["checked request×"]);
});
