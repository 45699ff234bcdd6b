// Source: https://github.com/axios/axios/issues/204
// Bug: the XHR adapter settled the request promise from onload only; a network-level failure fires onerror instead, so the request neither resolved nor rejected.
// expect: no-unsettled-promise/errorNotListened 14:5

export interface Reply {
  status: number;
  body: string;
}

export function send(method: string, url: string, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url, true);
    xhr.onload = () => {
      const reply = { status: xhr.status, body: xhr.responseText };
      if (xhr.status >= 200 && xhr.status < 300) resolve(reply);
      else reject(new Error(`Request failed with status ${String(xhr.status)}`));
    };
    xhr.send(body ?? null);
  });
}
