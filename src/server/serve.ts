/**
 * Running the app on a port (`@hono/node-server`) with Node's own timeouts set: a slow client cannot hold a
 * connection open without sending its headers, nor keep a request open forever.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Store } from "../store/store.js";
import { type AppOptions, createApp, DEFAULT_TIMEOUT_MS } from "./app.js";

export interface ServeOptions extends AppOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Stops accepting connections and waits for open requests to end (the store stays open). */
  close(): Promise<void>;
}

/**
 * Serves the registry over HTTP until `close()`.
 *
 * @example
 * const server = await startServer(store, { port: 8080 });
 * console.log(server.url);
 */
export function startServer(store: Store, options: ServeOptions = {}): Promise<RunningServer> {
  const app = createApp(store, options);
  const host = options.host ?? "127.0.0.1";
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port: options.port ?? 8080 }) as Server;
    const requestTimeout = (options.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS) + 5_000;
    server.requestTimeout = requestTimeout;
    server.headersTimeout = Math.min(20_000, requestTimeout);
    server.keepAliveTimeout = 5_000;
    server.once("error", reject);
    server.once("listening", () => {
      server.off("error", reject);
      const port = (server.address() as AddressInfo).port;
      const shown = host.includes(":") ? `[${host}]` : host;
      resolve({
        url: `http://${shown}:${port}/`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeIdleConnections();
          }),
      });
    });
  });
}
