import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public, type ResolvedSession } from '@mangfold/auth';
import { type AssociationProfile, AssociationProfiles, AssociationsService, UpdateAssociationInput } from '@mangfold/associations';
import { type AppConfig, InjectConfig, sitePaths } from '@mangfold/config';
import type { FieldErrors } from '@mangfold/graphql';
import { fieldErrorsOf, parseInput, problemOf, text } from '../../forms/form-input';
import { sendPage } from '../../respond';
import { editableAssociation, type EditableAssociation } from './editable-association';
import { portalLanguage } from '../portal-context';
import { PortalReferenceService } from '../portal-reference.service';
import { MembersPage } from './members.page';
import { postedValues } from '../events/event-form';
import { profileInputFrom, valuesFromAssociation, type ProfileFormValues } from './profile-form';
import { ProfilePage } from './profile.page';

const doneOf = (done: unknown): string | undefined => (typeof done === 'string' ? done : undefined);

/**
 * An association's profile and members, for its members and TFI: each form a POST to the same
 * service methods as updateAssociation, addAssociationMember and removeAssociationMember, then a
 * redirect. Anyone else gets the portal's 404, on every page and form alike.
 */
@Controller('portal/associations/:id')
@Public()
export class AssociationProfileController {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly profiles: AssociationProfiles,
    private readonly associations: AssociationsService,
    private readonly reference: PortalReferenceService,
  ) {}

  @Get()
  async show(@Req() req: Request, @Res() res: Response, @Param('id') id: string, @Query('done') done: unknown): Promise<void> {
    const found = await this.editable(req, res, id);
    if (!found) return;
    const values = valuesFromAssociation(found.profile.association);
    await this.renderProfile(req, res, found.session, found.profile, values, {}, 200, doneOf(done) === 'saved');
  }

  @Post()
  async save(@Req() req: Request, @Res() res: Response, @Param('id') id: string, @Body() body: Record<string, unknown>): Promise<void> {
    const found = await this.editable(req, res, id);
    if (!found) return;
    const values = postedValues(body);
    const parsed = await parseInput(UpdateAssociationInput, profileInputFrom(body));
    if (!parsed.ok) return this.renderProfile(req, res, found.session, found.profile, values, parsed.errors, 422);
    try {
      await this.associations.update(id, parsed.value, found.session.user);
      res.redirect(303, `${sitePaths.portalAssociation(id)}?done=saved`);
    } catch (error) {
      const fields = fieldErrorsOf(error);
      if (!fields) throw error;
      await this.renderProfile(req, res, found.session, found.profile, values, fields, 422);
    }
  }

  @Get('members')
  async members(@Req() req: Request, @Res() res: Response, @Param('id') id: string, @Query('done') done: unknown): Promise<void> {
    const found = await this.editable(req, res, id);
    if (found) this.renderMembers(req, res, found.session, found.profile, { errors: {}, done: doneOf(done) });
  }

  @Post('members')
  async addMember(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const found = await this.editable(req, res, id);
    if (!found) return;
    const email = text(body, 'email');
    try {
      await this.associations.addMember(id, email, found.session.user);
      res.redirect(303, `${sitePaths.portalAssociationMembers(id)}?done=added`);
    } catch (error) {
      // A bad address, one already a member, an association TFI turned away, too many additions: all beside the field.
      const problem = fieldErrorsOf(error)?.email ?? problemOf(error);
      if (problem === undefined) throw error;
      this.renderMembers(req, res, found.session, found.profile, { email, errors: { email: problem } }, 422);
    }
  }

  @Post('members/:userId/remove')
  async removeMember(@Req() req: Request, @Res() res: Response, @Param('id') id: string, @Param('userId') userId: string): Promise<void> {
    const found = await this.editable(req, res, id);
    if (!found) return;
    try {
      await this.associations.removeMember(id, userId, found.session.user);
      // Whoever removed themselves has just lost this session with the membership: the overview sends them to log in.
      res.redirect(303, userId === found.session.user.id ? '/portal' : `${sitePaths.portalAssociationMembers(id)}?done=removed`);
    } catch (error) {
      const problem = problemOf(error);
      if (problem === undefined) throw error;
      this.renderMembers(req, res, found.session, found.profile, { errors: {}, problem }, 422);
    }
  }

  /** The signed-in editor and the association, or undefined once the answer is sent (to log in, or 404). */
  private editable(req: Request, res: Response, id: string): Promise<EditableAssociation | undefined> {
    return editableAssociation(this.profiles, req, res, this.config.http.publicBaseUrl, id);
  }

  private async renderProfile(
    req: Request,
    res: Response,
    session: ResolvedSession,
    profile: AssociationProfile,
    values: ProfileFormValues,
    errors: FieldErrors,
    status: number,
    saved = false,
  ): Promise<void> {
    const lang = portalLanguage(req);
    const [districts, housingAreas] = await Promise.all([this.reference.districtChoices(lang), this.reference.housingAreaChoices(lang)]);
    sendPage(
      res,
      <ProfilePage
        lang={lang}
        baseUrl={this.config.http.publicBaseUrl}
        session={session}
        association={profile.association}
        values={values}
        errors={errors}
        districts={districts}
        housingAreas={housingAreas}
        saved={saved}
      />,
      { status, cache: 'no-store' },
    );
  }

  private renderMembers(
    req: Request,
    res: Response,
    session: ResolvedSession,
    profile: AssociationProfile,
    state: { email?: string; errors: FieldErrors; problem?: string; done?: string },
    status = 200,
  ): void {
    sendPage(
      res,
      <MembersPage
        lang={portalLanguage(req)}
        baseUrl={this.config.http.publicBaseUrl}
        session={session}
        association={profile.association}
        members={profile.members}
        {...state}
      />,
      { status, cache: 'no-store' },
    );
  }
}
