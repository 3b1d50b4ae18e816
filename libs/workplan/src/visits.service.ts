import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { EntityManager } from '@mikro-orm/postgresql';
import { DateTime } from 'luxon';
import { Association, AssociationKind, AssociationStatus } from '@mangfold/associations';
import type { AuthUser } from '@mangfold/auth';
import { audit } from '@mangfold/db';
import { BadUserInputError, NotFoundError, decodeCursor, toConnection, type Connection, type LoaderFactory } from '@mangfold/graphql';
import type { ProjectVisitInput, ProjectVisitsArgs } from './inputs/visit.inputs';
import { optionalText } from './localized';
import { ProjectVisit } from './project-visit.entity';

/** The work plan's five housing areas (reference data slugs): a visit there counts in that breakdown. */
export const FIVE_HOUSING_AREAS: readonly string[] = ['mjoelnerparken', 'akacieparken', 'lundtoftegade', 'aldersrogade', 'tingbjerg'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class VisitsService {
  constructor(private readonly em: EntityManager) {}

  async record(user: AuthUser, input: ProjectVisitInput): Promise<ProjectVisit> {
    return this.em.transactional(async (em) => {
      const visit = em.create(ProjectVisit, {
        project: await this.project(em, input.projectId),
        visitedOn: input.visitedOn,
        visitor: user.id,
      });
      this.apply(visit, input);
      audit(em, { actorId: user.id, action: 'project-visit.recorded', entityType: 'ProjectVisit', entityId: visit.id });
      return visit;
    });
  }

  async update(user: AuthUser, id: string, input: ProjectVisitInput): Promise<ProjectVisit> {
    return this.em.transactional(async (em) => {
      const visit = UUID.test(id) ? await em.findOne(ProjectVisit, { id: id.toLowerCase() }, { populate: ['project'] }) : null;
      if (!visit) throw new NotFoundError('The visit');
      visit.project = await this.project(em, input.projectId);
      visit.visitedOn = input.visitedOn;
      this.apply(visit, input);
      audit(em, { actorId: user.id, action: 'project-visit.updated', entityType: 'ProjectVisit', entityId: visit.id });
      return visit;
    });
  }

  private async project(em: EntityManager, id: string): Promise<Association> {
    const project = await em.findOne(Association, { id: id.toLowerCase() }, { populate: ['housingArea'] });
    if (!project) throw BadUserInputError.field('projectId', 'no such association');
    if (project.kind !== AssociationKind.PROJECT) throw BadUserInputError.field('projectId', 'is not a project (association kind PROJECT)');
    return project;
  }

  /** `visit.project` comes from project(), its housing area loaded. */
  private apply(visit: ProjectVisit, input: ProjectVisitInput): void {
    visit.notes = input.notes ?? null;
    visit.goodPractice = optionalText(input.goodPractice);
    const publish = input.publishFindings ?? false;
    if (publish && !visit.goodPractice) throw BadUserInputError.field('publishFindings', 'there is no good practice to publish');
    visit.findingsPublishedAt = publish ? (visit.findingsPublishedAt ?? new Date()) : null;
    const area = visit.project.housingArea;
    visit.inFocusHousingArea = input.inFocusHousingArea ?? (!!area && FIVE_HOUSING_AREAS.includes(area.slug));
    visit.onSafety = input.onSafety ?? false;
    visit.onEmployment = input.onEmployment ?? false;
  }

  find(id: string): Promise<ProjectVisit | null> {
    return UUID.test(id) ? this.em.findOne(ProjectVisit, { id: id.toLowerCase() }) : Promise.resolve(null);
  }

  /** Newest visit first. */
  async list(args: ProjectVisitsArgs): Promise<Connection<ProjectVisit>> {
    const where: Record<string, unknown>[] = [];
    if (args.projectId) where.push({ project: args.projectId.toLowerCase() });
    if (args.year) where.push({ visitedOn: { $gte: `${args.year}-01-01`, $lte: `${args.year}-12-31` } });
    const totalCount = await this.em.count(ProjectVisit, { $and: where });
    if (args.after) {
      const [day, id] = decodeCursor(args.after, ['text', 'id']);
      if (!DateTime.fromISO(day).isValid) throw BadUserInputError.field('after', 'is not a cursor this list returned');
      where.push({ $or: [{ visitedOn: { $lt: day } }, { visitedOn: day, id: { $lt: id } }] });
    }
    const rows = await this.em.find(ProjectVisit, { $and: where }, { orderBy: { visitedOn: 'desc', id: 'desc' }, limit: args.first + 1 });
    return toConnection(rows, args.first, (v) => [v.visitedOn, v.id], !!args.after, totalCount);
  }

  /** One project's published findings (good practice only: notes stay internal), newest first. */
  async publishedFindings(projectId: string): Promise<{ visitedOn: string; goodPractice: { da?: string; en?: string } }[]> {
    const visits = await this.findingsByProject().load(projectId);
    return visits.map((v) => ({ visitedOn: v.visitedOn, goodPractice: v.goodPractice ?? {} }));
  }

  /** Each project's published findings, newest first; nothing for a project that is not approved. */
  readonly findingsByProject: LoaderFactory<string, ProjectVisit[]> = () =>
    new DataLoader<string, ProjectVisit[]>(async (ids) => {
      const rows = await this.em.find(
        ProjectVisit,
        { project: { $in: [...ids], status: AssociationStatus.APPROVED }, findingsPublishedAt: { $ne: null }, goodPractice: { $ne: null } },
        { orderBy: { visitedOn: 'desc', id: 'desc' } },
      );
      const byProject = new Map<string, ProjectVisit[]>(ids.map((id) => [id, []]));
      for (const r of rows) byProject.get(r.project.id)?.push(r);
      return ids.map((id) => byProject.get(id)!);
    });
}
