import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsString, Matches, MaxLength } from 'class-validator';
import { Trim } from '@mangfold/common';

/** The longest subject and text an organiser may write to an event's registrants. */
export const REGISTRANTS_MESSAGE_LIMITS = { subject: 150, text: 5000 } as const;

@InputType({ description: "An organiser's message to everyone registered for an event, as plain text" })
export class MessageRegistrantsInput {
  @Field({ description: `The mail's subject, one line of at most ${REGISTRANTS_MESSAGE_LIMITS.subject} characters` })
  @Trim()
  @MaxLength(REGISTRANTS_MESSAGE_LIMITS.subject, { message: `must be at most ${REGISTRANTS_MESSAGE_LIMITS.subject} characters` })
  @Matches(/^[^\r\n]*$/, { message: 'must be one line' })
  // Last, so a blank field reports this (the first failure of the field is the one shown).
  @IsString({ message: 'is required' })
  subject!: string;

  @Field({
    description: `The message, at most ${REGISTRANTS_MESSAGE_LIMITS.text} characters of plain text; a blank line starts a new paragraph`,
  })
  @Trim()
  @MaxLength(REGISTRANTS_MESSAGE_LIMITS.text, { message: `must be at most ${REGISTRANTS_MESSAGE_LIMITS.text} characters` })
  @IsString({ message: 'is required' })
  text!: string;
}

@ObjectType('MessageRegistrantsPayload', { description: 'What messageRegistrants queued' })
export class MessageRegistrantsPayload {
  @Field(() => Int, {
    description: 'How many registrants (confirmed or on the waiting list, with an address) get the message, one mail each',
  })
  recipientCount!: number;
}
