import { Args, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Public, Role, Roles, type AuthUser } from '@mangfold/auth';
import { EventModel } from '@mangfold/calendar';
import { InjectConfig, type AppConfig } from '@mangfold/config';
import { LocalizedField, localizedField, type Connection, type GqlContext, type LangArgs } from '@mangfold/graphql';
import { AdviceItemInput, CatalogueArgs, MaterialInput, SpeakerInput } from './inputs/seminar-package.inputs';
import {
  AdviceItemConnection,
  AdviceItemModel,
  MaterialConnection,
  MaterialModel,
  SpeakerConnection,
  SpeakerModel,
} from './models/seminar-package.model';
import type { AdviceItem, Material, Speaker } from './seminar-package.entities';
import { SeminarPackageService } from './seminar-package.service';

@Resolver(() => SpeakerModel)
export class SpeakersResolver {
  constructor(private readonly service: SeminarPackageService) {}

  @Public()
  @Query(() => SpeakerConnection, { description: 'Speakers of the seminar package' })
  speakers(@Args() args: CatalogueArgs): Promise<Connection<Speaker>> {
    return this.service.speakers(args.first, args.after);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => SpeakerModel, { description: 'Adds a speaker (admin)' })
  createSpeaker(@CurrentUser() user: AuthUser, @Args('input') input: SpeakerInput): Promise<Speaker> {
    return this.service.saveSpeaker(user, null, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => SpeakerModel, { description: 'Edits a speaker (admin)' })
  updateSpeaker(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: SpeakerInput,
  ): Promise<Speaker> {
    return this.service.saveSpeaker(user, id, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => SpeakerModel, { description: 'Links a speaker to a seminar or network meeting (admin)' })
  linkSpeaker(
    @CurrentUser() user: AuthUser,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('speakerId', { type: () => ID }) speakerId: string,
  ): Promise<Speaker> {
    return this.service.linkSpeaker(user, eventId, speakerId, true);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => SpeakerModel, { description: 'Removes a speaker from an event (admin)' })
  unlinkSpeaker(
    @CurrentUser() user: AuthUser,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('speakerId', { type: () => ID }) speakerId: string,
  ): Promise<Speaker> {
    return this.service.linkSpeaker(user, eventId, speakerId, false);
  }

  @ResolveField(() => String, { nullable: true, description: 'Members and admins only; null for anonymous callers' })
  contactEmail(s: Speaker, _args: unknown, ctx: GqlContext): string | null {
    return SeminarPackageService.canSeeContact(ctx.req.user) ? s.contactEmail : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'Members and admins only; null for anonymous callers' })
  contactPhone(s: Speaker, _args: unknown, ctx: GqlContext): string | null {
    return SeminarPackageService.canSeeContact(ctx.req.user) ? s.contactPhone : null;
  }
}

@Resolver(() => MaterialModel)
export class MaterialsResolver {
  constructor(
    private readonly service: SeminarPackageService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @Public()
  @Query(() => MaterialConnection, { description: 'Published materials of the seminar package (admins: all)' })
  materials(@CurrentUser() user: AuthUser | undefined, @Args() args: CatalogueArgs): Promise<Connection<Material>> {
    return this.service.materials(user, args.first, args.after);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => MaterialModel, { description: 'Adds material; upload its file with PUT /materials/:id/file (admin)' })
  createMaterial(@CurrentUser() user: AuthUser, @Args('input') input: MaterialInput): Promise<Material> {
    return this.service.saveMaterial(user, null, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => MaterialModel, { description: 'Edits or publishes material (admin)' })
  updateMaterial(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: MaterialInput,
  ): Promise<Material> {
    return this.service.saveMaterial(user, id, input);
  }

  @LocalizedField()
  title(m: Material, { lang }: LangArgs, ctx: GqlContext): string {
    return localizedField(m.title, ctx.req, lang) ?? '';
  }

  @ResolveField(() => String, { nullable: true, description: 'Where the file is served (with Content-Disposition: attachment)' })
  downloadUrl(m: Material): string | null {
    return m.fileName ? `${this.config.http.publicBaseUrl}/materials/${m.id}/file` : null;
  }
}

@Resolver(() => AdviceItemModel)
export class AdviceResolver {
  constructor(private readonly service: SeminarPackageService) {}

  @Public()
  @Query(() => AdviceItemConnection, {
    description: 'The published "good advice and pitfalls" catalogue, in list order (admins: drafts too)',
  })
  adviceItems(@CurrentUser() user: AuthUser | undefined, @Args() args: CatalogueArgs): Promise<Connection<AdviceItem>> {
    return this.service.adviceItems(user, args.first, args.after);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => AdviceItemModel, { description: 'Adds an item to the catalogue (admin)' })
  createAdviceItem(@CurrentUser() user: AuthUser, @Args('input') input: AdviceItemInput): Promise<AdviceItem> {
    return this.service.saveAdviceItem(user, null, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => AdviceItemModel, { description: 'Edits or publishes an item of the catalogue (admin)' })
  updateAdviceItem(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: AdviceItemInput,
  ): Promise<AdviceItem> {
    return this.service.saveAdviceItem(user, id, input);
  }

  @LocalizedField()
  title(a: AdviceItem, { lang }: LangArgs, ctx: GqlContext): string {
    return localizedField(a.title, ctx.req, lang) ?? '';
  }

  @LocalizedField()
  body(a: AdviceItem, { lang }: LangArgs, ctx: GqlContext): string {
    return localizedField(a.body, ctx.req, lang) ?? '';
  }
}

/** `Event.speakers` and `Event.materials`, kept here so the calendar lib needs no knowledge of the seminar package. */
@Resolver(() => EventModel)
export class EventSeminarPackageResolver {
  constructor(private readonly service: SeminarPackageService) {}

  @ResolveField(() => [SpeakerModel], { description: 'Speakers at this seminar or network meeting' })
  speakers(e: { id: string }, _args: unknown, { loaders }: GqlContext): Promise<Speaker[]> {
    return loaders.get(this.service.speakersByEvent).load(e.id);
  }

  @ResolveField(() => [MaterialModel], { description: 'Published material for this event' })
  materials(e: { id: string }, _args: unknown, { loaders }: GqlContext): Promise<Material[]> {
    return loaders.get(this.service.materialsByEvent).load(e.id);
  }
}
