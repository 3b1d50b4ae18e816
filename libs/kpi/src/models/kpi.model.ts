import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { LocalizedText } from '@mangfold/db';
import { AssociationKind } from '@mangfold/associations';
import { EventKind, OrganiserRole } from '@mangfold/calendar';
import { KpiUnit } from '../kpi-definitions';
import { KpiStatus } from '../kpi-status';
import {
  ContributionState,
  InvolvedEventState,
  KpiContributorType,
  KpiDimension,
  type AssociationInvolvementData,
  type InvolvedAssociationData,
  type KpiBreakdownGroupData,
  type KpiBreakdownsData,
  type KpiContributorData,
  type KpiValueData,
} from '../kpi.types';

// Registering an enum another lib also registers is harmless: the schema keeps one type per enum.
registerEnumType(AssociationKind, { name: 'AssociationKind' });
registerEnumType(EventKind, { name: 'EventKind' });
registerEnumType(OrganiserRole, { name: 'OrganizerRole' });
registerEnumType(KpiUnit, { name: 'KpiUnit', description: 'What a KPI counts' });
registerEnumType(KpiStatus, {
  name: 'KpiStatus',
  description: 'How a KPI stands against its target (KPIS.md)',
  valuesMap: {
    MET: { description: 'The held value reaches the target (a rate: with at least 10 answers)' },
    ON_TRACK: { description: 'Held + planned reaches the target (a rate: it does, but with fewer than 10 answers)' },
    AT_RISK: { description: 'The year is running and held + planned falls short (a rate: below the target)' },
    MISSED: { description: 'The year is over and the target was not met' },
    NO_TARGET: { description: 'No target is set for the year' },
  },
});
registerEnumType(KpiDimension, { name: 'KpiDimension', description: 'What a KPI can be broken down by' });
registerEnumType(KpiContributorType, { name: 'KpiContributorType' });
registerEnumType(ContributionState, {
  name: 'ContributionState',
  description: 'Whether a contributor counts in the held value or only in planned',
});
registerEnumType(InvolvedEventState, { name: 'InvolvedEventState' });

@ObjectType('KpiContributor', { description: 'An association, event or participation a KPI counted, so TFI can check the number by hand' })
export class KpiContributorModel {
  @Field(() => KpiContributorType)
  type!: KpiContributorType;

  @Field(() => ID, { description: 'The id of the association, event or participation' })
  id!: string;

  @Field(() => String, { nullable: true })
  slug!: string | null;

  @Field(() => ContributionState)
  state!: ContributionState;

  @Field(() => AssociationKind, { nullable: true, description: "An association's kind, or a participant's" })
  associationKind!: AssociationKind | null;

  @Field(() => EventKind, { nullable: true })
  eventKind!: EventKind | null;

  @Field(() => Date, { nullable: true })
  startsAt!: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: 'What it adds where more than one: feedback answers, check-ins (held) or confirmed registrations (planned)',
  })
  count!: number | null;

  @Field(() => Int, { nullable: true, description: 'Satisfied answers (satisfaction-rate)' })
  satisfied!: number | null;

  nameText!: LocalizedText;
}

@ObjectType('KpiBreakdownGroup')
export class KpiBreakdownGroupModel {
  @Field(() => KpiDimension)
  dimension!: KpiDimension;

  @Field(() => String, {
    nullable: true,
    description: 'Slug of the district, housing area or occasion, or the association kind; null: none',
  })
  key!: string | null;

  @Field(() => Float, { nullable: true })
  actual!: number | null;

  @Field(() => Float, { nullable: true })
  planned!: number | null;

  @Field(() => Int, { nullable: true, description: 'Answers behind a rate' })
  answers!: number | null;

  nameText!: LocalizedText;
}

@ObjectType('Kpi', { description: 'One KPI of KPIS.md for a calendar year in Copenhagen' })
export class KpiModel {
  @Field({ description: 'Stable key, e.g. associations-involved' })
  key!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => KpiUnit)
  unit!: KpiUnit;

  @Field(() => Float, { nullable: true, description: 'The target for the year; null until TFI sets one' })
  target!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The held value (published, not cancelled, ended); for a rate the share from 0 to 1, null without answers',
  })
  actual!: number | null;

  @Field(() => Float, { nullable: true, description: 'What planned events (published, not ended) add; null for a rate' })
  planned!: number | null;

  @Field(() => Int, { nullable: true, description: 'Feedback answers behind a rate' })
  answers!: number | null;

  @Field(() => KpiStatus)
  status!: KpiStatus;

  @Field(() => Date, { description: 'The moment held and planned were decided against' })
  asOf!: Date;

  titleText!: LocalizedText;
  descriptionText!: LocalizedText;
  /** Set for a KPI read from a status report: its lists as they were then. */
  stored?: { contributors: KpiContributorModel[]; breakdowns: KpiBreakdownsData };
}

@ObjectType('KpiAssociation')
export class KpiAssociationModel {
  @Field(() => ID)
  id!: string;

  @Field()
  slug!: string;

  @Field()
  name!: string;

  @Field(() => AssociationKind)
  kind!: AssociationKind;
}

@ObjectType('KpiOccasion')
export class KpiOccasionModel {
  @Field()
  slug!: string;

  nameText!: LocalizedText;
}

@ObjectType('InvolvedEvent')
export class InvolvedEventModel {
  @Field(() => ID)
  id!: string;

  @Field()
  slug!: string;

  @Field(() => Date)
  startsAt!: Date;

  @Field(() => Date)
  endsAt!: Date;

  @Field(() => InvolvedEventState)
  state!: InvolvedEventState;

  @Field(() => OrganiserRole, { description: 'Whether the association organises it or co-organises it' })
  role!: OrganiserRole;

  @Field(() => KpiOccasionModel, { nullable: true })
  occasion!: KpiOccasionModel | null;

  titleText!: LocalizedText;
}

@ObjectType('InvolvedAssociation')
export class InvolvedAssociationModel {
  @Field(() => KpiAssociationModel)
  association!: KpiAssociationModel;

  @Field(() => [InvolvedEventModel], {
    description: 'Counted: the held events that made it count; follow-up: its planned and unpublished ones',
  })
  events!: InvolvedEventModel[];
}

@ObjectType('AssociationInvolvement', { description: 'The "at least 4 local associations" KPI in detail' })
export class AssociationInvolvementModel {
  @Field(() => Int)
  year!: number;

  @Field(() => Float, { nullable: true })
  target!: number | null;

  @Field(() => Int, { description: 'Local associations counted (with a held qualifying event)' })
  held!: number;

  @Field(() => Int, { description: 'Local associations not counted yet that have a planned (published) qualifying event' })
  planned!: number;

  @Field(() => KpiStatus)
  status!: KpiStatus;

  @Field(() => Date)
  asOf!: Date;

  @Field(() => [InvolvedAssociationModel], { description: 'The counted associations, each with the events that made it count' })
  associations!: InvolvedAssociationModel[];

  @Field(() => [InvolvedAssociationModel], {
    description: 'Local associations with only planned, submitted or draft qualifying events: who to follow up with',
  })
  followUp!: InvolvedAssociationModel[];
}

export function toContributorModel(c: KpiContributorData): KpiContributorModel {
  const { name, startsAt, ...rest } = c;
  return Object.assign(new KpiContributorModel(), rest, { nameText: name, startsAt: startsAt ? new Date(startsAt) : null });
}

export function toBreakdownModels(dimension: KpiDimension, groups: KpiBreakdownGroupData[]): KpiBreakdownGroupModel[] {
  return groups.map(({ name, ...rest }) => Object.assign(new KpiBreakdownGroupModel(), rest, { dimension, nameText: name }));
}

export function toKpiModel(k: KpiValueData, stored?: { contributors: KpiContributorData[]; breakdowns: KpiBreakdownsData }): KpiModel {
  const model = Object.assign(new KpiModel(), {
    key: k.key,
    year: k.year,
    unit: k.unit,
    target: k.target,
    actual: k.actual,
    planned: k.planned,
    answers: k.answers,
    status: k.status,
    asOf: new Date(k.asOf),
    titleText: k.title,
    descriptionText: k.description,
  });
  if (stored) model.stored = { contributors: stored.contributors.map(toContributorModel), breakdowns: stored.breakdowns };
  return model;
}

function toInvolvedAssociation(a: InvolvedAssociationData): InvolvedAssociationModel {
  return Object.assign(new InvolvedAssociationModel(), {
    association: Object.assign(new KpiAssociationModel(), a.association),
    events: a.events.map((e) =>
      Object.assign(new InvolvedEventModel(), {
        id: e.id,
        slug: e.slug,
        startsAt: new Date(e.startsAt),
        endsAt: new Date(e.endsAt),
        state: e.state,
        role: e.role,
        titleText: e.title,
        occasion: e.occasion ? Object.assign(new KpiOccasionModel(), { slug: e.occasion.slug, nameText: e.occasion.name }) : null,
      }),
    ),
  });
}

export function toInvolvementModel(d: AssociationInvolvementData): AssociationInvolvementModel {
  return Object.assign(new AssociationInvolvementModel(), {
    year: d.year,
    target: d.target,
    held: d.held,
    planned: d.planned,
    status: d.status,
    asOf: new Date(d.asOf),
    associations: d.associations.map(toInvolvedAssociation),
    followUp: d.followUp.map(toInvolvedAssociation),
  });
}
