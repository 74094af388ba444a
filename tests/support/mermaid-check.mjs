// Mermaid's own parser, run where Mermaid runs: in the browser. `@mermaid-js/parser` does not know
// flowcharts, so the test loads the `mermaid` package's browser build into a blank page and asks
// `mermaid.parse` about each text. No site server is needed.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
/** The UMD build, which sets `globalThis.mermaid`. */
export const MERMAID_JS = join(dirname(require.resolve("mermaid/package.json")), "dist", "mermaid.min.js");

/**
 * Parses each `[name, text]` pair with `mermaid.parse` in `page` and returns one
 * `"name: message"` line for every text that Mermaid rejects (an empty list when all parse).
 */
export async function mermaidErrors(page, charts) {
  await page.setContent("<!doctype html><html><body></body></html>");
  await page.addScriptTag({ path: MERMAID_JS });
  return page.evaluate(async (charts) => {
    const mermaid = globalThis.mermaid;
    if (!mermaid || typeof mermaid.parse !== "function") return ["mermaid did not load"];
    mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
    const errors = [];
    for (const [name, text] of charts) {
      try {
        const result = await mermaid.parse(text);
        if (!result || !/^flowchart/.test(result.diagramType)) {
          errors.push(`${name}: parsed as ${result ? result.diagramType : result}, not a flowchart`);
        }
      } catch (e) {
        errors.push(`${name}: ${String((e && e.message) || e)}`);
      }
    }
    return errors;
  }, charts);
}
