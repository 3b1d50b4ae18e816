import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '@mangfold/auth';
import { AssociationProfiles } from '@mangfold/associations';
import { type AppConfig, InjectConfig, sitePaths } from '@mangfold/config';
import type { FieldErrors } from '@mangfold/graphql';
import { InternationalDayService, ParticipationDirectory, ParticipationInput } from '@mangfold/registrations';
import { fieldErrorsOf, parseInput, problemOf } from '../../forms/form-input';
import { sendPage } from '../../respond';
import { editableAssociation, type EditableAssociation } from './editable-association';
import { portalLanguage } from '../portal-context';
import { ParticipationPage } from './international-day.page';
import { freshParticipationValues, participationErrors, participationInputFrom, type ParticipationFormValues } from './participation-form';
import { postedValues } from '../events/event-form';

/**
 * An association signs up for the coming International Day in the browser, by the same service
 * method and input rules as registerForInternationalDay; its members and TFI only.
 */
@Controller('portal/associations/:id/international-day')
@Public()
export class ParticipationController {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly profiles: AssociationProfiles,
    private readonly days: InternationalDayService,
    private readonly directory: ParticipationDirectory,
  ) {}

  @Get()
  async show(@Req() req: Request, @Res() res: Response, @Param('id') id: string, @Query('done') done: unknown): Promise<void> {
    const found = await this.editable(req, res, id);
    if (!found) return;
    const values = freshParticipationValues({ name: found.session.user.name, email: found.session.user.email });
    await this.render(req, res, found, values, {}, 200, done === 'registered');
  }

  @Post()
  async register(@Req() req: Request, @Res() res: Response, @Param('id') id: string, @Body() body: Record<string, unknown>): Promise<void> {
    const found = await this.editable(req, res, id);
    if (!found) return;
    const values = postedValues(body);
    const day = await this.directory.upcoming();
    if (!day) return this.render(req, res, found, values, {}, 422);
    const parsed = await parseInput(ParticipationInput, participationInputFrom(body, id));
    if (!parsed.ok) return this.render(req, res, found, values, participationErrors(parsed.errors), 422);
    try {
      await this.days.register(found.session.user, day.year, parsed.value);
      res.redirect(303, `${sitePaths.portalAssociationInternationalDay(id)}?done=registered`);
    } catch (error) {
      const fields = fieldErrorsOf(error);
      const problem = problemOf(error);
      if (problem === undefined) throw error;
      await this.render(req, res, found, values, fields ? participationErrors(fields) : { form: problem }, 422);
    }
  }

  private editable(req: Request, res: Response, id: string): Promise<EditableAssociation | undefined> {
    return editableAssociation(this.profiles, req, res, this.config.http.publicBaseUrl, id);
  }

  private async render(
    req: Request,
    res: Response,
    { session, profile }: EditableAssociation,
    values: ParticipationFormValues,
    errors: FieldErrors,
    status: number,
    done = false,
  ): Promise<void> {
    const day = await this.directory.upcoming();
    const participations = day ? await this.directory.ofAssociation(day.id, profile.association.id) : [];
    sendPage(
      res,
      <ParticipationPage
        lang={portalLanguage(req)}
        baseUrl={this.config.http.publicBaseUrl}
        session={session}
        association={profile.association}
        day={day}
        participations={participations}
        values={values}
        errors={errors}
        done={done}
      />,
      { status, cache: 'no-store' },
    );
  }
}
