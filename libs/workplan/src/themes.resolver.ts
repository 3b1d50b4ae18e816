import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Public, Role, Roles, type AuthUser } from '@mangfold/auth';
import { EventModel, type Event, type Theme } from '@mangfold/calendar';
import { LocalizedField, localizedField, type GqlContext, type LangArgs } from '@mangfold/graphql';
import { ResolveField } from '@nestjs/graphql';
import { CreateThemeInput, UpdateThemeInput } from './inputs/theme.inputs';
import { ThemeModel } from './models/theme.model';
import { ThemesService } from './themes.service';

@Resolver(() => ThemeModel)
export class ThemesResolver {
  constructor(private readonly service: ThemesService) {}

  @Public()
  @Query(() => [ThemeModel], { description: 'The themes events can have, in list order' })
  themes(): Promise<Theme[]> {
    return this.service.list();
  }

  @Roles(Role.ADMIN)
  @Mutation(() => ThemeModel, { description: 'Adds a theme to the list (admin)' })
  createTheme(@CurrentUser() user: AuthUser, @Args('input') input: CreateThemeInput): Promise<Theme> {
    return this.service.create(user, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => ThemeModel, { description: 'Renames a theme; its slug stays (admin)' })
  updateTheme(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateThemeInput,
  ): Promise<Theme> {
    return this.service.update(user, id, input);
  }

  @Mutation(() => EventModel, { description: "Replaces an event's themes (its organisers or an admin)" })
  setEventThemes(
    @CurrentUser() user: AuthUser,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('themeSlugs', { type: () => [String] }) themeSlugs: string[],
  ): Promise<Event> {
    return this.service.setEventThemes(user, eventId, themeSlugs);
  }

  @LocalizedField()
  name(t: Theme, { lang }: LangArgs, ctx: GqlContext): string {
    return localizedField(t.name, ctx.req, lang) ?? t.slug;
  }
}

/** `Event.themes`, kept here so the calendar lib needs no knowledge of the work plan. */
@Resolver(() => EventModel)
export class EventThemesResolver {
  constructor(private readonly service: ThemesService) {}

  @ResolveField(() => [ThemeModel], { description: "The work plan's themes of the event" })
  themes(e: { id: string }, _args: unknown, { loaders }: GqlContext): Promise<Theme[]> {
    return loaders.get(this.service.themesByEvent).load(e.id);
  }
}
