import { Module } from '@nestjs/common';
import { MailDeliveryResolver } from './mail-delivery.resolver';
import { QueueDashboard } from './queue-dashboard';

/** The api's part: admin fields on sent mails and the queue dashboard at /admin/queues. */
@Module({ providers: [MailDeliveryResolver, QueueDashboard] })
export class NotificationsModule {}
