// Source: https://github.com/Minishlink/web-push-php-example/pull/26
// Bug: negative: after the fix every branch of the permission check settles; the switch over the three permission states is exhaustive, so no path falls through.
// expect: none

export function askPermission(): Promise<void> {
  return new Promise((resolve, reject) => {
    const state = Notification.permission;
    switch (state) {
      case 'granted':
        resolve();
        break;
      case 'denied':
        reject(new Error('permission denied'));
        break;
      case 'default':
        reject(new Error('permission dismissed'));
        break;
    }
  });
}
