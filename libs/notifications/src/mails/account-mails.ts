import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { User } from '@mangfold/auth';
import { Association, AssociationStatus, Membership } from '@mangfold/associations';
import { createPasswordResetLink } from '../links';
import type { OutgoingMail } from '../mail-sender.service';
import { renderMail } from '../render';
import { textsFor } from '../templates/texts';
import { MailKit, type HandlersFor, type Outcome } from './mail-kit';
import type { NotificationOf } from './mail-kinds';

const PASSWORD_RESET_TTL_SECONDS = 3600;
const NEW_ACCOUNT_LINK_TTL_SECONDS = 7 * 24 * 3600;

type AccountKind = 'association-approved' | 'association-rejected' | 'member-added' | 'password-reset' | 'sign-up-existing-account';

/** Mails to account holders about their account and their association's standing. */
@Injectable()
export class AccountMails {
  constructor(private readonly kit: MailKit) {}

  handlers(): HandlersFor<AccountKind> {
    return {
      'association-approved': (n, job) => this.associationDecided(n, job),
      'association-rejected': (n, job) => this.associationDecided(n, job),
      'member-added': (n, job) => this.memberAdded(n.associationId, n.userId, job),
      'password-reset': (n, job) => this.passwordReset(n.userId, job),
      'sign-up-existing-account': (n, job) => this.signUpExistingAccount(n.userId, n.associationName, job),
    };
  }

  private async associationDecided(n: NotificationOf<'association-approved' | 'association-rejected'>, job?: Job): Promise<Outcome> {
    const association = await this.kit.em.findOne(Association, { id: n.associationId });
    if (!association) return 'skipped: association gone';
    const expected = n.kind === 'association-approved' ? AssociationStatus.APPROVED : AssociationStatus.REJECTED;
    if (association.status !== expected) return `skipped: association is ${association.status}`;
    const stamp = (association.statusChangedAt ?? association.updatedAt).getTime();
    const mails = (await this.kit.members(association.id)).map((user) => {
      const loginUrl = this.kit.loginUrl(user.locale);
      return this.kit.userMail(user, n.kind, `${n.kind}:${association.id}:${stamp}:${user.id}`, (t) =>
        n.kind === 'association-approved'
          ? t.associationApproved({ recipientName: user.name, association: association.name, loginUrl })
          : t.associationRejected({ recipientName: user.name, association: association.name, loginUrl, reason: n.reason }),
      );
    });
    if (mails.length === 0 && association.contactEmail) {
      const { locale, texts } = textsFor('da');
      const view = { recipientName: null, association: association.name, loginUrl: this.kit.loginUrl(locale) };
      mails.push({
        key: `${n.kind}:${association.id}:${stamp}:contact`,
        kind: n.kind,
        to: association.contactEmail,
        ...renderMail(
          this.kit.config,
          locale,
          n.kind === 'association-approved' ? texts.associationApproved(view) : texts.associationRejected({ ...view, reason: n.reason }),
        ),
      });
    }
    return this.kit.sendAll(mails, job);
  }

  private async memberAdded(associationId: string, userId: string, job?: Job): Promise<Outcome> {
    const membership = await this.kit.em.findOne(
      Membership,
      { association: associationId, user: userId },
      { populate: ['user', 'association'] },
    );
    if (!membership) return 'skipped: no longer a member';
    const { user, association } = membership;
    const key = `member-added:${association.id}:${user.id}`;
    if (await this.kit.sender.statusOf(key)) return 'already-sent';
    // An account made by adding a member has no usable password yet: its link sets one (valid a week).
    const url = user.lastLoginAt
      ? this.kit.loginUrl(user.locale)
      : (await createPasswordResetLink(this.kit.em, this.kit.config, user.id, NEW_ACCOUNT_LINK_TTL_SECONDS)).url;
    return this.kit.sendAll(
      [
        this.kit.userMail(user, 'member-added', key, (t) =>
          t.memberAdded({ recipientName: user.name, association: association.name, loginUrl: url }),
        ),
      ],
      job,
    );
  }

  private async passwordReset(userId: string, job?: Job): Promise<Outcome> {
    const user = await this.kit.em.findOne(User, { id: userId });
    if (!user) return 'skipped: user gone';
    // One mail per request (the outbox row's job id); the token is made only when it can go out.
    const key = `password-reset:${user.id}:${job?.id ?? Date.now()}`;
    if (await this.kit.sender.statusOf(key)) return 'already-sent';
    const link = await createPasswordResetLink(this.kit.em, this.kit.config, user.id, PASSWORD_RESET_TTL_SECONDS);
    const mail: OutgoingMail = this.kit.userMail(user, 'password-reset', key, (t) =>
      t.passwordReset({ recipientName: user.name, url: link.url, validMinutes: PASSWORD_RESET_TTL_SECONDS / 60 }),
    );
    return this.kit.sendAll([mail], job);
  }

  /** A sign-up gave this account's address: the answer told nothing, this mail tells its holder what to do. */
  private async signUpExistingAccount(userId: string, associationName: string, job?: Job): Promise<Outcome> {
    const user = await this.kit.em.findOne(User, { id: userId });
    if (!user) return 'skipped: user gone';
    const key = `sign-up-existing-account:${user.id}:${job?.id ?? Date.now()}`;
    if (await this.kit.sender.statusOf(key)) return 'already-sent';
    const link = await createPasswordResetLink(this.kit.em, this.kit.config, user.id, PASSWORD_RESET_TTL_SECONDS);
    const mail = this.kit.userMail(user, 'sign-up-existing-account', key, (t) =>
      t.signUpExistingAccount({
        recipientName: user.name,
        association: associationName,
        loginUrl: this.kit.loginUrl(user.locale),
        resetUrl: link.url,
        validMinutes: PASSWORD_RESET_TTL_SECONDS / 60,
      }),
    );
    return this.kit.sendAll([mail], job);
  }
}
