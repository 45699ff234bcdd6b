// Source: https://github.com/apollographql/apollo-link-persisted-queries/issues/26
// Bug: fixed (PR #29 stored the hash on the document itself; the idiomatic equivalent here): a WeakMap keyed by the document lets each hash be collected together with its query.
// expect: none

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
  const calculated = new WeakMap<QueryDocument, string>();
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
