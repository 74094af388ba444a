// Before any browser test: build the command-line checker once, so tests that compare the
// browser with the checker run a ready binary instead of each starting `cargo run` (which, in a
// fresh clone, compiles inside a test's 30 s and makes parallel workers wait on cargo's lock).
// The binary's path reaches the workers through the environment, as Playwright documents.
import { execFileSync } from "node:child_process";

export default function globalSetup() {
  const out = execFileSync("cargo", ["build", "-q", "-p", "flowguide-cli", "--locked", "--message-format=json"], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exe = out
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l))
    .find((m) => m.reason === "compiler-artifact" && m.target?.name === "flowguide-cli" && m.executable)?.executable;
  if (!exe) throw new Error("cargo build -p flowguide-cli made no executable");
  process.env.FLOWGUIDE_CLI = exe;
}
