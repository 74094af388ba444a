// The command-line checker, as the browser tests run it: the binary built once by
// global-setup.mjs (never a `cargo run` per test, and never a stale binary left in target/).
import { execFileSync } from "node:child_process";

function binary() {
  const exe = process.env.FLOWGUIDE_CLI;
  if (!exe) throw new Error("FLOWGUIDE_CLI is not set: run the tests through playwright.config.mjs, whose global setup builds the checker");
  return exe;
}

/** Runs `flowguide-cli ARGS…` and returns what it printed; a non-zero exit throws. */
export function cli(...args) {
  return execFileSync(binary(), args, { encoding: "utf8", maxBuffer: 64 << 20 });
}

/** `flowguide-cli check ARGS…`; exit status 1 (a file could not be read) still returns the output. */
export function checker(...args) {
  try {
    return cli("check", ...args);
  } catch (e) {
    if (e.status === 1) return e.stdout;
    throw e;
  }
}
