import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: {
    // Plot must never see a global window: tests render exactly as the CLI does.
    environment: "node",
    include: ["tests/**/*.test.ts"],
    // One loud line when no Chromium is installed and the browser tests are skipped.
    globalSetup: ["tests/helpers/browser-setup.ts"],
    testTimeout: 60_000,
    // Setting up temporary projects runs the CLI several times: slow on a busy machine.
    hookTimeout: 120_000,
  },
});
