import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '@mangfold/config';
import { AuthGuard } from './auth.guard';
import { IntrospectionGate } from './introspection-gate.plugin';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { RateLimiter } from './rate-limiter';
import { TokenService } from './token.service';
import { WebSessionsService } from './web-sessions.service';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.auth.jwtSecret,
        signOptions: { expiresIn: config.auth.jwtTtlSeconds, issuer: 'mangfold', algorithm: 'HS256' },
        verifyOptions: { issuer: 'mangfold', algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [
    TokenService,
    WebSessionsService,
    IntrospectionGate,
    RateLimiter,
    AuthService,
    AuthResolver,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenService, WebSessionsService, RateLimiter, AuthService],
})
export class AuthModule {}
