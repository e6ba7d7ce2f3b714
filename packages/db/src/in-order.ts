type Thunks = readonly (() => PromiseLike<unknown>)[];

/**
 * Runs queries one after another and returns their results as a tuple. Inside a transaction every
 * query shares one connection, so Promise.all would only queue them on it (node-postgres 9 refuses
 * overlapping queries on one client, and PGlite serialises them anyway).
 */
export async function inOrder<T extends Thunks>(thunks: T): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const results: unknown[] = [];
  for (const thunk of thunks) results.push(await thunk());
  return results as { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
}
