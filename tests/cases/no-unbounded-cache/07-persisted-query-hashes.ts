// Source: https://github.com/apollographql/apollo-link-persisted-queries/issues/26
// Bug: the persisted-query link memoises each query document's SHA-256 in a Map held by the link's closure; a long-lived proxy that sees new document objects keeps every one of them alive.
// expect: no-unbounded-cache/mapNeverShrinks 19:9

import { createHash } from 'node:crypto';

export interface QueryDocument {
  readonly source: string;
}

export interface Operation {
  query: QueryDocument;
  extensions: Record<string, unknown>;
}

const sha256 = (doc: QueryDocument): string => createHash('sha256').update(doc.source).digest('hex');

export function createPersistedQueryLink(generateHash = sha256) {
  const calculated = new Map<QueryDocument, string>();
  return (operation: Operation): Operation => {
    let hash = calculated.get(operation.query);
    if (hash === undefined) {
      hash = generateHash(operation.query);
      calculated.set(operation.query, hash);
    }
    operation.extensions['persistedQuery'] = { version: 1, sha256Hash: hash };
    return operation;
  };
}
