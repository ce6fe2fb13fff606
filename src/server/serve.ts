/**
 * Running the app on a port (`@hono/node-server`) with Node's own timeouts set: a slow client cannot hold a
 * connection open without sending its headers, nor keep a request open forever.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";
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
  /** Stops accepting connections and waits for every request being answered (the store stays open). */
  close(): Promise<void>;
}

/**
 * Serves the registry over HTTP until `close()`.
 *
 * @example
 * const server = await startServer(store, { port: 8080 });
 * console.log(server.url);
 */
/**
 * Counts the requests being answered, so that closing can wait for them: a client that hung up leaves no
 * socket behind, yet its handler may still be waiting for the registry (closing the store under it would
 * leave it waiting for a connection that never comes).
 */
function inFlight(fetch: Hono["fetch"]) {
  let active = 0;
  const waiting: (() => void)[] = [];
  const counted: Hono["fetch"] = async (...args) => {
    active++;
    try {
      return await fetch(...args);
    } finally {
      active--;
      if (active === 0) for (const done of waiting.splice(0)) done();
    }
  };
  const drained = (deadlineMs: number) =>
    new Promise<void>((done) => {
      if (active === 0) return done();
      const timer = setTimeout(done, deadlineMs);
      waiting.push(() => {
        clearTimeout(timer);
        done();
      });
    });
  return { counted, drained };
}

export function startServer(store: Store, options: ServeOptions = {}): Promise<RunningServer> {
  const app = createApp(store, options);
  const host = options.host ?? "127.0.0.1";
  const requests = inFlight(app.fetch);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: requests.counted, hostname: host, port: options.port ?? 8080 }) as Server;
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
        close: async () => {
          await new Promise<void>((done) => {
            server.close(() => done());
            server.closeIdleConnections();
          });
          // Sockets are gone; handlers of clients that hung up may still be running.
          await requests.drained(requestTimeout);
        },
      });
    });
  });
}
