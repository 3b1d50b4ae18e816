import { Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser, Role, Roles, type AuthUser } from '@mangfold/auth';
import { QueueDashboard } from '@mangfold/jobs';
import { QueueDashboardLinkModel } from './models/mail-delivery.model';
import { AdminDashboardAccess } from './queue-dashboard-access';

@Resolver()
@Roles(Role.ADMIN)
export class QueueDashboardResolver {
  constructor(
    private readonly dashboard: QueueDashboard,
    private readonly access: AdminDashboardAccess,
  ) {}

  @Mutation(() => QueueDashboardLinkModel, {
    description: 'A one-time link (valid 5 minutes) that opens the queue dashboard at /admin/queues in a browser (admins only)',
  })
  async openQueueDashboard(@CurrentUser() caller: AuthUser): Promise<QueueDashboardLinkModel> {
    return this.dashboard.link(await this.access.tokenVersionOf(caller.id));
  }
}
