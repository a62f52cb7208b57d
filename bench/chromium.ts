/** Launching Chromium for the browser benchmarks (streaming, UI and the UI profile). */
import { chromium, type Browser } from '@playwright/test';

/** Debian's Chromium unless `PENPAL_CHROMIUM` names another build. */
const EXECUTABLE = process.env.PENPAL_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** Starts the benchmarks' Chromium with the same flags everywhere; the caller closes it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: EXECUTABLE, args: ARGS });
}
