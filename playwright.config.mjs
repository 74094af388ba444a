// Browser tests run in Debian's Chromium against the release build, served the way a plain
// static host would serve it: once at the root and once under /course/flowguide/, each with the
// headers the build ships in `_headers` (the strict Content Security Policy among them).
import { defineConfig } from "@playwright/test";
import { LAUNCH } from "./tests/support/browser.mjs";

export const ROOT = "http://127.0.0.1:4173";
export const SUBPATH = "http://127.0.0.1:4174/course/flowguide/";

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "*.spec.mjs",
  globalSetup: "./tests/support/global-setup.mjs",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  forbidOnly: !!process.env.CI,
  use: {
    baseURL: ROOT + "/",
    browserName: "chromium",
    launchOptions: LAUNCH,
  },
  webServer: [
    {
      command: "node tests/support/static-server.mjs --dir target/site/root --port 4173 --headers on",
      url: ROOT + "/",
      reuseExistingServer: !process.env.CI,
    },
    {
      command: "node tests/support/static-server.mjs --dir target/site/subpath --port 4174 --base /course/flowguide/ --headers on",
      url: SUBPATH,
      reuseExistingServer: !process.env.CI,
    },
  ],
});
