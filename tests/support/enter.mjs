// Enters a whole workflow document into a sandbox's editor from the keyboard: each field is
// focused, then typed into (chips end with Enter; selects move with Home and the arrow keys), the
// way a learner who does not use a pointer fills the form. (The editor tests check separately
// that Tab reaches every field in order.)
import { expect } from "@playwright/test";

async function focus(page, id) {
  const el = page.locator(`#${id}`);
  await el.scrollIntoViewIfNeeded();
  await el.focus();
  await expect(el).toBeFocused();
}

export async function typeInto(page, id, text) {
  await focus(page, id);
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.type(text);
  // Leaving the field commits it.
  await page.keyboard.press("Tab");
}

export async function chips(page, id, names) {
  for (const n of names) {
    await focus(page, id);
    await page.keyboard.type(n);
    await page.keyboard.press("Enter");
  }
}

/** Chooses the option of select `id` whose value (or, with `byLabel`, whose text starts with
 * `want`) matches, with Home and ArrowDown. */
export async function choose(page, id, want, { byLabel = false } = {}) {
  const options = await page.locator(`#${id} option`).evaluateAll((os) => os.map((o) => [o.value, o.textContent]));
  const k = options.findIndex(([v, t]) => (byLabel ? t.startsWith(want) : v === want));
  if (k < 0) throw new Error(`#${id} has no option ${want}: ${JSON.stringify(options)}`);
  await focus(page, id);
  await page.keyboard.press("Home");
  for (let i = 0; i < k; i++) await page.keyboard.press("ArrowDown");
  await expect(page.locator(`#${id}`)).toHaveValue(options[k][0]);
}

/** Enters `doc` into the sandbox with id prefix `scope`, which must be blank. */
export async function enterWorkflow(page, scope, doc) {
  const id = (name) => `${scope}-${name}`;
  if (doc.name) await typeInto(page, id("name"), doc.name);
  const t = doc.trigger ?? {};
  if (t.kind) await choose(page, id("trigger-kind"), t.kind);
  if (t.description) await typeInto(page, id("trigger-description"), t.description);
  await chips(page, id("trigger-provides"), t.provides ?? []);
  const roleName = new Map((doc.roles ?? []).map((r) => [r.id, r.name || r.id]));
  await chips(page, id("add-role"), [...roleName.values()]);
  const steps = doc.steps ?? [];
  for (const [i, s] of steps.entries()) {
    await focus(page, id("add-step"));
    await page.keyboard.press("Enter");
    await expect(page.locator(`#${id(`step-${i}-title`)}`)).toBeFocused();
    await page.keyboard.type(s.title ?? "");
    await page.keyboard.press("Tab");
    if (s.role) await choose(page, id(`step-${i}-role`), roleName.get(s.role) ?? s.role, { byLabel: true });
    await chips(page, id(`step-${i}-inputs`), s.inputs ?? []);
    await chips(page, id(`step-${i}-outputs`), s.outputs ?? []);
  }
  // Where work goes, once every step exists to be chosen.
  const index = new Map(steps.map((s, i) => [s.id, i]));
  for (const [i, s] of steps.entries()) {
    const next = s.next;
    if (next === undefined) continue;
    if (next.length === 0) {
      if (i < steps.length - 1) await choose(page, id(`step-${i}-after`), "end");
      continue;
    }
    const plain = next.length === 1 && !next[0].when && !next[0].via && index.get(next[0].to) === i + 1;
    if (plain) continue;
    await choose(page, id(`step-${i}-after`), "chosen");
    for (const [b, n] of next.entries()) {
      if (b > 0) {
        await focus(page, id(`step-${i}-add-branch`));
        await page.keyboard.press("Enter");
      }
      const base = id(`step-${i}-branch-${b}`);
      await choose(page, `${base}-to`, `Step ${index.get(n.to) + 1}:`, { byLabel: true });
      if (n.when) await typeInto(page, `${base}-when`, n.when);
      if (n.via) await typeInto(page, `${base}-via`, n.via);
    }
  }
  const o = doc.outcome ?? {};
  if (o.description) await typeInto(page, id("outcome-description"), o.description);
  if (o.measure) await typeInto(page, id("outcome-measure"), o.measure);
}
