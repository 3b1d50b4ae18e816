import type { EntityManager } from '@mikro-orm/core';
import type { AppConfig } from '@mangfold/config';
import { hashPassword } from './password-hasher';
import { Role, User } from './user.entity';

/**
 * Creates the admin of ADMIN_EMAIL/ADMIN_PASSWORD when no user has that email. An existing user is
 * promoted to admin but keeps its password, so changing the variable never silently resets one.
 */
export async function bootstrapAdmin(em: EntityManager, config: AppConfig): Promise<'created' | 'promoted' | 'exists' | 'skipped'> {
  const { adminEmail, adminPassword } = config.auth;
  if (!adminEmail || !adminPassword) return 'skipped';
  const existing = await em.findOne(User, { email: adminEmail });
  if (existing) {
    if (existing.role === Role.ADMIN) return 'exists';
    existing.role = Role.ADMIN;
    await em.flush();
    return 'promoted';
  }
  em.create(User, { email: adminEmail, passwordHash: await hashPassword(adminPassword), role: Role.ADMIN, name: 'TFI admin' });
  await em.flush();
  return 'created';
}
