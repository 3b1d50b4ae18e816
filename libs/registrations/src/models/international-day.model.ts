import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AssociationKind } from '@mangfold/associations';
import type { LocalizedText } from '@mangfold/db';
import { ParticipationActivity, ParticipationStatus } from '../participation.entity';
import './enums';

@ObjectType('ParticipationStatusCount')
export class ParticipationStatusCountModel {
  @Field(() => ParticipationStatus)
  status!: ParticipationStatus;

  @Field(() => Int)
  count!: number;
}

@ObjectType('ParticipationKindCount', {
  description: 'Participations by the kind of participant (embassies, organisations, associations, …)',
})
export class ParticipationKindCountModel {
  @Field(() => AssociationKind)
  kind!: AssociationKind;

  @Field(() => Int, { description: 'Confirmed participations' })
  confirmed!: number;

  @Field(() => Int, { description: 'Live participations: pending, confirmed or waitlisted' })
  registered!: number;
}

@ObjectType('InternationalDay', {
  description:
    'The yearly International Day: its event, its stands and its registration window. Public: counts only, never who registered.',
})
export class InternationalDayModel {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => ID, { description: 'The day’s event (kind INTERNATIONAL_DAY)' })
  eventId!: string;

  @Field(() => Int, { description: 'Stands available; confirmed participations with a stand never exceed it' })
  standCapacity!: number;

  @Field()
  registrationOpensAt!: Date;

  @Field()
  registrationClosesAt!: Date;

  /** Not a field: resolved per language by the practicalInfo field. */
  practicalInfo!: LocalizedText;
}

@ObjectType('Participation', {
  description:
    'An association, organisation or embassy taking part in International Day. Seen only by TFI and the members of the participating association.',
})
export class ParticipationModel {
  @Field(() => ID)
  id!: string;

  /** Not a field: resolved by the year field. */
  internationalDayId!: string;

  @Field(() => ParticipationStatus)
  status!: ParticipationStatus;

  @Field(() => String, { nullable: true, description: 'Why TFI declined' })
  statusReason!: string | null;

  @Field(() => ID, { nullable: true, description: 'The participating association; null for an organisation registered by TFI' })
  associationId!: string | null;

  @Field(() => AssociationKind)
  participantKind!: AssociationKind;

  @Field(() => [ParticipationActivity])
  activities!: ParticipationActivity[];

  @Field({ description: 'Whether it takes one of the limited stands (STAND and FOOD do)' })
  needsStand!: boolean;

  @Field(() => Int)
  representatives!: number;

  @Field(() => Int)
  tables!: number;

  @Field()
  needsPower!: boolean;

  @Field(() => Int, { nullable: true })
  performanceMinutes!: number | null;

  @Field()
  foodHygieneConfirmed!: boolean;

  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Field(() => String, { nullable: true })
  contactName!: string | null;

  @Field(() => String, { nullable: true })
  contactEmail!: string | null;

  @Field(() => String, { nullable: true })
  contactPhone!: string | null;

  @Field()
  registeredAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When the status last changed: TFI’s decision, a promotion from the waiting list, or a withdrawal',
  })
  decidedAt!: Date | null;

  /** Not a field: resolved by the participantName field. */
  organisationName!: string | null;
}
