// Source: https://github.com/KanishJebaMathewM/Truxify/issues/1278
// Bug: the login route raced the user lookup against a setTimeout-based timeout promise that was never cleared when the lookup succeeded, leaving a dangling timer per request.
// expect: no-abandoned-race/timerNeverCleared 19:22
// expect: no-abandoned-race/workNeverAborted 19:22

export interface User {
  id: string;
  email: string;
  passwordHash: string;
}

declare const users: { findByEmail(email: string): Promise<User | null> };
declare function verifyPassword(password: string, hash: string): Promise<boolean>;

export async function login(email: string, password: string): Promise<string | null> {
  const timeoutPromise = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error('Database timeout')), 10_000),
  );
  const user = await Promise.race([users.findByEmail(email), timeoutPromise]);
  if (!user || !(await verifyPassword(password, user.passwordHash))) return null;
  return user.id;
}
