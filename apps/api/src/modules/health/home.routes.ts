import type { FastifyPluginAsync } from 'fastify';
import { access } from '../../access.ts';

const page = `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>PvI-platform</title></head>
<body>
<main>
<h1>PvI-platform</h1>
<p>De API draait. De webapplicatie volgt; tot die tijd:</p>
<ul>
<li><a href="/api/v1/openapi.json">API-documentatie (OpenAPI 3.1)</a></li>
<li><a href="/api/v1/health/ready">Status</a></li>
</ul>
</main>
</body>
</html>
`;

/** Until the web app lands, `/` is a plain page that links the API documentation. */
export const homeRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/',
    { config: { access: access.public() }, schema: { hide: true } },
    async (_request, reply) => reply.type('text/html; charset=utf-8').send(page),
  );
};
