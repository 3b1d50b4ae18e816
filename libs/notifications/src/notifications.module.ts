import { Module } from '@nestjs/common';
import { QueueDashboardModule } from '@mangfold/jobs';
import { RegistrationsModule } from '@mangfold/registrations';
import { MailDeliveries } from './mail-deliveries.service';
import { MailDeliveryResolver } from './mail-delivery.resolver';
import { AdminDashboardAccess } from './queue-dashboard-access';
import { QueueDashboardResolver } from './queue-dashboard.resolver';
import { RegistrantMessages } from './registrant-messages.service';
import { RegistrantMessagesResolver } from './registrant-messages.resolver';

/**
 * The api's part: admin fields on sent mails, the queue dashboard (@mangfold/jobs) at /admin/queues
 * with its link, and organisers' messages to their registrants.
 */
@Module({
  imports: [QueueDashboardModule.register(AdminDashboardAccess), RegistrationsModule],
  providers: [MailDeliveries, MailDeliveryResolver, QueueDashboardResolver, RegistrantMessages, RegistrantMessagesResolver],
  exports: [RegistrantMessages],
})
export class NotificationsModule {}
