import { Args, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Public, Role, Roles, type AuthUser } from '@mangfold/auth';
import type { Connection } from '@mangfold/graphql';
import type { Assignment } from './assignment.entity';
import { AssignmentsService } from './assignments.service';
import {
  AssignmentsArgs,
  CompleteAssignmentArgs,
  RecordAssignmentInput,
  RequesterSurveyInput,
  UpdateAssignmentInput,
} from './inputs/assignment.inputs';
import {
  AssignmentConnection,
  AssignmentFrameModel,
  AssignmentModel,
  AssignmentRequesterModel,
  RequesterSurveyAnswerModel,
  RequesterSurveyModel,
} from './models/assignment.model';

/** TFI's assignments from city departments: admins record and complete them; requesters answer the survey by its link. */
@Resolver(() => AssignmentModel)
export class AssignmentsResolver {
  constructor(private readonly service: AssignmentsService) {}

  @Roles(Role.ADMIN)
  @Query(() => AssignmentModel, { nullable: true, description: 'One assignment (admin)' })
  assignment(@Args('id', { type: () => ID }) id: string): Promise<Assignment | null> {
    return this.service.find(id);
  }

  @Roles(Role.ADMIN)
  @Query(() => AssignmentConnection, { description: 'Assignments, newest first (admin)' })
  assignments(@Args() args: AssignmentsArgs): Promise<Connection<Assignment>> {
    return this.service.list(args.filter, args.first, args.after);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => AssignmentModel, { description: 'Records an assignment from a city department with its agreed frame (admin)' })
  recordAssignment(@CurrentUser() user: AuthUser, @Args('input') input: RecordAssignmentInput): Promise<Assignment> {
    return this.service.record(user, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => AssignmentModel, { description: 'Edits an assignment (admin)' })
  updateAssignment(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateAssignmentInput,
  ): Promise<Assignment> {
    return this.service.update(user, id, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => AssignmentModel, { description: 'Completes an assignment; its requester is mailed the satisfaction survey once (admin)' })
  completeAssignment(@CurrentUser() user: AuthUser, @Args() args: CompleteAssignmentArgs): Promise<Assignment> {
    return this.service.complete(user, args.id, args.completedAt);
  }

  @Public()
  @Mutation(() => RequesterSurveyAnswerModel, {
    description: "The requester's answer, with the token from the survey mail; once only (a second answer is a CONFLICT)",
  })
  async answerRequesterSurvey(
    @Args('token') token: string,
    @Args('input') input: RequesterSurveyInput,
  ): Promise<RequesterSurveyAnswerModel> {
    const a = await this.service.answerSurvey(token, input);
    return { assignmentTitle: a.title, satisfied: a.surveySatisfied!, answeredAt: a.surveyAnsweredAt! };
  }

  @ResolveField(() => AssignmentRequesterModel)
  requester(a: Assignment): AssignmentRequesterModel {
    return { department: a.requesterDepartment, contactName: a.requesterName, contactEmail: a.requesterEmail, language: a.requesterLocale };
  }

  @ResolveField(() => AssignmentFrameModel)
  frame(a: Assignment): AssignmentFrameModel {
    return {
      specific: a.frameSpecific,
      measurable: a.frameMeasurable,
      attractive: a.frameAttractive,
      realistic: a.frameRealistic,
      timeBound: a.frameTimeBound,
      deadline: a.deadline,
    };
  }

  @ResolveField(() => RequesterSurveyModel, { nullable: true })
  survey(a: Assignment): RequesterSurveyModel | null {
    if (!a.completedAt) return null;
    return { satisfied: a.surveySatisfied, comment: a.surveyComment, answeredAt: a.surveyAnsweredAt };
  }
}
