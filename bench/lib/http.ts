// A small HTTP/1.1 client over loopback with keep-alive. Two engines: node:http with a keep-alive Agent
// (lighter on the CPU the server shares) and Node 20's global fetch (undici, keep-alive by default).
import http from 'node:http';

export interface Reply { status: number; body: string; headers: Record<string, string | string[] | undefined> }
export interface RequestOptions { token?: string; json?: unknown; body?: Buffer; headers?: Record<string, string> }
export type ClientKind = 'http' | 'fetch';

export interface Client {
  request(method: string, path: string, o?: RequestOptions): Promise<Reply>;
  close(): void;
}

export function makeClient(baseUrl: string, kind: ClientKind = 'http', maxSockets = 64): Client {
  const base = new URL(baseUrl);
  const prepare = (o: RequestOptions) => {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body = o.body;
    if (o.json !== undefined) {
      body = Buffer.from(JSON.stringify(o.json));
      headers['content-type'] = 'application/json';
    }
    return { headers, body };
  };

  if (kind === 'fetch') {
    return {
      async request(method, path, o = {}) {
        const { headers, body } = prepare(o);
        const res = await fetch(new URL(path, base), { method, headers, body: body ? new Uint8Array(body) : undefined });
        return { status: res.status, body: await res.text(), headers: Object.fromEntries(res.headers) };
      },
      close() {},
    };
  }

  const agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  return {
    request(method, path, o = {}) {
      const { headers, body } = prepare(o);
      if (body) headers['content-length'] = String(body.length);
      return new Promise<Reply>((resolve, reject) => {
        const req = http.request({ host: base.hostname, port: base.port, method, path, headers, agent }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(body);
      });
    },
    close() {
      agent.destroy();
    },
  };
}

/** The reply body as JSON, or an error that says what came back. */
export function json<T = any>(r: Reply, expect?: number): T {
  if (expect !== undefined && r.status !== expect) throw new Error(`expected HTTP ${expect}, got ${r.status}: ${r.body.slice(0, 300)}`);
  return JSON.parse(r.body) as T;
}

/** A minimal valid PDF (what the upload endpoint accepts by content). */
export const SMALL_PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** A multipart/form-data body with one file field. */
export function multipartFile(field: string, filename: string, content: Buffer, contentType: string) {
  const boundary = `----tongbanbench${Math.random().toString(36).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
