import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core/app';
import { attachWebSocket } from './wsAdapter';
import { serveStatic } from './staticFiles';

/** The only interface the browser host listens on. */
export const HOST_ADDRESS = '127.0.0.1';

/** How to start the browser host. */
export interface WebHostOptions {
  /** 0 picks a free port. */
  port: number;
  /** The built renderer (`out/web`). */
  staticDir: string;
  /** The core to serve, built by the caller, who also closes it (after the host). */
  core: Core;
  /** The WebSocket's secret; random per start unless given (tests). */
  token?: string;
}

/** A running browser host. */
export interface WebHost {
  /** The page to open, with its token: `http://127.0.0.1:PORT/?token=…`. */
  url: string;
  /** `http://127.0.0.1:PORT`, the only Origin the WebSocket accepts. */
  origin: string;
  port: number;
  token: string;
  core: Core;
  /** Disconnects every client and stops listening; core stays open for its owner to close. */
  close(): Promise<void>;
}

/**
 * Starts the browser host: the built renderer over HTTP and the contract over a WebSocket at
 * `/ws`, on 127.0.0.1 only. Requests naming another Host (DNS rebinding) are refused.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { core } = options;
  const token = options.token ?? randomBytes(24).toString('base64url');
  let origin = '';

  const server = createServer((request, response) => {
    if (request.headers.host !== new URL(origin).host) {
      response.statusCode = 421;
      response.setHeader('Content-Type', 'text/plain; charset=utf-8');
      return void response.end(`Open Penpal at ${origin}/ (with the token it printed).`);
    }
    serveStatic(options.staticDir, request, response);
  });
  const detach = attachWebSocket({
    server,
    dispatcher: core.dispatcher,
    events: core.events,
    token,
    allowedOrigin: () => origin,
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, HOST_ADDRESS, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    detach();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  origin = `http://${HOST_ADDRESS}:${port}`;

  let closing: Promise<void> | null = null;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    core,
    close() {
      closing ??= (async () => {
        detach();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      })();
      return closing;
    },
  };
}
