import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean } from 'class-validator';

@InputType({ description: 'How an event’s waiting list behaves' })
export class RegistrationSettingsInput {
  @Field({
    description:
      'false (default): strict first come, first served; promotion stops at the first waiting party that does not fit. ' +
      'true: a later, smaller party that fits may go ahead of an earlier one that does not.',
  })
  @IsBoolean()
  allowWaitlistSkipping!: boolean;
}
