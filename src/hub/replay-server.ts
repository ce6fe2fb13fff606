/**
 * A local stand-in for the Hugging Face Hub: an HTTP server on 127.0.0.1 that replays recorded model info,
 * file and listing responses from a fixtures folder, in the shapes `@huggingface/hub` reads. Tests (and offline
 * demos, through `HF_ENDPOINT`) point the Hub client at it; nothing leaves the machine.
 *
 * Fixture layout, per model: `models/ORG/NAME/model-info.json` (the `/api/models/{id}/revision/{rev}` body,
 * plus replay knobs under `_replay`) and `models/ORG/NAME/files/**` (the repository files). `cardData` is parsed
 * from the README front matter and the `base_model:*` tags are derived from it, as the Hub does. Datasets:
 * `datasets/ORG/NAME/dataset-info.json` (the `/api/datasets/{id}/revision/{rev}` body).
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve as resolvePath } from "node:path";
import { fileURLToPath } from "node:url";
import { type FixtureModel, loadDatasetFixtures, loadFixtures } from "./replay-fixtures.js";

/** A one-off response served instead of the fixture for the next matching request. */
export interface ScriptedResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Send the headers and only this many bytes of the body, then cut the connection. */
  truncateAt?: number;
}

/** One request the server saw. */
export interface RecordedRequest {
  method: string;
  url: string;
  authorization?: string;
  range?: string;
}

export interface ReplayServer {
  /** `http://127.0.0.1:PORT`, to pass as `endpoint` / `HF_ENDPOINT`. */
  url: string;
  requests: RecordedRequest[];
  /** Serves `responses` in order to the next requests whose path (without query) matches; `"fixture"` serves the recording. */
  script(match: string | RegExp, ...responses: (ScriptedResponse | "fixture")[]): void;
  close(): Promise<void>;
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string> = {},
) {
  const buffer = typeof body === "string" ? Buffer.from(body) : body;
  res.writeHead(status, { "Content-Length": String(buffer.length), ...headers });
  res.end(buffer);
}

function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) {
  send(res, status, JSON.stringify(value), { "Content-Type": "application/json; charset=utf-8", ...headers });
}

function hubError(res: ServerResponse, status: number, code: string, message: string) {
  sendJson(res, status, { error: message }, { "X-Error-Code": code, "X-Error-Message": message });
}

function token(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith("Bearer ") ? header.slice(7) : undefined;
}

/** The Hub answers README.md and .gitattributes of gated repositories to everyone. */
const ALWAYS_PUBLIC = new Set(["README.md", ".gitattributes"]);

function gateCheck(req: IncomingMessage, res: ServerResponse, id: string, model: FixtureModel, path: string) {
  if (!model.info.gated || ALWAYS_PUBLIC.has(path)) return true;
  const given = token(req);
  if (given && model.knobs.grantedTokens?.includes(given)) return true;
  if (!given)
    hubError(
      res,
      401,
      "GatedRepo",
      `Access to model ${id} is restricted. You must have access to it and be authenticated to access it. Please log in.`,
    );
  else
    hubError(
      res,
      403,
      "GatedRepo",
      `Access to model ${id} is restricted and you are not in the authorized list. Visit https://huggingface.co/${id} to ask for access.`,
    );
  return false;
}

function revisionOk(model: FixtureModel, revision: string): boolean {
  return ["HEAD", "main"].includes(revision) || revision === model.info.sha;
}

function serveFile(req: IncomingMessage, res: ServerResponse, model: FixtureModel, path: string) {
  const content = model.files.get(path);
  if (!content) {
    const extra = model.knobs.extraFiles?.some((f) => f.path === path);
    hubError(
      res,
      404,
      "EntryNotFound",
      extra ? `${path} is a recorded large file without content` : `Entry not found`,
    );
    return;
  }
  const etag = `"${createHash("sha1").update(content).digest("hex")}"`;
  const headers = { ETag: etag, "X-Repo-Commit": String(model.info.sha), "Content-Type": "text/plain" };
  const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? "");
  if (range) {
    const start = Number(range[1]);
    const end = Math.min(range[2] ? Number(range[2]) : content.length - 1, content.length - 1);
    send(res, 206, content.subarray(start, end + 1), {
      ...headers,
      "Content-Range": `bytes ${start}-${end}/${content.length}`,
    });
    return;
  }
  send(res, 200, content, headers);
}

function listing(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  models: Map<string, FixtureModel>,
  pageSize: number,
) {
  const q = url.searchParams;
  const limit = Math.min(pageSize, Math.max(1, Number(q.get("limit") ?? "500")));
  const cursor = Number(q.get("cursor") ?? "0");
  const author = q.get("author");
  const search = q.get("search")?.toLowerCase();
  const filters = q.getAll("filter");
  const expand = new Set(q.getAll("expand"));
  const all = [...models.values()]
    .map((m) => m.info)
    .filter((info) => !author || String(info.id).split("/")[0] === author)
    .filter((info) => !search || String(info.id).toLowerCase().includes(search))
    .filter((info) => filters.every((f) => (info.tags as string[]).includes(f)))
    .sort((a, b) => String(a.id).localeCompare(String(b.id)));
  const page = all.slice(cursor, cursor + limit).map((info) => {
    const item: Record<string, unknown> = { _id: info._id, id: info.id };
    for (const key of expand) if (key in info) item[key] = info[key];
    return item;
  });
  const headers: Record<string, string> = {};
  if (cursor + limit < all.length) {
    const next = new URL(url.toString());
    next.searchParams.set("cursor", String(cursor + limit));
    headers.Link = `<http://${req.headers.host}${next.pathname}${next.search}>; rel="next"`;
  }
  sendJson(res, 200, page, headers);
}

function route(
  req: IncomingMessage,
  res: ServerResponse,
  models: Map<string, FixtureModel>,
  pageSize = 500,
  datasets: Map<string, Record<string, unknown>> = new Map(),
) {
  const url = new URL(req.url ?? "/", "http://replay");
  const path = url.pathname;
  if (path === "/api/models") return listing(req, res, url, models, pageSize);
  const dataset = /^\/api\/datasets\/([^/]+\/[^/]+)(?:\/revision\/([^/]+))?$/.exec(path);
  if (dataset?.[1]) {
    const info = datasets.get(dataset[1]);
    if (!info) return hubError(res, 404, "RepoNotFound", "Repository not found");
    return sendJson(res, 200, info);
  }
  const info = /^\/api\/models\/([^/]+\/[^/]+)(?:\/revision\/([^/]+))?$/.exec(path);
  if (info?.[1]) {
    const model = models.get(info[1]);
    if (!model) return hubError(res, 404, "RepoNotFound", "Repository not found");
    if (!revisionOk(model, decodeURIComponent(info[2] ?? "HEAD")))
      return hubError(res, 404, "RevisionNotFound", `Invalid rev id: ${decodeURIComponent(info[2] ?? "")}`);
    return sendJson(res, 200, model.info);
  }
  const tree = /^\/api\/models\/([^/]+\/[^/]+)\/tree\/([^/]+)(?:\/(.*))?$/.exec(path);
  if (tree?.[1] && tree[2]) {
    const model = models.get(tree[1]);
    if (!model) return hubError(res, 404, "RepoNotFound", "Repository not found");
    if (!revisionOk(model, decodeURIComponent(tree[2])))
      return hubError(res, 404, "RevisionNotFound", "Invalid rev id");
    const entries = [
      ...[...model.files].map(([p, content]) => ({
        type: "file",
        oid: createHash("sha1").update(content).digest("hex"),
        size: content.length,
        path: p,
      })),
      ...(model.knobs.extraFiles ?? []).map((f) => ({
        type: "file",
        oid: "0".repeat(40),
        size: f.size,
        path: f.path,
      })),
    ];
    return sendJson(res, 200, entries);
  }
  const resolve = /^\/([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/.exec(path);
  if (resolve?.[1] && resolve[2] && resolve[3]) {
    const id = resolve[1];
    const model = models.get(id);
    if (!model) return hubError(res, 404, "RepoNotFound", "Repository not found");
    if (!revisionOk(model, decodeURIComponent(resolve[2])))
      return hubError(res, 404, "RevisionNotFound", "Invalid rev id");
    const file = decodeURIComponent(resolve[3]);
    if (!gateCheck(req, res, id, model, file)) return;
    return serveFile(req, res, model, file);
  }
  hubError(res, 404, "NotFound", `no replay for ${path}`);
}

/**
 * Starts the replay server on 127.0.0.1 with an OS-chosen port.
 *
 * @example
 * const hub = await startReplayServer("test/fixtures/hub");
 * await importFromHub("hf:mlabonne/NeuralHermes-2.5-Mistral-7B", { endpoint: hub.url });
 * await hub.close();
 */
export async function startReplayServer(
  fixturesRoot: string,
  options: {
    pageSize?: number;
    port?: number /** Delay before each answer, to imitate a remote Hub. */;
    latencyMs?: number;
  } = {},
): Promise<ReplayServer> {
  const models = loadFixtures(fixturesRoot);
  const datasets = loadDatasetFixtures(fixturesRoot);
  const requests: RecordedRequest[] = [];
  const scripts: { match: string | RegExp; responses: (ScriptedResponse | "fixture")[] }[] = [];
  const server: Server = createServer((req, res) => {
    if (options.latencyMs) setTimeout(() => handle(req, res), options.latencyMs);
    else handle(req, res);
  });
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    requests.push({
      method: req.method ?? "GET",
      url: req.url ?? "/",
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      ...(req.headers.range ? { range: req.headers.range } : {}),
    });
    const path = new URL(req.url ?? "/", "http://replay").pathname;
    const script = scripts.find(
      (s) => s.responses.length > 0 && (typeof s.match === "string" ? s.match === path : s.match.test(path)),
    );
    const scripted = script?.responses.shift();
    if (!scripted || scripted === "fixture") return route(req, res, models, options.pageSize, datasets);
    const body = Buffer.from(scripted.body ?? "");
    res.writeHead(scripted.status, { "Content-Length": String(body.length), ...scripted.headers });
    if (scripted.truncateAt === undefined) return void res.end(body);
    res.write(body.subarray(0, scripted.truncateAt));
    res.socket?.destroy();
  };
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script(match, ...responses) {
      scripts.push({ match, responses });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

// `npx tsx src/hub/replay-server.ts [FIXTURES_DIR] [PORT]`: serves the fixtures for manual runs with HF_ENDPOINT.
if (process.argv[1] && resolvePath(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? "test/fixtures/hub";
  const port = Number(process.argv[3] ?? "0");
  const hub = await startReplayServer(root, { port });
  console.log(`replaying ${root} at ${hub.url}  (HF_ENDPOINT=${hub.url} ftl import hf:…)`);
}
