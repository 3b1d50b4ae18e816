import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { DateTime } from 'luxon';
import type { AuthUser } from '@mangfold/auth';
import { InjectConfig, type AppConfig } from '@mangfold/config';
import { audit } from '@mangfold/db';
import { ConflictError, NotFoundError, decodeCursor, toConnection, BadUserInputError, type Connection } from '@mangfold/graphql';
import { enqueue, JobName } from '@mangfold/jobs';
import { Assignment, AssignmentStatus } from './assignment.entity';
import type { AssignmentFilter, RecordAssignmentInput, RequesterSurveyInput, UpdateAssignmentInput } from './inputs/assignment.inputs';
import { assignmentIdOfSurveyToken } from './survey-tokens';

const ZONE = 'Europe/Copenhagen';

/** The job id of an assignment's survey mail: one per assignment, however often completion is retried. */
export const surveyJobId = (assignmentId: string): string => `requester-survey_${assignmentId}`;

/** A second answer to the same survey; `extensions.reason` lets pages say it in the requester's language. */
export class SurveyAlreadyAnsweredError extends ConflictError {
  constructor() {
    super('This survey has already been answered; thank you', { reason: 'ALREADY_ANSWERED' });
  }
}

@Injectable()
export class AssignmentsService {
  constructor(
    private readonly em: EntityManager,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async record(user: AuthUser, input: RecordAssignmentInput): Promise<Assignment> {
    return this.em.transactional(async (em) => {
      const assignment = em.create(Assignment, {
        title: input.title,
        kind: input.kind,
        requesterDepartment: input.requester.department,
        requesterName: input.requester.contactName,
        requesterEmail: input.requester.contactEmail,
        requesterLocale: input.requester.language,
        frameSpecific: input.frame.specific,
        frameMeasurable: input.frame.measurable,
        frameAttractive: input.frame.attractive,
        frameRealistic: input.frame.realistic,
        frameTimeBound: input.frame.timeBound,
        deadline: input.frame.deadline,
        createdBy: user.id,
      });
      audit(em, { actorId: user.id, action: 'assignment.recorded', entityType: 'Assignment', entityId: assignment.id });
      return assignment;
    });
  }

  async update(user: AuthUser, id: string, input: UpdateAssignmentInput): Promise<Assignment> {
    return this.em.transactional(async (em) => {
      const a = await this.locked(em, id);
      if (input.status === AssignmentStatus.COMPLETED) throw BadUserInputError.field('status', 'complete it with completeAssignment');
      if (a.status === AssignmentStatus.COMPLETED && input.status) throw new ConflictError('A completed assignment keeps its status');
      if (a.anonymizedAt && input.requester) throw new ConflictError("The requester's data has been anonymised");
      if (input.title) a.title = input.title;
      if (input.kind) a.kind = input.kind;
      if (input.status) a.status = input.status;
      if (input.requester) {
        a.requesterDepartment = input.requester.department;
        a.requesterName = input.requester.contactName;
        a.requesterEmail = input.requester.contactEmail;
        a.requesterLocale = input.requester.language;
      }
      if (input.frame) {
        a.frameSpecific = input.frame.specific;
        a.frameMeasurable = input.frame.measurable;
        a.frameAttractive = input.frame.attractive;
        a.frameRealistic = input.frame.realistic;
        a.frameTimeBound = input.frame.timeBound;
        a.deadline = input.frame.deadline;
      }
      audit(em, { actorId: user.id, action: 'assignment.updated', entityType: 'Assignment', entityId: a.id });
      return a;
    });
  }

  /** Completes an assignment and, in the same transaction, queues the one survey mail to its requester. */
  async complete(user: AuthUser, id: string, completedAt: Date | null | undefined, now = new Date()): Promise<Assignment> {
    if (completedAt && completedAt > now) throw BadUserInputError.field('completedAt', 'must not be in the future');
    return this.em.transactional(async (em) => {
      const a = await this.locked(em, id);
      if (a.status === AssignmentStatus.COMPLETED) throw new ConflictError('The assignment is already completed');
      if (a.status === AssignmentStatus.CANCELLED) throw new ConflictError('A cancelled assignment cannot be completed');
      a.status = AssignmentStatus.COMPLETED;
      a.completedAt = completedAt ?? now;
      enqueue(em, JobName.Notify, { kind: 'requester-survey', assignmentId: a.id }, { jobId: surveyJobId(a.id) });
      audit(em, { actorId: user.id, action: 'assignment.completed', entityType: 'Assignment', entityId: a.id });
      return a;
    });
  }

  async find(id: string): Promise<Assignment | null> {
    return this.em.findOne(Assignment, { id: id.toLowerCase() });
  }

  /** Newest first. */
  async list(filter: AssignmentFilter | null | undefined, first: number, after?: string | null): Promise<Connection<Assignment>> {
    const where: Record<string, unknown>[] = [];
    if (filter?.status) where.push({ status: filter.status });
    if (filter?.completedInYear) {
      const start = DateTime.fromObject({ year: filter.completedInYear }, { zone: ZONE });
      where.push({ completedAt: { $gte: start.toJSDate(), $lt: start.plus({ years: 1 }).toJSDate() } });
    }
    const totalCount = await this.em.count(Assignment, { $and: where });
    if (after) {
      const [at, cursorId] = decodeCursor(after, ['instant', 'id']);
      where.push({ $or: [{ createdAt: { $lt: at } }, { createdAt: at, id: { $lt: cursorId } }] });
    }
    const rows = await this.em.find(Assignment, { $and: where }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: first + 1 });
    return toConnection(rows, first, (a) => [a.createdAt.toISOString(), a.id], !!after, totalCount);
  }

  /** The assignment a survey link opens, or NOT_FOUND. */
  async findBySurveyToken(token: string): Promise<Assignment> {
    const id = assignmentIdOfSurveyToken(this.config, token);
    const assignment = id ? await this.em.findOne(Assignment, { id }) : null;
    if (!assignment || assignment.status !== AssignmentStatus.COMPLETED) throw new NotFoundError('The survey');
    return assignment;
  }

  /** The requester's answer; once only (a second one is a CONFLICT, whatever it says). */
  async answerSurvey(token: string, input: RequesterSurveyInput, now = new Date()): Promise<Assignment> {
    const { id } = await this.findBySurveyToken(token);
    return this.em.transactional(async (em) => {
      const a = await this.locked(em, id);
      if (a.surveyAnsweredAt) throw new SurveyAlreadyAnsweredError();
      a.surveyAnsweredAt = now;
      a.surveySatisfied = input.satisfied;
      // Past the retention period the comment would only be anonymised again: keep just the answer.
      a.surveyComment = a.anonymizedAt ? null : (input.comment ?? null);
      audit(em, { actorId: null, action: 'assignment.survey-answered', entityType: 'Assignment', entityId: a.id });
      return a;
    });
  }

  /**
   * Anonymises requesters PERSONAL_DATA_RETENTION_DAYS after completion (or, for a cancelled
   * assignment, after its last change): contact name, email and survey comment go, the answer stays.
   */
  async purgeExpired(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.privacy.retentionDays * 24 * 3600_000);
    const rows = await this.em.execute<{ id: string }[]>(
      `update assignment set requester_name = null, requester_email = null, survey_comment = null, anonymized_at = now(), updated_at = now()
       where anonymized_at is null
         and ((status = 'COMPLETED' and completed_at < ?) or (status = 'CANCELLED' and updated_at < ?))
       returning id`,
      [cutoff, cutoff],
    );
    return rows.length;
  }

  private async locked(em: EntityManager, id: string): Promise<Assignment> {
    const a = await em.findOne(Assignment, { id: id.toLowerCase() }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!a) throw new NotFoundError('The assignment');
    return a;
  }
}
