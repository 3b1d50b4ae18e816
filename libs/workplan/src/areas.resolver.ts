import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  AssociationConnection,
  DistrictModel,
  HousingAreaModel,
  type Association,
  type District,
  type HousingArea,
} from '@mangfold/associations';
import { CurrentUser, Public, Role, Roles, type AuthUser } from '@mangfold/auth';
import { LocalizedField, localizedField, type Connection, type GqlContext, type LangArgs } from '@mangfold/graphql';
import type { Area } from './area.entity';
import { AreasService } from './areas.service';
import { ActorsArgs, AreaInput } from './inputs/area.inputs';
import { AreaModel } from './models/area.model';

const EMPTY: Connection<Association> = {
  edges: [],
  pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
};

/** The areas of the TFI atlas: public to read (actors once the atlas is published), admins edit and publish. */
@Resolver(() => AreaModel)
export class AreasResolver {
  constructor(private readonly service: AreasService) {}

  @Public()
  @Query(() => [AreaModel], { description: 'The areas of the work plan, in list order' })
  areas(): Promise<Area[]> {
    return this.service.list();
  }

  @Public()
  @Query(() => AreaModel, { nullable: true, description: 'One area by slug' })
  area(@Args('slug') slug: string): Promise<Area | null> {
    return this.service.findBySlug(slug);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => AreaModel, { description: 'Adds an area made of districts and housing areas (admin)' })
  createArea(@CurrentUser() user: AuthUser, @Args('input') input: AreaInput): Promise<Area> {
    return this.service.create(user, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => AreaModel, { description: 'Edits an area (admin)' })
  updateArea(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string, @Args('input') input: AreaInput): Promise<Area> {
    return this.service.update(user, id, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => AreaModel, { description: "Publishes the area's TFI atlas (admin)" })
  publishAtlas(@CurrentUser() user: AuthUser, @Args('areaId', { type: () => ID }) areaId: string): Promise<Area> {
    return this.service.setPublished(user, areaId, true);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => AreaModel, { description: "Withdraws the area's TFI atlas (admin)" })
  unpublishAtlas(@CurrentUser() user: AuthUser, @Args('areaId', { type: () => ID }) areaId: string): Promise<Area> {
    return this.service.setPublished(user, areaId, false);
  }

  @LocalizedField()
  name(a: Area, { lang }: LangArgs, ctx: GqlContext): string {
    return localizedField(a.name, ctx.req, lang) ?? a.slug;
  }

  @LocalizedField({ nullable: true })
  atlasIntro(a: Area, { lang }: LangArgs, ctx: GqlContext): string | null {
    return localizedField(a.atlasIntro, ctx.req, lang);
  }

  @ResolveField(() => Boolean)
  atlasPublished(a: Area): boolean {
    return a.atlasPublishedAt !== null;
  }

  @ResolveField(() => [DistrictModel])
  districts(a: Area, _args: unknown, { loaders }: GqlContext): Promise<District[]> {
    return loaders.get(this.service.districtsByArea).load(a.id);
  }

  @ResolveField(() => [HousingAreaModel])
  housingAreas(a: Area, _args: unknown, { loaders }: GqlContext): Promise<HousingArea[]> {
    return loaders.get(this.service.housingAreasByArea).load(a.id);
  }

  @ResolveField(() => AssociationConnection, {
    description: 'The approved associations and projects located in the area; public once the atlas is published',
  })
  actors(@Parent() a: Area, @Context() ctx: GqlContext, @Args() args: ActorsArgs): Promise<Connection<Association>> {
    if (!a.atlasPublishedAt && ctx.req.user?.role !== Role.ADMIN) return Promise.resolve(EMPTY);
    return this.service.actors(a.id, args.first, args.after);
  }
}
