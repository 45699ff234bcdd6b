// Source: https://github.com/axios/axios/issues/204
// Bug: fixed twin: onerror rejects (the fix adopted in axios 0.9.1).
// expect: none

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
    xhr.onerror = () => reject(new Error('Network Error'));
    xhr.send(body ?? null);
  });
}
