import { Field, ID, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Public } from '@mangfold/auth';
import { LocalizedField, localizedField, type GqlContext, type LangArgs } from '@mangfold/graphql';
import { AssociationLoaders } from './association-loaders';
import { AssociationsService } from './associations.service';
import { District } from './district.entity';
import { HousingArea } from './housing-area.entity';

@ObjectType('District')
export class DistrictModel {
  @Field(() => ID)
  id!: string;

  @Field()
  slug!: string;
}

@ObjectType('HousingArea')
export class HousingAreaModel {
  @Field(() => ID)
  id!: string;

  @Field()
  slug!: string;
}

@Resolver(() => DistrictModel)
export class DistrictResolver {
  constructor(private readonly associations: AssociationsService) {}

  @Public()
  @Query(() => [DistrictModel], { description: "Copenhagen's districts, in their usual order" })
  districts(): Promise<District[]> {
    return this.associations.districts();
  }

  @LocalizedField()
  name(district: District, { lang }: LangArgs, ctx: GqlContext): string | null {
    return localizedField(district.name, ctx.req, lang);
  }
}

@Resolver(() => HousingAreaModel)
export class HousingAreaResolver {
  constructor(
    private readonly associations: AssociationsService,
    private readonly loaders: AssociationLoaders,
  ) {}

  @Public()
  @Query(() => [HousingAreaModel], { description: 'The housing areas the work plan focuses on' })
  housingAreas(): Promise<HousingArea[]> {
    return this.associations.housingAreas();
  }

  @LocalizedField()
  name(area: HousingArea, { lang }: LangArgs, ctx: GqlContext): string | null {
    return localizedField(area.name, ctx.req, lang);
  }

  @ResolveField(() => DistrictModel)
  district(area: HousingArea, _args: unknown, { loaders }: GqlContext): Promise<District> {
    return loaders.get(this.loaders.districtById).load(area.district.id);
  }
}
