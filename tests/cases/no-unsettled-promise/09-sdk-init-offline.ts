// Source: https://github.com/smallbets/userbase/issues/145
// Bug: init() never settled when the browser was offline: the session request listened for 'load' but not for 'error'.
// expect: no-unsettled-promise/errorNotListened 10:5

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
    request.send();
  });
}
