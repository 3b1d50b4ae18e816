import { Module } from '@nestjs/common';
import { AssociationsModule } from '@mangfold/associations';
import { RateLimiter } from '@mangfold/auth';
import { PUBLIC_WRITE_LIMITER, PublicWriteLimits } from '@mangfold/registrations';
import { AssignmentsResolver } from './assignments.resolver';
import { AssignmentsService } from './assignments.service';
import { SurveyController } from './survey.controller';
import { EventThemesResolver, ThemesResolver } from './themes.resolver';
import { ThemesService } from './themes.service';

/** The rest of TFI's work plan (assignments, project visits, themes, atlases, the seminar package), for the api. */
@Module({
  imports: [AssociationsModule],
  providers: [
    AssignmentsService,
    AssignmentsResolver,
    ThemesService,
    ThemesResolver,
    EventThemesResolver,
    PublicWriteLimits,
    { provide: PUBLIC_WRITE_LIMITER, useExisting: RateLimiter },
  ],
  controllers: [SurveyController],
  exports: [AssignmentsService],
})
export class WorkplanModule {}
