import type { Type } from '@nestjs/common';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectConfig, type AppConfig } from '@mangfold/config';
import type { Language } from '@mangfold/common';
import { LangArg, preferredLanguage, type GqlContext } from '@mangfold/graphql';
import { feedUrl, webcalUrl, type FeedScope } from './feed-keys';

/**
 * `feedUrl` and `webcalUrl` fields for a GraphQL object type whose parent has a `slug`. The language
 * is the `lang` argument, else the caller's Accept-Language, else Danish (the feed's default).
 * Wire one per type: `createFeedUrlResolver(DistrictModel, 'district')`.
 */
export function createFeedUrlResolver(model: Type<unknown>, scope: Exclude<FeedScope, 'all' | 'kind'>): Type<unknown> {
  @Resolver(() => model)
  class FeedUrlResolver {
    constructor(@InjectConfig() private readonly config: AppConfig) {}

    @ResolveField(() => String, { description: 'The iCalendar feed to subscribe to in a calendar app (https)' })
    feedUrl(@Parent() parent: { slug: string }, @Context() ctx: GqlContext, @LangArg() lang?: Language): string {
      return feedUrl(this.config.http.publicBaseUrl, { scope, slug: parent.slug }, preferredLanguage(ctx.req, lang));
    }

    @ResolveField(() => String, { description: 'The same feed as a webcal:// link, which calendar apps open as a subscription' })
    webcalUrl(@Parent() parent: { slug: string }, @Context() ctx: GqlContext, @LangArg() lang?: Language): string {
      return webcalUrl(this.config.http.publicBaseUrl, { scope, slug: parent.slug }, preferredLanguage(ctx.req, lang));
    }
  }
  Object.defineProperty(FeedUrlResolver, 'name', { value: `${model.name}FeedUrlResolver` });
  return FeedUrlResolver;
}
