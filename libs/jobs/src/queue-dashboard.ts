import { createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, Module, type DynamicModule, type OnModuleInit, type Type } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { JwtModule, JwtService } from '@nestjs/jwt';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import type { Express, NextFunction, Request, Response, Router } from 'express';
import type Redis from 'ioredis';
import { parseUuid } from '@mangfold/common';
import { APP_CONFIG, InjectConfig, type AppConfig } from '@mangfold/config';
import { QueueName } from './job-names';
import { InjectRedis } from './redis.module';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
const COOKIE = 'mangfold_queues';
/** A link from openQueueDashboard works once, within this time. */
export const DASHBOARD_LINK_TTL_SECONDS = 5 * 60;
/** The browser session it opens lasts this long. */
export const DASHBOARD_SESSION_TTL_SECONDS = 60 * 60;

/** Who may look, as the accounts lib answers it: the dashboard knows nothing of users itself. */
export interface DashboardViewer {
  id: string;
  admin: boolean;
}

/**
 * The dashboard's door to the accounts, which live in a layer above this lib: the module that
 * registers the dashboard provides it (see QueueDashboardModule.register).
 */
export interface QueueDashboardAccess {
  /** The holder of an API bearer token, or undefined when the token is invalid, expired or revoked. */
  bearer(token: string): Promise<DashboardViewer | undefined>;
  /** The user a ticket names, or undefined when it is gone or its tokenVersion moved on (a password change). */
  viewer(userId: string, tokenVersion: number): Promise<DashboardViewer | undefined>;
}

export const QUEUE_DASHBOARD_ACCESS = Symbol('QUEUE_DASHBOARD_ACCESS');

type TicketUse = 'link' | 'session';

interface TicketClaims {
  /** user id */
  sub: string;
  /** the user's tokenVersion: a password change ends the session */
  ver: number;
  jti: string;
}

const ISSUER = 'mangfold';
const audienceOf = (use: TicketUse) => `mangfold:queue-dashboard:${use}`;

/**
 * The tickets are JWTs under a key of their own, derived from JWT_SECRET: no ticket is an API
 * access token, and no access token a ticket; the audience keeps a link from being a session.
 */
export function dashboardTicketKey(jwtSecret: string): Buffer {
  return createHmac('sha256', jwtSecret).update('mangfold:queue-dashboard').digest();
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

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    private readonly jwt: JwtService,
    @Inject(QUEUE_DASHBOARD_ACCESS) private readonly access: QueueDashboardAccess,
    @InjectConfig() private readonly config: AppConfig,
    @InjectRedis() private readonly redis: Redis,
  ) {}

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
    const ticket = this.sign(user.id, user.tokenVersion, 'link', DASHBOARD_LINK_TTL_SECONDS);
    const expiresAt = new Date((Math.floor(Date.now() / 1000) + DASHBOARD_LINK_TTL_SECONDS) * 1000);
    return { url: `${this.config.http.publicBaseUrl}${QUEUE_DASHBOARD_PATH}?ticket=${ticket}`, expiresAt };
  }

  private async guard(req: Request, res: Response, next: NextFunction): Promise<void> {
    try {
      const ticketParam = typeof req.query.ticket === 'string' ? req.query.ticket : undefined;
      if (ticketParam) return await this.exchange(ticketParam, req, res);

      const header = req.headers.authorization;
      if (typeof header === 'string' && /^Bearer\s+/i.test(header)) {
        return this.admit(await this.access.bearer(header.replace(/^Bearer\s+/i, '').trim()), res, next);
      }
      const cookie = readCookie(req, COOKIE);
      if (cookie) {
        const ticket = await this.verify(cookie, 'session');
        return this.admit(ticket ? await this.access.viewer(ticket.sub, ticket.ver) : undefined, res, next);
      }
      this.deny(res, 401, 'Log in as an admin: send a bearer token, or open the link the openQueueDashboard mutation gives you.');
    } catch (error) {
      this.logger.error(`queue dashboard auth failed: ${(error as Error).message}`);
      this.deny(res, 503, 'The queue dashboard cannot check your access right now.');
    }
  }

  private async exchange(raw: string, req: Request, res: Response): Promise<void> {
    const ticket = await this.verify(raw, 'link');
    const viewer = ticket ? await this.access.viewer(ticket.sub, ticket.ver) : undefined;
    if (!ticket || !viewer) return this.deny(res, 401, 'This dashboard link is invalid or has expired; ask for a new one.');
    if (!viewer.admin) return this.deny(res, 403, 'The queue dashboard is for admins only.');
    const fresh = await this.redis.set(
      `${this.config.redis.prefix}:queue-dashboard-link:${ticket.jti}`,
      '1',
      'EX',
      DASHBOARD_LINK_TTL_SECONDS,
      'NX',
    );
    if (fresh !== 'OK') return this.deny(res, 401, 'This dashboard link was already used; ask for a new one.');
    const session = this.sign(ticket.sub, ticket.ver, 'session', DASHBOARD_SESSION_TTL_SECONDS);
    const secure = this.config.http.publicBaseUrl.startsWith('https:') ? '; Secure' : '';
    res.setHeader(
      'Set-Cookie',
      `${COOKIE}=${session}; Path=${QUEUE_DASHBOARD_PATH}; Max-Age=${DASHBOARD_SESSION_TTL_SECONDS}; HttpOnly; SameSite=Strict${secure}`,
    );
    const url = new URL(req.originalUrl, 'http://localhost');
    url.searchParams.delete('ticket');
    res.redirect(303, `${url.pathname}${url.search}`);
  }

  private admit(viewer: DashboardViewer | undefined, res: Response, next: NextFunction): void {
    if (!viewer) return this.deny(res, 401, 'Your session has expired or is invalid; log in again.');
    if (!viewer.admin) return this.deny(res, 403, 'The queue dashboard is for admins only.');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Frame-Options', 'DENY');
    next();
  }

  private deny(res: Response, status: 401 | 403 | 503, message: string): void {
    if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="mangfold"');
    res.status(status).type('text/plain; charset=utf-8').send(`${message}\n`);
  }

  private sign(sub: string, ver: number, use: TicketUse, ttlSeconds: number): string {
    const claims: Omit<TicketClaims, 'sub'> = { ver, jti: randomBytes(12).toString('base64url') };
    return this.jwt.sign(claims, { subject: sub, audience: audienceOf(use), expiresIn: ttlSeconds });
  }

  private async verify(raw: string, use: TicketUse): Promise<TicketClaims | undefined> {
    let claims: TicketClaims;
    try {
      claims = await this.jwt.verifyAsync<TicketClaims>(raw, { audience: audienceOf(use) });
    } catch {
      return undefined;
    }
    if (parseUuid(claims.sub) !== claims.sub || typeof claims.ver !== 'number' || typeof claims.jti !== 'string') return undefined;
    return claims;
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

/**
 * The dashboard with its own JwtService (the @nestjs/jwt one the accounts use, registered here
 * under the dashboard's key). `access` answers who a token or ticket belongs to; it is provided
 * by a lib above this one, so this lib never imports the accounts.
 */
@Module({})
export class QueueDashboardModule {
  static register(access: Type<QueueDashboardAccess>): DynamicModule {
    return {
      module: QueueDashboardModule,
      imports: [
        JwtModule.registerAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            secret: dashboardTicketKey(config.auth.jwtSecret),
            signOptions: { issuer: ISSUER, algorithm: 'HS256' },
            verifyOptions: { issuer: ISSUER, algorithms: ['HS256'] },
          }),
        }),
      ],
      providers: [access, { provide: QUEUE_DASHBOARD_ACCESS, useExisting: access }, QueueDashboard],
      exports: [QueueDashboard, access],
    };
  }
}
