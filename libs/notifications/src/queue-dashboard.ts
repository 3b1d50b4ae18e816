import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { EntityManager } from '@mikro-orm/postgresql';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import type { Express, NextFunction, Request, Response, Router } from 'express';
import type Redis from 'ioredis';
import { parseUuid } from '@mangfold/common';
import { InjectConfig, type AppConfig } from '@mangfold/config';
import { Role, TokenService, User, type AuthUser } from '@mangfold/auth';
import { InjectRedis, QueueName } from '@mangfold/jobs';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
const COOKIE = 'mangfold_queues';
/** A link from openQueueDashboard works once, within this time. */
export const DASHBOARD_LINK_TTL_SECONDS = 5 * 60;
/** The browser session it opens lasts this long. */
export const DASHBOARD_SESSION_TTL_SECONDS = 60 * 60;

interface Ticket {
  /** user id */
  sub: string;
  /** the user's tokenVersion: a password change ends the session */
  ver: number;
  /** expiry, seconds since the epoch */
  exp: number;
  /** link or session */
  use: 'link' | 'session';
  jti: string;
}

/**
 * Bull Board at /admin/queues, for admins only. An API client sends its bearer token; a browser
 * gets there through the link `openQueueDashboard` returns: the link's one-time ticket is traded
 * for an HttpOnly, SameSite=Strict session cookie scoped to /admin/queues, and the ticket leaves
 * the address bar by a redirect.
 */
@Injectable()
export class QueueDashboard implements OnModuleInit {
  private readonly logger = new Logger('QueueDashboard');
  private readonly key: Buffer;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    private readonly tokens: TokenService,
    private readonly em: EntityManager,
    @InjectConfig() private readonly config: AppConfig,
    @InjectRedis() private readonly redis: Redis,
  ) {
    this.key = createHmac('sha256', config.auth.jwtSecret).update('mangfold:queue-dashboard').digest();
  }

  onModuleInit(): void {
    const app = this.adapterHost.httpAdapter?.getInstance<Express>();
    if (!app) return;
    const serverAdapter = new ExpressAdapter();
    serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
    const queues = Object.values(QueueName).map(
      (name) => new BullMQAdapter(this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }), { description: `Mangfold ${name}` }),
    );
    createBullBoard({ queues, serverAdapter, options: { uiConfig: { boardTitle: 'Mangfold' } } });
    app.use(
      QUEUE_DASHBOARD_PATH,
      (req: Request, res: Response, next: NextFunction) => void this.guard(req, res, next),
      serverAdapter.getRouter() as Router,
    );
  }

  /** A one-time link to the dashboard for an admin (see openQueueDashboard). */
  link(user: { id: string; tokenVersion: number }): { url: string; expiresAt: Date } {
    const exp = Math.floor(Date.now() / 1000) + DASHBOARD_LINK_TTL_SECONDS;
    const ticket = this.sign({ sub: user.id, ver: user.tokenVersion, exp, use: 'link', jti: randomBytes(12).toString('base64url') });
    return { url: `${this.config.http.publicBaseUrl}${QUEUE_DASHBOARD_PATH}?ticket=${ticket}`, expiresAt: new Date(exp * 1000) };
  }

  private async guard(req: Request, res: Response, next: NextFunction): Promise<void> {
    try {
      const ticketParam = typeof req.query.ticket === 'string' ? req.query.ticket : undefined;
      if (ticketParam) return await this.exchange(ticketParam, req, res);

      const header = req.headers.authorization;
      if (typeof header === 'string' && /^Bearer\s+/i.test(header)) {
        const user = await this.tokens.verify(header.replace(/^Bearer\s+/i, '').trim());
        return this.admit(user, res, next);
      }
      const cookie = readCookie(req, COOKIE);
      if (cookie) {
        const ticket = this.verify(cookie, 'session');
        return this.admit(ticket ? await this.userOf(ticket) : undefined, res, next);
      }
      this.deny(res, 401, 'Log in as an admin: send a bearer token, or open the link the openQueueDashboard mutation gives you.');
    } catch (error) {
      this.logger.error(`queue dashboard auth failed: ${(error as Error).message}`);
      this.deny(res, 503, 'The queue dashboard cannot check your access right now.');
    }
  }

  private async exchange(raw: string, req: Request, res: Response): Promise<void> {
    const ticket = this.verify(raw, 'link');
    const user = ticket ? await this.userOf(ticket) : undefined;
    if (!ticket || !user) return this.deny(res, 401, 'This dashboard link is invalid or has expired; ask for a new one.');
    if (user.role !== Role.ADMIN) return this.deny(res, 403, 'The queue dashboard is for admins only.');
    const fresh = await this.redis.set(
      `${this.config.redis.prefix}:queue-dashboard-link:${ticket.jti}`,
      '1',
      'EX',
      DASHBOARD_LINK_TTL_SECONDS,
      'NX',
    );
    if (fresh !== 'OK') return this.deny(res, 401, 'This dashboard link was already used; ask for a new one.');
    const exp = Math.floor(Date.now() / 1000) + DASHBOARD_SESSION_TTL_SECONDS;
    const session = this.sign({ sub: ticket.sub, ver: ticket.ver, exp, use: 'session', jti: randomBytes(12).toString('base64url') });
    const secure = this.config.http.publicBaseUrl.startsWith('https:') ? '; Secure' : '';
    res.setHeader(
      'Set-Cookie',
      `${COOKIE}=${session}; Path=${QUEUE_DASHBOARD_PATH}; Max-Age=${DASHBOARD_SESSION_TTL_SECONDS}; HttpOnly; SameSite=Strict${secure}`,
    );
    const url = new URL(req.originalUrl, 'http://localhost');
    url.searchParams.delete('ticket');
    res.redirect(303, `${url.pathname}${url.search}`);
  }

  private admit(user: AuthUser | undefined, res: Response, next: NextFunction): void {
    if (!user) return this.deny(res, 401, 'Your session has expired or is invalid; log in again.');
    if (user.role !== Role.ADMIN) return this.deny(res, 403, 'The queue dashboard is for admins only.');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Frame-Options', 'DENY');
    next();
  }

  private deny(res: Response, status: 401 | 403 | 503, message: string): void {
    if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="mangfold"');
    res.status(status).type('text/plain; charset=utf-8').send(`${message}\n`);
  }

  private async userOf(ticket: Ticket): Promise<AuthUser | undefined> {
    const user = await this.em.fork().findOne(User, { id: ticket.sub }, { fields: ['id', 'email', 'role', 'tokenVersion'] });
    if (!user || user.tokenVersion !== ticket.ver) return undefined;
    return { id: user.id, email: user.email, role: user.role };
  }

  private sign(ticket: Ticket): string {
    const body = Buffer.from(JSON.stringify(ticket)).toString('base64url');
    return `${body}.${createHmac('sha256', this.key).update(body).digest('base64url')}`;
  }

  private verify(raw: string, use: Ticket['use']): Ticket | undefined {
    const [body, mac] = raw.split('.');
    if (!body || !mac) return undefined;
    const expected = createHmac('sha256', this.key).update(body).digest();
    const given = Buffer.from(mac, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    try {
      const ticket = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Ticket;
      if (ticket.use !== use || typeof ticket.exp !== 'number' || ticket.exp * 1000 < Date.now()) return undefined;
      if (parseUuid(ticket.sub) !== ticket.sub) return undefined;
      return ticket;
    } catch {
      return undefined;
    }
  }
}

function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}
