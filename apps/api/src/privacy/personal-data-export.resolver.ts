import { Args, ArgsType, Field, Query, Resolver } from '@nestjs/graphql';
import { createHash } from 'node:crypto';
import { IsEmail, MaxLength } from 'class-validator';
import { EntityManager } from '@mikro-orm/postgresql';
import { CurrentUser, Role, Roles, User, type AuthUser } from '@mangfold/auth';
import { Membership } from '@mangfold/associations';
import { audit } from '@mangfold/db';
import { GraphQLJSONObject } from '@mangfold/graphql';
import { MailDelivery } from '@mangfold/notifications';
import { Feedback, Participation, Registration } from '@mangfold/registrations';

@ArgsType()
class PersonalDataArgs {
  @Field({ description: 'The address to look up (any case)' })
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email!: string;
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/**
 * Subject access (GDPR art. 15) for TFI: everything Mangfold holds about one email address, as one
 * JSON document (account and memberships, registrations with feedback, International Day contact
 * details, the mails sent). Each export is written to the audit trail (with a hash of the address).
 */
@Resolver()
export class PersonalDataExportResolver {
  constructor(private readonly em: EntityManager) {}

  @Roles(Role.ADMIN)
  @Query(() => GraphQLJSONObject, { description: 'Everything held about an email address, for a data-subject request (admin)' })
  async personalDataExport(@Args() { email }: PersonalDataArgs, @CurrentUser() admin: AuthUser): Promise<Record<string, unknown>> {
    const address = email.trim().toLowerCase();
    const em = this.em.fork();
    const user = await em.findOne(User, { email: address });
    const memberships = user
      ? await em.find(Membership, { user: user.id }, { populate: ['association'], orderBy: { createdAt: 'asc' } })
      : [];
    const registrations = await em.find(Registration, { email: address }, { populate: ['event'], orderBy: { createdAt: 'asc' } });
    const feedback = registrations.length ? await em.find(Feedback, { registration: { $in: registrations.map((r) => r.id) } }) : [];
    const participations = await em.find(Participation, { contactEmail: address }, { populate: ['internationalDay', 'association'] });
    const mails = await em.find(MailDelivery, { recipient: address }, { orderBy: { createdAt: 'asc' } });
    audit(em, {
      actorId: admin.id,
      action: 'personal-data.exported',
      entityType: 'User',
      entityId: user?.id ?? admin.id,
      changes: { emailSha256: createHash('sha256').update(address).digest('hex') },
    });
    await em.flush();

    return {
      email: address,
      generatedAt: new Date().toISOString(),
      account: user && {
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        locale: user.locale,
        createdAt: iso(user.createdAt),
        lastLoginAt: iso(user.lastLoginAt),
        memberships: memberships.map((m) => ({ association: m.association.name, slug: m.association.slug, since: iso(m.createdAt) })),
      },
      registrations: registrations.map((r) => {
        const answer = feedback.find((f) => f.registration.id === r.id);
        return {
          id: r.id,
          event: { id: r.event.id, title: r.event.title, startsAt: iso(r.event.startsAt) },
          status: r.status,
          name: r.name,
          email: r.email,
          phone: r.phone,
          organisation: r.organisation,
          role: r.role,
          partySize: r.partySize,
          language: r.locale,
          consent: { version: r.consentVersion, at: iso(r.consentedAt) },
          registeredAt: iso(r.createdAt),
          cancelledAt: iso(r.cancelledAt),
          checkedInAt: iso(r.checkedInAt),
          feedback: answer ? { satisfied: answer.satisfied, score: answer.score, comment: answer.comment } : null,
        };
      }),
      internationalDayContacts: participations.map((p) => ({
        id: p.id,
        year: p.internationalDay.year,
        organisation: p.association?.name ?? p.organisationName,
        contactName: p.contactName,
        contactEmail: p.contactEmail,
        contactPhone: p.contactPhone,
        status: p.status,
      })),
      mails: mails.map((m) => ({ kind: m.kind, subject: m.subject, status: m.status, sentAt: iso(m.sentAt), failedAt: iso(m.failedAt) })),
    };
  }
}
