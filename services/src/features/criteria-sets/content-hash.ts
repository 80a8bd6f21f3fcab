import { createHash } from 'node:crypto';
import { type Definition, canonicalJson } from '@chiso/criteria';

/**
 * The SHA-256 of a definition's canonical JSON, leaving out its status: publishing or retiring a
 * version does not change what it scores, so it keeps its hash. Submissions pin it.
 */
export function contentHash(definition: Definition): string {
  const { status: _status, ...content } = definition;
  return `sha256:${createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex')}`;
}
