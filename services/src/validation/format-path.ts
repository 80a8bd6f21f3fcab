import { formatPath as formatCorePath } from '@chiso/criteria';

/** Where a problem is: keys and indexes from the root of the input it was found in. */
export type Path = ReadonlyArray<PropertyKey>;

/**
 * Formats a path in the notation the criteria core prints its problems in, so a person sees one
 * notation everywhere: `body.groups[0].name`, `query["page-size"]`. Zod paths may hold symbols.
 * @example formatPath(['body', 'items', 2, 'name']) // 'body.items[2].name'
 */
export function formatPath(path: Path): string {
  return formatCorePath(path.map((step) => (typeof step === 'symbol' ? String(step) : step)));
}
