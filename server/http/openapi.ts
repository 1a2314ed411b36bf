import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import type { ApiRouter } from './api-router';

export function buildOpenApiDocument(api: ApiRouter, serverUrl: string): object {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token from POST /v1/organizations/{orgId}/users or /v1/me/tokens.',
  });
  registry.registerComponent('securitySchemes', 'cookieAuth', {
    type: 'apiKey',
    in: 'cookie',
    name: 'rt_session',
    description:
      'The browser session from POST /v1/auth/sessions (HttpOnly, SameSite=Lax). A call made with it whose method is not ' +
      'GET, HEAD or OPTIONS must send the session’s csrfToken as the X-CSRF-Token header, else 403.',
  });
  api.registerOpenApi(registry);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Records tracker API',
      version: '1',
      description:
        'Draft, send and track public-records requests with statutory deadlines and a tamper-evident history. ' +
        'Errors are application/problem+json (RFC 9457). Dates are YYYY-MM-DD in the agency’s zone.',
    },
    servers: [{ url: serverUrl }],
  });
}
