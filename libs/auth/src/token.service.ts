import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { EntityManager } from '@mikro-orm/postgresql';
import { InjectConfig, type AppConfig } from '@mangfold/config';
import type { AuthUser } from './decorators';
import { User, type Role } from './user.entity';

interface AccessTokenClaims {
  sub: string;
  role: Role;
  /** The user's tokenVersion when issued; a password change invalidates older tokens. */
  ver: number;
}

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly em: EntityManager,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  issue(user: User): { accessToken: string; expiresAt: Date } {
    const claims: AccessTokenClaims = { sub: user.id, role: user.role, ver: user.tokenVersion };
    const accessToken = this.jwt.sign(claims);
    return { accessToken, expiresAt: new Date(Date.now() + this.config.auth.jwtTtlSeconds * 1000) };
  }

  /** The user behind a bearer token, or undefined when the token is invalid, expired or revoked. */
  async verify(token: string): Promise<AuthUser | undefined> {
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
    } catch {
      return undefined;
    }
    const user = await this.em.fork().findOne(User, { id: claims.sub }, { fields: ['id', 'email', 'role', 'tokenVersion'] });
    if (!user || user.tokenVersion !== claims.ver) return undefined;
    return { id: user.id, email: user.email, role: user.role };
  }
}
