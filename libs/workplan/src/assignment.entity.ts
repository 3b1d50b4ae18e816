import { Entity, Enum, Index, ManyToOne, Property, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity } from '@mangfold/db';
import { User } from '@mangfold/auth';

/** What a city department asked TFI for (the work plan's *rekvireringsopgaver*). */
export enum AssignmentKind {
  ADVICE = 'ADVICE',
  NETWORK_BUILDING = 'NETWORK_BUILDING',
  CONFERENCE_OR_SEMINAR = 'CONFERENCE_OR_SEMINAR',
  CAMPAIGN = 'CAMPAIGN',
  TALK = 'TALK',
  CONFLICT_MEDIATION = 'CONFLICT_MEDIATION',
  VOLUNTARY_WORK = 'VOLUNTARY_WORK',
  DIVERSITY_AT_WORK = 'DIVERSITY_AT_WORK',
}

export enum AssignmentStatus {
  /** The frame is agreed with the requester; work has not started. */
  AGREED = 'AGREED',
  IN_PROGRESS = 'IN_PROGRESS',
  /** Done: the requester is asked, once, whether they were satisfied. */
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

/**
 * An assignment TFI takes on for a city department, with the frame agreed at the start (specific,
 * measurable, attractive, realistic, time-bound) and the requester's answer to the survey mailed
 * on completion. The requester's name, email and comment are personal data: anonymised
 * PERSONAL_DATA_RETENTION_DAYS after completion; the answer itself stays for the KPI.
 */
@Entity({ tableName: 'assignment' })
@Index({ properties: ['status', 'completedAt'] })
export class Assignment extends BaseEntity {
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Enum({ items: () => AssignmentKind, nativeEnumName: 'assignment_kind' })
  kind!: AssignmentKind;

  @Property({ type: 'string', length: 200 })
  requesterDepartment!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  requesterName: string | null = null;

  @Property({ type: 'string', length: 254, nullable: true })
  requesterEmail: string | null = null;

  /** The language the requester is written to in. */
  @Property({ type: 'string', length: 2, default: 'da' })
  requesterLocale: Opt<string> = 'da';

  @Property({ type: 'text' })
  frameSpecific!: string;

  @Property({ type: 'text' })
  frameMeasurable!: string;

  @Property({ type: 'text' })
  frameAttractive!: string;

  @Property({ type: 'text' })
  frameRealistic!: string;

  @Property({ type: 'text' })
  frameTimeBound!: string;

  /** A local date (YYYY-MM-DD). */
  @Property({ type: 'date' })
  deadline!: string;

  @Enum({ items: () => AssignmentStatus, nativeEnumName: 'assignment_status' })
  status: Opt<AssignmentStatus> = AssignmentStatus.AGREED;

  @Property({ type: 'timestamptz', nullable: true })
  completedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  surveyAnsweredAt: Date | null = null;

  @Property({ type: 'boolean', nullable: true })
  surveySatisfied: boolean | null = null;

  @Property({ type: 'text', nullable: true })
  surveyComment: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  anonymizedAt: Date | null = null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  createdBy: Rel<User> | null = null;
}
