/**
 * A browser-less portal visitor: logs in through the form, keeps the session cookie, and reads the
 * CSRF token from the pages it gets, so tests can post portal forms as a person would.
 */
export class PortalClient {
  cookie: string | undefined;

  constructor(readonly baseUrl: string) {}

  static async login(baseUrl: string, email: string, password: string): Promise<PortalClient> {
    const client = new PortalClient(baseUrl);
    const res = await client.post('/portal/login', { email, password });
    if (res.status !== 303 || !client.cookie) throw new Error(`portal login failed with ${res.status}`);
    return client;
  }

  async get(path: string): Promise<Response> {
    return this.remember(await fetch(new URL(path, this.baseUrl), { redirect: 'manual', headers: this.headers() }));
  }

  /** Posts a form; `csrf: true` first reads the token from `from` (a page of the portal). */
  async post(path: string, fields: Record<string, string>, options: { origin?: string } = {}): Promise<Response> {
    const headers = {
      ...this.headers(),
      'content-type': 'application/x-www-form-urlencoded',
      ...(options.origin ? { origin: options.origin } : {}),
    };
    return this.remember(
      await fetch(new URL(path, this.baseUrl), {
        method: 'POST',
        redirect: 'manual',
        headers,
        body: new URLSearchParams(fields).toString(),
      }),
    );
  }

  /** The CSRF token of the session, as the portal puts it in every form. */
  async csrfToken(page = '/portal'): Promise<string> {
    const html = await (await this.get(page)).text();
    const match = /name="_csrf" value="([^"]+)"/.exec(html);
    if (!match) throw new Error(`no CSRF token on ${page}`);
    return match[1];
  }

  private headers(): Record<string, string> {
    return this.cookie ? { cookie: this.cookie } : {};
  }

  private remember(res: Response): Response {
    const set = res.headers.get('set-cookie');
    if (set) {
      const [pair] = set.split(';');
      this.cookie = /=\s*$/.test(pair) || /Expires=Thu, 01 Jan 1970/i.test(set) ? undefined : pair;
    }
    return res;
  }
}
