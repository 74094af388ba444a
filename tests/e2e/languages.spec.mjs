// Workflows in other languages, in Chromium: the sandbox recognises Spanish, fetches the Spanish
// word list once, and checks wording with it; a new workflow starts in the page's language; the
// learner can change the language; a language with no list, or a list that cannot be fetched,
// turns the wording checks off and says so, while every other check still runs.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { collectErrors, chooseTab } from "./helpers.mjs";

const KEY = "flowguide-sandbox";
const SPANISH = JSON.parse(readFileSync(new URL("../../crates/engine/tests/data/learners/24-devolucion-tienda.json", import.meta.url), "utf8"));

/** Opens the sandbox with `doc` as its saved work. */
async function openWith(page, doc) {
  const saved = JSON.stringify({ kind: "flowguide-sandbox", version: 1, savedAt: 1, document: doc });
  await page.addInitScript(([key, value]) => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem(key, value);
      sessionStorage.setItem("seeded", "1");
    }
  }, [KEY, saved]);
  await page.goto("sandbox");
  await expect(page.locator(".component")).toHaveCount(6);
}

const findings = (page, component) => page.locator(`.component[data-component=${component}] .finding`);

test("a Spanish workflow is recognised, its word list fetched once, and its wording checked in Spanish", async ({ page }) => {
  const errors = collectErrors(page);
  const fetched = [];
  page.on("request", (r) => {
    if (r.url().includes("/words/")) fetched.push(new URL(r.url()).pathname.replace(/^.*\/words\//, "words/"));
  });
  const doc = structuredClone(SPANISH);
  doc.steps[1].title = "Devolución del dinero";
  await openWith(page, doc);
  await expect(page.locator("#wf-language")).toHaveValue("");
  await chooseTab(page, "feedback");
  // The trigger is an instruction, said with a Spanish example.
  const trigger = findings(page, "trigger");
  await expect(trigger).toHaveCount(1);
  await expect(trigger.first()).toContainText("is an instruction, not an event");
  await expect(trigger.first()).toContainText("Un cliente envía una reclamación");
  // A title that is a noun is caught, with a Spanish example, and an action is not.
  const steps = findings(page, "steps");
  await expect(steps).toHaveCount(1);
  await expect(steps.first()).toContainText("“Devolución del dinero” does not start with an action");
  await expect(steps.first()).toContainText("Revisar la solicitud");
  expect(fetched).toEqual(["words/es.txt"]);
  // Mending it clears it, with no second fetch.
  await page.locator("#wf-step-1-title").fill("Devolver el dinero con el mismo medio de pago");
  await chooseTab(page, "feedback");
  await expect(findings(page, "steps")).toHaveCount(0);
  await expect(page.locator(".language-note")).toHaveCount(0);
  expect(fetched).toEqual(["words/es.txt"]);
  expect(errors).toEqual([]);
});

test("a new workflow is in the page's language; words that look like another language get an offer to switch", async ({ page }) => {
  await page.goto("sandbox");
  await expect(page.locator(".component")).toHaveCount(6);
  await expect(page.locator("#wf-language")).toHaveValue("en");
  await page.locator("#wf-name").fill("Solicitud de vacaciones");
  await page.locator("#wf-trigger-description").fill("Un empleado pide unos días de vacaciones con el formulario de la empresa");
  await chooseTab(page, "feedback");
  const note = page.locator(".language-note");
  await expect(note).toContainText("Your words look like Spanish, but the language is set to English");
  await note.getByRole("button", { name: "Use Spanish" }).click();
  await expect(note).toHaveCount(0);
  await expect(page.locator("#wf-language")).toHaveValue("es");
  // The learner can choose any language from the keyboard, and undo brings the last one back.
  await page.locator("#wf-language").focus();
  await page.locator("#wf-language").selectOption("fr");
  await expect(page.locator("#wf-language")).toHaveValue("fr");
  await page.keyboard.press("Control+z");
  await expect(page.locator("#wf-language")).toHaveValue("es");
});

test("a language with no word list keeps the wording checks silent and says so; the other checks still run", async ({ page }) => {
  const doc = {
    format: "flowguide/workflow",
    version: 1,
    name: "Rimborso spese",
    language: "it",
    trigger: { kind: "request", description: "Compilare la nota spese e allegare le ricevute", provides: ["nota spese"] },
    roles: [{ id: "dip", name: "Dipendente" }, { id: "resp", name: "Responsabile" }],
    steps: [
      { id: "invia", title: "Inviare la nota spese al responsabile", role: "dip", inputs: ["nota spese"], outputs: ["nota inviata"] },
      { id: "approva", title: "Approvazione della nota", role: "nessuno", inputs: ["nota inviata"], outputs: ["nota approvata"], next: [] },
    ],
    outcome: { description: "Il dipendente riceve il rimborso", measure: "il prima possibile" },
  };
  await openWith(page, doc);
  await expect(page.locator("#wf-language")).toHaveValue("und");
  await chooseTab(page, "feedback");
  await expect(page.locator(".language-note")).toContainText("did not run: Flowguide has no word list for Italian yet");
  await expect(findings(page, "trigger")).toHaveCount(0);
  await expect(findings(page, "steps")).toHaveCount(0);
  await expect(page.locator(".component[data-component=roles] .finding").first()).toContainText("nessuno");
});

test("a word list that cannot be fetched turns the wording checks off and says why; the work is untouched", async ({ page }) => {
  await page.route("**/words/**", (route) => route.fulfill({ status: 503, body: "" }));
  const doc = structuredClone(SPANISH);
  await openWith(page, doc);
  await chooseTab(page, "feedback");
  await expect(page.locator(".language-note")).toContainText("the Spanish word list could not be fetched (the server answered 503)");
  await expect(findings(page, "trigger")).toHaveCount(0);
  await expect(page.locator("#wf-trigger-description")).toHaveValue(SPANISH.trigger.description);
});
