// Source: https://github.com/KanishJebaMathewM/Truxify/issues/1278
// Bug: fixed twin: the timeout handle is cleared in finally and the lookup gets a signal aborted in finally.
// expect: none

export interface User {
  id: string;
  email: string;
  passwordHash: string;
}

declare const users: { findByEmail(email: string, options?: { signal?: AbortSignal }): Promise<User | null> };
declare function verifyPassword(password: string, hash: string): Promise<boolean>;

export async function login(email: string, password: string): Promise<string | null> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeoutPromise = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('Database timeout')), 10_000);
  });
  let user: User | null;
  try {
    user = await Promise.race([users.findByEmail(email, { signal: controller.signal }), timeoutPromise]);
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  if (!user || !(await verifyPassword(password, user.passwordHash))) return null;
  return user.id;
}
