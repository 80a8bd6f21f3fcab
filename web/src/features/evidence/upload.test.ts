import { describe, expect, it } from 'vitest';
import { contentTypeOf, resolveUrl, sha256Hex } from './upload.ts';

describe('evidence uploads', () => {
  it('declares the browser’s type, else the usual type of the extension', () => {
    expect(contentTypeOf({ name: 'ke-hoach.pdf', type: 'application/pdf' })).toBe('application/pdf');
    expect(contentTypeOf({ name: 'anh-lop-hoc.HEIC', type: '' })).toBe('image/heic');
    expect(contentTypeOf({ name: 'ghi-chu', type: '' })).toBe('application/octet-stream');
  });

  it('follows the URL the API gave, relative or absolute', () => {
    expect(resolveUrl('/api/evidence-objects/abc', 'http://127.0.0.1:3000')).toBe('http://127.0.0.1:3000/api/evidence-objects/abc');
    expect(resolveUrl('https://bucket.s3.amazonaws.com/k?X-Amz-Signature=1', 'http://127.0.0.1:3000')).toBe('https://bucket.s3.amazonaws.com/k?X-Amz-Signature=1');
  });

  it('hashes the bytes as the API checks them', async () => {
    expect(await sha256Hex(new Blob(['abc']))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
