import type { FastifyReply } from 'fastify';

/** `attachment; filename="ascii"; filename*=UTF-8''…`: the UTF-8 name for every current browser, an ASCII one for the rest. */
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A generated PDF shown in the browser's viewer (not cached: it changes as its records do). */
export function sendPdf(reply: FastifyReply, fileName: string, bytes: Buffer) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', contentDisposition(fileName, 'inline'))
    .header('cache-control', 'private, no-cache')
    .send(bytes);
}
