import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '@mangfold/graphql';
import { AssignmentKind, AssignmentStatus } from '../assignment.entity';

registerEnumType(AssignmentKind, { name: 'AssignmentKind', description: 'What a department asked TFI for' });
registerEnumType(AssignmentStatus, { name: 'AssignmentStatus' });

@ObjectType('AssignmentRequester', { description: 'The department and its contact person; null fields after anonymisation' })
export class AssignmentRequesterModel {
  @Field()
  department!: string;

  @Field(() => String, { nullable: true })
  contactName!: string | null;

  @Field(() => String, { nullable: true })
  contactEmail!: string | null;

  @Field()
  language!: string;
}

@ObjectType('AssignmentFrame', { description: 'The frame agreed at the start: specific, measurable, attractive, realistic, time-bound' })
export class AssignmentFrameModel {
  @Field()
  specific!: string;

  @Field()
  measurable!: string;

  @Field()
  attractive!: string;

  @Field()
  realistic!: string;

  @Field()
  timeBound!: string;

  @Field({ description: 'A local date (YYYY-MM-DD)' })
  deadline!: string;
}

@ObjectType('RequesterSurvey', { description: "The requester's answer to the satisfaction survey" })
export class RequesterSurveyModel {
  @Field(() => Boolean, { nullable: true, description: 'Null until answered' })
  satisfied!: boolean | null;

  @Field(() => String, { nullable: true, description: 'Removed after the retention period' })
  comment!: string | null;

  @Field(() => Date, { nullable: true })
  answeredAt!: Date | null;
}

@ObjectType('Assignment', { description: 'A task a city department asked TFI for (rekvireringsopgave); admins only' })
export class AssignmentModel {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => AssignmentKind)
  kind!: AssignmentKind;

  @Field(() => AssignmentRequesterModel)
  requester!: AssignmentRequesterModel;

  @Field(() => AssignmentFrameModel)
  frame!: AssignmentFrameModel;

  @Field(() => AssignmentStatus)
  status!: AssignmentStatus;

  @Field(() => Date, { nullable: true })
  completedAt!: Date | null;

  @Field(() => RequesterSurveyModel, { nullable: true, description: 'Null until the assignment is completed' })
  survey!: RequesterSurveyModel | null;

  @Field(() => Date)
  createdAt!: Date;
}

export const AssignmentConnection = ConnectionType(AssignmentModel, 'Assignment');

@ObjectType('RequesterSurveyAnswer', { description: 'What the requester sees after answering: no personal data' })
export class RequesterSurveyAnswerModel {
  @Field()
  assignmentTitle!: string;

  @Field()
  satisfied!: boolean;

  @Field(() => Date)
  answeredAt!: Date;
}
