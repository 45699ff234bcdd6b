// Source: https://github.com/philipmulcahy/azad/issues/370
// Bug: none: the index is built from the constructor's input when the object is made and only read afterwards, so it is as bounded as that input.
// expect: none

export interface Route {
  path: string;
  handler: (params: URLSearchParams) => string;
}

export class Router {
  private readonly byPath = new Map<string, Route>();
  private readonly paths: Set<string>;

  constructor(routes: readonly Route[]) {
    this.paths = new Set();
    for (const route of routes) {
      this.byPath.set(route.path, route);
      this.paths.add(route.path);
    }
  }

  handle(url: URL): string | undefined {
    if (!this.paths.has(url.pathname)) return undefined;
    return this.byPath.get(url.pathname)?.handler(url.searchParams);
  }
}
