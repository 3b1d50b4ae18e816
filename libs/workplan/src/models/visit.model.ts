import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@mangfold/graphql';

@ObjectType('ProjectVisit', { description: 'A project-bank visit (admins only; the public sees only published findings)' })
export class ProjectVisitModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'A local date (YYYY-MM-DD)' })
  visitedOn!: string;

  @Field(() => String, { nullable: true, description: "TFI's internal notes" })
  notes!: string | null;

  @Field({ description: 'Whether the good practice found is public' })
  findingsPublished!: boolean;

  @Field()
  inFocusHousingArea!: boolean;

  @Field()
  onSafety!: boolean;

  @Field()
  onEmployment!: boolean;
}

export const ProjectVisitConnection = ConnectionType(ProjectVisitModel, 'ProjectVisit');

@ObjectType('VisitFinding', { description: 'Good practice TFI found at a project-bank visit, as published' })
export class VisitFindingModel {
  @Field({ description: 'A local date (YYYY-MM-DD)' })
  visitedOn!: string;
}
