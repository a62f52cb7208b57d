/**
 * Stops the browser host cleanly on Ctrl+C or SIGTERM: runs each closer in order (the host, then
 * core — which marks any answer still streaming as interrupted — then anything else) and exits.
 */
export function stopOnSignals(closers: (() => Promise<void>)[]): void {
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    for (const close of closers) await close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
