/**
 * Just enough of a browser for the SSO flow without one: follows redirects by hand and keeps each
 * host's cookies, so a test can stop at the app's callback and change what it likes first.
 */
export class CookieJar {
  private readonly byHost = new Map<string, Map<string, string>>();

  header(url: URL): string {
    return [...(this.byHost.get(url.host) ?? [])].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  set(url: URL, name: string, value: string): void {
    const cookies = this.byHost.get(url.host) ?? new Map<string, string>();
    this.byHost.set(url.host, cookies);
    cookies.set(name, value);
  }

  get(url: URL, name: string): string | undefined {
    return this.byHost.get(url.host)?.get(name);
  }

  keep(url: URL, response: Response): void {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = cookie.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) < Date.now()));
      if (expired) this.byHost.get(url.host)?.delete(name);
      else this.set(url, name, pair.slice(at + 1).trim());
    }
  }
}

/** One request with the jar's cookies, redirects not followed. */
export async function visit(jar: CookieJar, address: string | URL, init: RequestInit = {}): Promise<Response> {
  const url = new URL(address);
  const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: jar.header(url) } });
  jar.keep(url, response);
  return response;
}

/** Follows redirects from `address` until one points at a URL that `stop` accepts; returns that URL. */
export async function followUntil(jar: CookieJar, address: string | URL, stop: (url: URL) => boolean): Promise<URL> {
  let url = new URL(address);
  for (let hops = 0; hops < 10; hops++) {
    if (stop(url)) return url;
    const response = await visit(jar, url);
    const location = response.headers.get('location');
    if (!location) throw new Error(`${url} answered ${response.status} without a redirect: ${(await response.text()).slice(0, 300)}`);
    url = new URL(location, url);
  }
  throw new Error('too many redirects');
}
