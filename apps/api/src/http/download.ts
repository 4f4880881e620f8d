import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/**
 * Sends a file download: a Buffer or a stream goes out as it is (Fastify does not serialise
 * either), with its content type and file name. Download routes describe their body in the
 * OpenAPI schema as a string; taking the reply untyped here lets the binary forms through
 * without a cast at every route.
 */
export function sendDownload(
  reply: FastifyReply,
  body: Buffer | Readable | string,
  contentType: string,
  fileName: string,
) {
  return reply
    .header('content-type', contentType)
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .send(body);
}
