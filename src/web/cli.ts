import { resolve } from 'node:path';
import { createCore } from '../core/app';
import { startWebHost } from './host';
import { createWebPorts, defaultWebDataDir } from './webPorts';
import { stopOnSignals } from './shutdown';

/**
 * `npm run web`: Penpal in a browser. Port from `PENPAL_PORT` (default 5199), data in
 * `PENPAL_DATA_DIR` (default: `penpal-web` in the user's data folder). Prints the page URL, with
 * its token, as one line starting with `http`.
 */
const port = Number(process.env.PENPAL_PORT ?? 5199);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PENPAL_PORT must be a port number, not "${process.env.PENPAL_PORT}".`);
  process.exit(2);
}
const dataDir = resolve(process.env.PENPAL_DATA_DIR || defaultWebDataDir());
const staticDir = resolve(import.meta.dirname, '../../out/web');

const core = await createCore(createWebPorts(dataDir));
for (const notice of core.notices) console.error(`Note (${notice.kind}): ${notice.message} ${notice.path}`);
const host = await startWebHost({ port, staticDir, core }).catch(async (error: NodeJS.ErrnoException) => {
  await core.close();
  if (error.code !== 'EADDRINUSE') throw error;
  console.error(`Port ${port} is already in use. Set PENPAL_PORT to another port (0 picks a free one).`);
  process.exit(1);
});
console.log(host.url);
console.error(`Penpal is running (data: ${dataDir}). Open the address above; Ctrl+C stops it.`);

stopOnSignals([() => host.close(), () => core.close()]);
