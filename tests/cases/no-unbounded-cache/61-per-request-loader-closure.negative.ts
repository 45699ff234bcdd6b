// Source: https://github.com/entria/graphql-dataloader-boilerplate/issues/11
// Bug: none: the loaders, and the promise cache their closures keep, are created for each request and dropped when it has been resolved (the per-request pattern the issue adopts instead of module-wide static loaders).
// expect: none

export interface User {
  id: string;
  name: string;
}

export interface Database {
  loadUser(id: string): Promise<User>;
}

export interface Query {
  userIds: string[];
}

function createLoaders(db: Database) {
  const users = new Map<string, Promise<User>>();
  return {
    user(id: string): Promise<User> {
      let pending = users.get(id);
      if (!pending) {
        pending = db.loadUser(id);
        users.set(id, pending);
      }
      return pending;
    },
  };
}

export async function handleRequest(db: Database, query: Query): Promise<User[]> {
  const loaders = createLoaders(db);
  return Promise.all(query.userIds.map((id) => loaders.user(id)));
}
