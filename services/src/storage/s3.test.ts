import { createHash } from 'node:crypto';
import { type IncomingMessage, type Server, createServer } from 'node:http';
import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3Inputs, s3Storage } from './s3.ts';

// Fixed, fake credentials: signing happens offline, and no request in this file leaves 127.0.0.1.
const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const bucket = 'chiso-evidence-test';
const bytes = new TextEncoder().encode('%PDF-1.7\nminh chứng\n%%EOF\n');
const sha256 = createHash('sha256').update(bytes).digest('hex');
const key = 'tenants/tinh-thu/campaigns/c1/units/u1/files/k3v9x2mqa7bd';

describe('presigned URLs (signed offline, as on AWS)', () => {
  const storage = s3Storage({ bucket, client: new S3Client({ region: 'ap-southeast-1', credentials, requestChecksumCalculation: 'WHEN_REQUIRED' }) });

  it('lets a browser PUT exactly the declared bytes, tagged pending: type, length, SHA-256 and tag are signed, checksum and tag stay headers', async () => {
    const upload = await storage.presign({ method: 'PUT', key, contentType: 'application/pdf', size: bytes.byteLength, sha256, expiresInSeconds: 900 });
    const url = new URL(upload.url);
    expect(url.origin).toBe(`https://${bucket}.s3.ap-southeast-1.amazonaws.com`);
    expect(url.pathname).toBe(`/${key}`);
    expect(url.searchParams.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
    expect(url.searchParams.get('X-Amz-Credential')).toMatch(/^AKIAIOSFODNN7EXAMPLE\/\d{8}\/ap-southeast-1\/s3\/aws4_request$/);
    // The pending tag is signed: an upload that left it out, to escape the lifecycle rule, would be refused.
    expect(url.searchParams.get('X-Amz-SignedHeaders')?.split(';')).toEqual(['content-length', 'content-type', 'host', 'x-amz-checksum-sha256', 'x-amz-tagging']);
    expect(url.searchParams.has('x-amz-tagging')).toBe(false);
    // No checksum of another algorithm slipped in (the SDK's default would add a CRC32 of an empty body).
    expect([...url.searchParams.keys()].filter((name) => /checksum/i.test(name))).toEqual([]);
    expect(upload).toMatchObject({
      method: 'PUT',
      headers: { 'content-type': 'application/pdf', 'x-amz-checksum-sha256': Buffer.from(sha256, 'hex').toString('base64'), 'x-amz-tagging': 'chiso-evidence=pending' },
    });
    expect(Date.parse(upload.expiresAt) - Date.now()).toBeGreaterThan(890_000);
  });

  it('lets a browser GET the object as an attachment under its Vietnamese name, for a few minutes', async () => {
    const download = await storage.presign({ method: 'GET', key, fileName: 'Kế hoạch.pdf', contentType: 'application/pdf', expiresInSeconds: 300 });
    const url = new URL(download.url);
    expect(url.pathname).toBe(`/${key}`);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('host');
    expect(url.searchParams.get('response-content-type')).toBe('application/pdf');
    expect(url.searchParams.get('response-content-disposition')).toBe(`attachment; filename="K_ ho_ch.pdf"; filename*=UTF-8''${encodeURIComponent('Kế hoạch.pdf')}`);
    expect(download.headers).toEqual({});
  });
});

describe('the commands sent', () => {
  it('builds PutObject with the type, length, base64 SHA-256 and the pending tag; Get and Delete by bucket and key; tags by state', () => {
    expect(s3Inputs.put(bucket, key, bytes, { contentType: 'application/pdf', sha256 })).toEqual({
      Bucket: bucket,
      Key: key,
      Body: bytes,
      ContentType: 'application/pdf',
      ContentLength: bytes.byteLength,
      ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
      Tagging: 'chiso-evidence=pending',
    });
    expect(s3Inputs.get(bucket, key)).toEqual({ Bucket: bucket, Key: key });
    expect(s3Inputs.delete(bucket, key)).toEqual({ Bucket: bucket, Key: key });
    expect(s3Inputs.tag(bucket, key, 'attached')).toEqual({ Bucket: bucket, Key: key, Tagging: { TagSet: [{ Key: 'chiso-evidence', Value: 'attached' }] } });
  });

  describe('over the wire, against a stand-in S3 on 127.0.0.1', () => {
    interface Seen {
      method: string;
      path: string;
      query: URLSearchParams;
      headers: IncomingMessage['headers'];
      body: Buffer;
    }
    const seen: Seen[] = [];
    const objects = new Map<string, { body: Buffer; type: string; tags: string }>();
    let server: Server;
    let storage: ReturnType<typeof s3Storage>;

    beforeAll(async () => {
      server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          const url = new URL(req.url ?? '/', 'http://s3');
          const path = decodeURIComponent(url.pathname);
          const body = Buffer.concat(chunks);
          seen.push({ method: req.method ?? '', path, query: url.searchParams, headers: req.headers, body });
          const stored = objects.get(path);
          if (req.method === 'PUT' && url.searchParams.has('tagging')) {
            // PutObjectTagging: the object's whole tag set, as XML.
            if (stored === undefined) res.writeHead(404, { 'content-type': 'application/xml' }).end('<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>none</Message></Error>');
            else {
              stored.tags = [...body.toString().matchAll(/<Key>(.*?)<\/Key><Value>(.*?)<\/Value>/g)].map(([, k, v]) => `${k}=${v}`).join('&');
              res.writeHead(200).end();
            }
          } else if (req.method === 'PUT') {
            objects.set(path, { body, type: String(req.headers['content-type']), tags: String(req.headers['x-amz-tagging'] ?? '') });
            res.writeHead(200, { etag: '"e"' }).end();
          } else if (req.method === 'GET' && stored !== undefined) {
            res.writeHead(200, { 'content-type': stored.type, 'content-length': stored.body.byteLength }).end(stored.body);
          } else if (req.method === 'GET') {
            res.writeHead(404, { 'content-type': 'application/xml' }).end('<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>none</Message></Error>');
          } else {
            objects.delete(path);
            res.writeHead(204).end();
          }
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('the server listens on no port');
      const { port } = address;
      const client = new S3Client({ region: 'ap-southeast-1', credentials, endpoint: `http://127.0.0.1:${port}`, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED' });
      storage = s3Storage({ bucket, client });
    });

    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('puts the bytes with the SHA-256 header S3 checks them against, reads them back, deletes them, and reads a missing key as null', async () => {
      await storage.put(key, bytes, { contentType: 'application/pdf', sha256 });
      const put = seen.at(-1);
      expect(put).toMatchObject({ method: 'PUT', path: `/${bucket}/${key}` });
      expect(put?.headers['content-type']).toBe('application/pdf');
      expect(put?.headers['x-amz-checksum-sha256']).toBe(Buffer.from(sha256, 'hex').toString('base64'));
      expect(put?.body.equals(Buffer.from(bytes))).toBe(true);

      const read = await storage.get(key);
      expect(read?.contentType).toBe('application/pdf');
      expect(Buffer.from(read?.body ?? new Uint8Array()).equals(Buffer.from(bytes))).toBe(true);

      await storage.delete(key);
      expect(seen.at(-1)).toMatchObject({ method: 'DELETE', path: `/${bucket}/${key}` });
      expect(await storage.get(key)).toBeNull();
    });

    it('stores an object tagged pending, tags it attached when kept and pending again when released; a missing key is no object', async () => {
      await storage.put(key, bytes, { contentType: 'application/pdf', sha256 });
      expect(seen.at(-1)?.headers['x-amz-tagging']).toBe('chiso-evidence=pending');
      expect(objects.get(`/${bucket}/${key}`)?.tags).toBe('chiso-evidence=pending');
      expect(await storage.keep(key)).toBe(true);
      expect(seen.at(-1)).toMatchObject({ method: 'PUT', path: `/${bucket}/${key}` });
      expect(seen.at(-1)?.query.has('tagging')).toBe(true);
      expect(objects.get(`/${bucket}/${key}`)?.tags).toBe('chiso-evidence=attached');
      await storage.release(key);
      expect(objects.get(`/${bucket}/${key}`)?.tags).toBe('chiso-evidence=pending');
      await storage.delete(key);
      expect(await storage.keep(key)).toBe(false);
      await expect(storage.release(key)).resolves.toBeUndefined();
    });
  });
});
