import { Args, Context, Float, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { CurrentUser, Role, Roles, type AuthUser } from '@mangfold/auth';
import { LocalizedField, localizedField, type GqlContext, type LangArgs, type LoaderFactory } from '@mangfold/graphql';
import { KpiService } from './kpi.service';
import { KpiDimension, type KpiBreakdownGroupData, type KpiContributorData } from './kpi.types';
import {
  AssociationInvolvementModel,
  InvolvedEventModel,
  KpiBreakdownGroupModel,
  KpiContributorModel,
  KpiModel,
  KpiOccasionModel,
  toBreakdownModels,
  toContributorModel,
  toInvolvementModel,
  toKpiModel,
} from './models/kpi.model';

const YEAR = { type: () => Int, description: 'Calendar year in Copenhagen' };

/** KPIs for TFI (admins only). Lists are computed once per request and year, whichever KPIs ask. */
@Resolver(() => KpiModel)
@Roles(Role.ADMIN)
export class KpiResolver {
  private readonly contributorsOf: LoaderFactory<string, Map<string, KpiContributorData[]>> = () =>
    new DataLoader((keys) =>
      Promise.all(
        keys.map((k) => {
          const [year, at] = k.split('|');
          return this.kpiService.contributors(Number(year), new Date(at));
        }),
      ),
    );

  private readonly breakdownOf: LoaderFactory<string, Map<string, KpiBreakdownGroupData[]>> = () =>
    new DataLoader((keys) =>
      Promise.all(
        keys.map((k) => {
          const [year, at, dimension] = k.split('|');
          return this.kpiService.breakdown(Number(year), new Date(at), dimension as KpiDimension);
        }),
      ),
    );

  constructor(private readonly kpiService: KpiService) {}

  @Query(() => [KpiModel], { description: 'Every KPI of KPIS.md for a year, in report order (admin)' })
  async kpis(@Args('year', YEAR) year: number): Promise<KpiModel[]> {
    return (await this.kpiService.kpis(year)).map((k) => toKpiModel(k));
  }

  @Query(() => KpiModel, { description: 'One KPI for a year (admin)' })
  async kpi(@Args('key') key: string, @Args('year', YEAR) year: number): Promise<KpiModel> {
    return toKpiModel(await this.kpiService.kpi(key, year));
  }

  @Query(() => AssociationInvolvementModel, {
    description: 'The "at least 4 local associations" KPI: who counted, with which events, and who to follow up with (admin)',
  })
  async associationsInvolved(@Args('year', YEAR) year: number): Promise<AssociationInvolvementModel> {
    return toInvolvementModel(await this.kpiService.associationsInvolved(year));
  }

  @Mutation(() => KpiModel, { description: "Sets a KPI's target for a year (admin); counts take whole numbers, rates a share from 0 to 1" })
  async setKpiTarget(
    @Args('key') key: string,
    @Args('year', YEAR) year: number,
    @Args('target', { type: () => Float }) target: number,
    @CurrentUser() user: AuthUser,
  ): Promise<KpiModel> {
    return toKpiModel(await this.kpiService.setTarget(key, year, target, user.id));
  }

  @LocalizedField()
  title(kpi: KpiModel, { lang }: LangArgs, ctx: GqlContext): string | null {
    return localizedField(kpi.titleText, ctx.req, lang);
  }

  @LocalizedField({ description: 'The definition in words' })
  description(kpi: KpiModel, { lang }: LangArgs, ctx: GqlContext): string | null {
    return localizedField(kpi.descriptionText, ctx.req, lang);
  }

  @ResolveField(() => [KpiContributorModel], { description: 'What was counted: held first, then planned' })
  async contributors(@Parent() kpi: KpiModel, @Context() { loaders }: GqlContext): Promise<KpiContributorModel[]> {
    if (kpi.stored) return kpi.stored.contributors;
    const byKey = await loaders.get(this.contributorsOf).load(`${kpi.year}|${kpi.asOf.toISOString()}`);
    return (byKey.get(kpi.key) ?? []).map(toContributorModel);
  }

  @ResolveField(() => [KpiBreakdownGroupModel], {
    description: 'The KPI per district, housing area, occasion or association kind; groups may overlap',
  })
  async breakdown(
    @Parent() kpi: KpiModel,
    @Args('by', { type: () => KpiDimension }) by: KpiDimension,
    @Context() { loaders }: GqlContext,
  ): Promise<KpiBreakdownGroupModel[]> {
    if (kpi.stored) return toBreakdownModels(by, kpi.stored.breakdowns[by] ?? []);
    const byKey = await loaders.get(this.breakdownOf).load(`${kpi.year}|${kpi.asOf.toISOString()}|${by}`);
    return toBreakdownModels(by, byKey.get(kpi.key) ?? []);
  }
}

@Resolver(() => KpiContributorModel)
export class KpiContributorResolver {
  @LocalizedField({ description: "The association's or participant's name, or the event's title" })
  name(c: KpiContributorModel, { lang }: LangArgs, ctx: GqlContext): string {
    return localizedField(c.nameText, ctx.req, lang) ?? '';
  }
}

@Resolver(() => KpiBreakdownGroupModel)
export class KpiBreakdownGroupResolver {
  @LocalizedField()
  name(g: KpiBreakdownGroupModel, { lang }: LangArgs, ctx: GqlContext): string {
    return localizedField(g.nameText, ctx.req, lang) ?? '';
  }
}

@Resolver(() => InvolvedEventModel)
export class InvolvedEventResolver {
  @LocalizedField()
  title(e: InvolvedEventModel, { lang }: LangArgs, ctx: GqlContext): string {
    return localizedField(e.titleText, ctx.req, lang) ?? '';
  }
}

@Resolver(() => KpiOccasionModel)
export class KpiOccasionResolver {
  @LocalizedField()
  name(o: KpiOccasionModel, { lang }: LangArgs, ctx: GqlContext): string {
    return localizedField(o.nameText, ctx.req, lang) ?? '';
  }
}
