import type { Request, Response } from 'express';
import type { ResolvedSession } from '@mangfold/auth';
import type { AssociationProfile, AssociationProfiles } from '@mangfold/associations';
import { requireSession } from '../portal-context';
import { sendRefusal } from '../refusal.page';

export interface EditableAssociation {
  session: ResolvedSession;
  profile: AssociationProfile;
}

/**
 * The signed-in editor and the association of a portal request, or undefined once the answer is
 * sent: to the login page without a session, the portal's 404 to anyone but its members and TFI
 * (one answer for "not there" and "not yours", on pages and forms alike).
 */
export async function editableAssociation(
  profiles: AssociationProfiles,
  req: Request,
  res: Response,
  baseUrl: string,
  id: string,
): Promise<EditableAssociation | undefined> {
  const session = requireSession(req, res);
  if (!session) return undefined;
  const profile = await profiles.forEditor(session.user, id);
  if (profile) return { session, profile };
  sendRefusal(req, res, baseUrl, session, 404);
  return undefined;
}
