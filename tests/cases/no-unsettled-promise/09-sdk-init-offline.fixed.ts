// Source: https://github.com/smallbets/userbase/issues/145
// Bug: fixed twin: handling the XHR 'error' event rejects when the network is down.
// expect: none

export function restoreSession(endpoint: string, token: string): Promise<{ userId: string } | null> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `${endpoint}/session`);
    request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.addEventListener('load', () => {
      if (request.status === 401) return resolve(null);
      if (request.status !== 200) return reject(new Error(request.responseText));
      resolve(JSON.parse(request.responseText) as { userId: string });
    });
    request.addEventListener('error', () => reject(new Error('network unavailable')));
    request.send();
  });
}
