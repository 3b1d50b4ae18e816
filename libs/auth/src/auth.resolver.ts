import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '@mangfold/graphql';
import { AuthService, type AuthResult } from './auth.service';
import { CurrentUser, Public, type AuthUser } from './decorators';
import { AuthPayloadModel } from './models/auth-payload.model';
import { UserModel } from './models/user.model';
import { Role, User } from './user.entity';

@Resolver(() => UserModel)
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => AuthPayloadModel, {
    description:
      'Logs in with email and password. Wrong email and wrong password get the same answer; the 11th failure within a minute is refused with TOO_MANY_REQUESTS',
  })
  login(@Args('email') email: string, @Args('password') password: string, @Context() { req }: GqlContext): Promise<AuthResult> {
    return this.auth.login(email, password, req.ip);
  }

  @Public()
  @Query(() => UserModel, { nullable: true, description: 'The logged-in user, or null for anonymous callers' })
  me(@CurrentUser() user: AuthUser | undefined): Promise<User | null> {
    return user ? this.auth.findUser(user.id) : Promise.resolve(null);
  }

  @Mutation(() => AuthPayloadModel, {
    description: 'Changes your password. Every other session ends; the answer carries a fresh access token',
  })
  changePassword(
    @CurrentUser() user: AuthUser,
    @Args('currentPassword') currentPassword: string,
    @Args('newPassword') newPassword: string,
  ): Promise<AuthResult> {
    return this.auth.changePassword(user.id, currentPassword, newPassword);
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'Mails a password reset link if the email has an account. Always answers true, so it reveals no accounts',
  })
  async requestPasswordReset(@Args('email') email: string, @Context() { req }: GqlContext): Promise<boolean> {
    await this.auth.requestPasswordReset(email, req.ip);
    return true;
  }

  @Public()
  @Mutation(() => AuthPayloadModel, {
    description: 'Sets a new password with the token from a reset mail (single use, valid one hour) and logs in',
  })
  resetPassword(
    @Args('token') token: string,
    @Args('newPassword') newPassword: string,
    @Context() { req }: GqlContext,
  ): Promise<AuthResult> {
    return this.auth.resetPassword(token, newPassword, req.ip);
  }

  @ResolveField(() => Date, { nullable: true, description: 'Visible to the user itself and admins (null otherwise)' })
  lastLoginAt(@Parent() user: User, @CurrentUser() viewer: AuthUser | undefined): Date | null {
    return viewer && (viewer.id === user.id || viewer.role === Role.ADMIN) ? user.lastLoginAt : null;
  }
}
