/** `ftl serve`: the registry as an HTTP API and a web page. */

// the app and the server
export { type AppOptions, createApp, DEFAULT_MAX_BODY, DEFAULT_TIMEOUT_MS } from "./app.js";
// the API's shapes and errors
export { ApiError, type ApiIssue, type ErrorBody, ErrorBodySchema } from "./errors.js";
export { API_ROUTES, openApiDocument } from "./openapi.js";
export { type RunningServer, type ServeOptions, startServer } from "./serve.js";
// tokens
export { hashToken, matchToken, newToken, TOKEN_NAME } from "./tokens/token.js";
