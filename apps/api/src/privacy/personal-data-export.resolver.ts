import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Args, ArgsType, Field, Query, Resolver } from '@nestjs/graphql';
import { IsEmail, MaxLength } from 'class-validator';
import { CurrentUser, Role, Roles, type AuthUser } from '@mangfold/auth';
import { GraphQLJSONObject } from '@mangfold/graphql';
import { MailDelivery } from '@mangfold/notifications';
import { PersonalDataExport } from '@mangfold/registrations';

@ArgsType()
class PersonalDataArgs {
  @Field({ description: 'The address to look up (any case)' })
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email!: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The mails sent to the address: the notifications lib sits above registrations, so its part is added here. */
@Injectable()
export class PersonalDataMails implements OnModuleInit {
  constructor(private readonly exports: PersonalDataExport) {}

  onModuleInit(): void {
    this.exports.register('mails', async (em, email) => {
      const mails = await em.find(MailDelivery, { recipient: email }, { orderBy: { createdAt: 'asc' } });
      return mails.map((m) => ({ kind: m.kind, subject: m.subject, status: m.status, sentAt: iso(m.sentAt), failedAt: iso(m.failedAt) }));
    });
  }
}

@Resolver()
export class PersonalDataExportResolver {
  constructor(private readonly exports: PersonalDataExport) {}

  @Roles(Role.ADMIN)
  @Query(() => GraphQLJSONObject, { description: 'Everything held about an email address, for a data-subject request (admin)' })
  personalDataExport(@Args() { email }: PersonalDataArgs, @CurrentUser() admin: AuthUser): Promise<Record<string, unknown>> {
    return this.exports.export(email, admin);
  }
}
