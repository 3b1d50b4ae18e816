import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser, type AuthUser } from '@mangfold/auth';
import { MessageRegistrantsInput, MessageRegistrantsPayload } from './models/registrants-message.model';
import { RegistrantMessages } from './registrant-messages.service';

@Resolver()
export class RegistrantMessagesResolver {
  constructor(private readonly messages: RegistrantMessages) {}

  @Mutation(() => MessageRegistrantsPayload, {
    description:
      'Mails a message to everyone confirmed or on the waiting list of an event: one mail each, in their language, with their ' +
      'own manage link and no other address (organisers of the event and admins; at most 5 messages per event an hour)',
  })
  async messageRegistrants(
    @CurrentUser() caller: AuthUser,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('input') input: MessageRegistrantsInput,
  ): Promise<MessageRegistrantsPayload> {
    return { recipientCount: await this.messages.send(caller, eventId, input) };
  }
}
